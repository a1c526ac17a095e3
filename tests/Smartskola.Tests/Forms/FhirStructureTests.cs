namespace Smartskola.Tests.Forms;

/// <summary>The checker itself: it must catch the faults it is there for, or the export test proves nothing.</summary>
public sealed class FhirStructureTests
{
    private const string Valid = """
    { "resourceType": "Bundle", "type": "collection", "entry": [
      { "resource": { "resourceType": "Questionnaire", "url": "https://x/fhir/Questionnaire/t", "version": "1", "status": "active",
        "item": [ { "linkId": "a", "type": "boolean", "text": "A" }, { "linkId": "b", "type": "integer", "text": "B" },
          { "linkId": "c", "type": "string", "text": "C", "enableWhen": [
            { "question": "a", "operator": "=", "answerBoolean": true }, { "question": "b", "operator": ">", "answerInteger": 2 } ],
            "enableBehavior": "all" } ] } },
      { "resource": { "resourceType": "QuestionnaireResponse", "id": "r", "questionnaire": "https://x/fhir/Questionnaire/t|1",
        "status": "completed", "item": [ { "linkId": "a", "answer": [ { "valueBoolean": true } ] } ] } } ] }
    """;

    [Fact]
    public void A_valid_bundle_passes() => Assert.Empty(FhirStructure.Check(Valid));

    [Fact]
    public void A_duplicate_linkId_is_caught() =>
        Assert.Contains(FhirStructure.Check(Valid.Replace("\"linkId\": \"b\", \"type\": \"integer\"", "\"linkId\": \"a\", \"type\": \"integer\"", StringComparison.Ordinal)),
            e => e.Contains("linkId a is not unique", StringComparison.Ordinal));

    [Fact]
    public void A_missing_enableBehavior_is_caught()
    {
        var broken = Valid.Replace("\"enableBehavior\": \"all\"", "\"extension\": []", StringComparison.Ordinal);
        Assert.NotEqual(Valid, broken);
        Assert.Contains(FhirStructure.Check(broken), e => e.Contains("enableBehavior", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enableBehavior_with_a_single_enableWhen_is_caught()
    {
        var broken = Valid.Replace("}, { \"question\": \"b\", \"operator\": \">\", \"answerInteger\": 2 } ]", "} ]", StringComparison.Ordinal);
        Assert.NotEqual(Valid, broken);
        Assert.Contains(FhirStructure.Check(broken), e => e.Contains("enableBehavior", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"answerInteger\": 2", "\"answerString\": \"2\"", "expected answerInteger")]
    [InlineData("\"answerInteger\": 2", "\"answerInteger\": 2, \"answerString\": \"2\"", "exactly one answer[x]")]
    [InlineData("\"question\": \"b\"", "\"question\": \"zz\"", "unknown question zz")]
    [InlineData("\"operator\": \">\"", "\"operator\": \"like\"", "operator like")]
    [InlineData("\"type\": \"integer\"", "\"type\": \"number\"", "not an R4 item type")]
    [InlineData("\"valueBoolean\": true", "\"valueString\": \"ja\"", "must be one valueBoolean")]
    [InlineData("\"linkId\": \"a\", \"answer\"", "\"linkId\": \"q\", \"answer\"", "linkId q is not in its Questionnaire")]
    [InlineData("\"text\": \"B\" }", "\"text\": \"B\", \"answerOption\": [] }", "answerOption on non-choice")]
    [InlineData("Questionnaire/t|1", "Questionnaire/t|2", "does not name a Questionnaire")]
    public void Broken_input_is_caught(string from, string to, string error)
    {
        var broken = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, broken);
        Assert.Contains(FhirStructure.Check(broken), e => e.Contains(error, StringComparison.Ordinal));
    }
}
