using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>
/// Export of a template's answers as CSV, XLSX and FHIR R4, as the clinician downloads them: contents, escaping,
/// pseudonymisation, unit isolation, rights and the audit entry. Each test publishes its own template.
/// </summary>
public abstract class ExportTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static readonly DateTime Submitted = new(2026, 11, 10, 9, 15, 0, DateTimeKind.Utc);

    private sealed record Seeded(string TemplateId, FormDefinition Definition, Guid North, Guid East, string Personnummer, Guid Response);

    /// <summary>The every-type template owned by Rehab Norra, answered by a North patient (twice) and an East one.</summary>
    private async Task<Seeded> SeedAsync(string family = "Åström")
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        var definition = ExportSeed.EveryType();
        var id = await site.PublishTemplateAsync(north, "Smärtenkät", definition);
        var version = (await site.PublishedVersionsAsync(id)).Single();
        var (enrolment, personnummer) = await site.EnrolPatientAsync(north, "Örjan", family);
        var response = await site.RespondAsync(id, version, definition, north, enrolment, ExportSeed.EveryTypeAnswers, Submitted);
        await site.RespondAsync(id, version, definition, north, enrolment, """{ "f2": "Andra gången", "f4": "0", "f9": 2 }""", Submitted.AddDays(1));
        await site.RespondAsync(id, version, definition, north, enrolment, """{ "f2": "Utkast" }""", Submitted, ResponseStatus.Draft);
        var (other, _) = await site.EnrolPatientAsync(east, "Östen", "Annanenhet");
        await site.RespondAsync(id, version, definition, east, other, """{ "f2": "Östra enhetens svar" }""", Submitted);
        return new Seeded(id, definition, north, east, personnummer, response);
    }

    private async Task<SiteClient> ClientAsync(string email)
    {
        var client = site.CreateSiteClient();
        await client.LoginAsync(email);
        return client;
    }

    private static string Url(string templateId, string query) => $"/admin/formular/{templateId}/export?handler=Download&{query}";

    [Fact]
    public async Task Csv_has_a_bom_swedish_letters_escaped_formulas_scores_and_only_the_units_submitted_responses()
    {
        var seeded = await SeedAsync();
        using var client = await ClientAsync(DemoUsers.ClinicianNorth);

        var response = await client.GetAsync(Url(seeded.TemplateId, "format=CsvSemicolon"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]), ';');
        Assert.Equal(3, rows.Count);
        var header = rows[0];
        Assert.Equal(["svar_id", "patient", "personnummer", "mallversion", "inskickad", "datum"], header[..6]);
        Assert.Equal(["f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f13", "f14", "f15", "f18", "f19",
            "score_total", "band_total", "scoring_algorithm"], header[6..]);
        var first = rows.Single(r => r[0] == seeded.Response.ToString()).Select((v, i) => (header[i], v)).ToDictionary();
        Assert.Equal("Örjan Åström", first["patient"]);
        Assert.Equal(seeded.Personnummer, first["personnummer"]);
        Assert.Equal("2026-11-10T10:15:00", first["inskickad"]);
        Assert.Equal("'=cmd|' /C calc'!A0", first["f2"]);
        Assert.Equal("Åsa sa \"aj\"; ömt\nrad två", first["f3"]);
        Assert.Equal("a|c", first["f5"]);
        Assert.Equal("2,5", first["f8"]); // a decimal comma, so Swedish Excel reads a number
        Assert.Equal("""[{"f16":"Gång","f17":30},{"f16":"Cykel","f17":20}]""", first["f15"]);
        Assert.Equal(("9", "Hög"), (first["score_total"], first["band_total"]));
        Assert.Equal(FormScorer.Algorithm, first["scoring_algorithm"]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("Östra enhetens svar", text);
        Assert.DoesNotContain("Utkast", text);

        var entries = await site.EntriesAsync("forms.export");
        Assert.Contains(entries, e => e.Outcome == "Success" && e.EntityId == $"{seeded.TemplateId};csvsemicolon;v=alla;rader=2;identifierad");
    }

    [Fact]
    public async Task Comma_csv_pseudonymised_has_no_name_or_personnummer_and_pseudonyms_differ_between_exports()
    {
        var seeded = await SeedAsync("Pseudonymsson");
        using var client = await ClientAsync(DemoUsers.ClinicianNorth);

        async Task<List<string[]>> ExportAsync()
        {
            var bytes = await client.Http.GetByteArrayAsync(Url(seeded.TemplateId, "format=CsvComma&pseudonym=true"));
            var text = Encoding.UTF8.GetString(bytes[3..]);
            Assert.DoesNotContain("Pseudonymsson", text);
            Assert.DoesNotContain("Örjan", text);
            Assert.DoesNotContain(seeded.Personnummer, text);
            Assert.DoesNotContain(seeded.Personnummer.Replace("-", string.Empty, StringComparison.Ordinal), text);
            return Csv.Parse(text, ',');
        }

        var first = await ExportAsync();
        var second = await ExportAsync();
        Assert.Equal(["svar_id", "pseudonym", "mallversion"], first[0][..3]);
        Assert.Equal(2, first.Count - 1);
        Assert.StartsWith("P-", first[1][1]);
        Assert.Equal(first[1][1], first[2][1]);
        var decimalColumn = Array.IndexOf(first[0], "f8");
        Assert.Contains(first.Skip(1), r => r[decimalColumn] == "2.5"); // comma-separated files keep the decimal point
        Assert.NotEqual(first[1][1], second[1][1]);
        // Free text stays (the page says so).
        Assert.Contains(first, r => r.Contains("Åsa sa \"aj\"; ömt\nrad två"));
        Assert.Contains(await site.EntriesAsync("forms.export"),
            e => e.EntityId == $"{seeded.TemplateId};csvcomma;v=alla;rader=2;pseudonymiserad");
    }

    [Fact]
    public async Task Xlsx_has_a_sheet_per_version_and_a_data_dictionary()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var v1 = ExportSeed.EveryType();
        var v2 = ExportSeed.EveryType();
        v2.Items.RemoveAll(i => i.Id == "f3");
        v2.Items.Add(new FormItem { Id = "f20", Type = FormItemType.ShortText, Text = "Ny fråga" });
        var id = await site.PublishTemplateAsync(north, "Två versioner", v1, v2);
        var versions = await site.PublishedVersionsAsync(id);
        Assert.Equal(2, versions.Count);
        var (enrolment, personnummer) = await site.EnrolPatientAsync(north, "Xena", "Xlsxdottir");
        await site.RespondAsync(id, versions[0], v1, north, enrolment, ExportSeed.EveryTypeAnswers, Submitted);
        await site.RespondAsync(id, versions[1], v2, north, enrolment, """{ "f20": "Svar på nya frågan", "f9": 4 }""", Submitted);
        using var client = await ClientAsync(DemoUsers.ClinicianNorth);

        var response = await client.GetAsync(Url(id, "format=Xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var book = document.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal([$"Version {versions[1]}", $"Version {versions[0]}", "Datalexikon"], sheets.Select(s => s.Name!.Value));
        List<List<string>> Read(Sheet sheet) => ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();
        var newest = Read(sheets[0]);
        Assert.Contains("f20", newest[0]);
        Assert.DoesNotContain("f3", newest[0]);
        Assert.Equal("Svar på nya frågan", newest[1][newest[0].IndexOf("f20")]);
        Assert.Equal("Xena Xlsxdottir", newest[1][1]);
        Assert.Equal(personnummer, newest[1][2]);
        var oldest = Read(sheets[1]);
        Assert.Equal("Åsa sa \"aj\"; ömt\nrad två", oldest[1][oldest[0].IndexOf("f3")]);
        Assert.Equal("7", oldest[1][oldest[0].IndexOf("f9")]);
        var dictionary = Read(sheets[2]);
        Assert.Contains(dictionary, r => r[0] == "f4" && r[4].Contains("2 = Ofta (2)", StringComparison.Ordinal));
        Assert.Contains(dictionary, r => r[0] == "score_total" && r[4].Contains("f4, f9", StringComparison.Ordinal) && r[4].Contains("Hög", StringComparison.Ordinal));
        Assert.Contains(await site.EntriesAsync("forms.export"), e => e.EntityId == $"{id};xlsx;v=alla;rader=2;identifierad");

        var one = await client.GetAsync(Url(id, $"format=Xlsx&version={versions[0]}"));
        using var oneStream = new MemoryStream(await one.Content.ReadAsByteArrayAsync());
        using var oneDocument = SpreadsheetDocument.Open(oneStream, false);
        Assert.Equal([$"Version {versions[0]}", "Datalexikon"],
            oneDocument.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public async Task Fhir_export_passes_the_structural_R4_check_and_maps_items_and_answers()
    {
        var seeded = await SeedAsync("Fhirsson");
        using var client = await ClientAsync(DemoUsers.ClinicianNorth);

        var response = await client.GetAsync(Url(seeded.TemplateId, "format=Fhir"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Empty(FhirStructure.Check(json));
        using var document = JsonDocument.Parse(json);
        var entries = document.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        var questionnaire = entries.Single(e => e.GetProperty("resourceType").GetString() == "Questionnaire");
        Assert.EndsWith($"/fhir/Questionnaire/{seeded.TemplateId}", questionnaire.GetProperty("url").GetString());
        var items = Flatten(questionnaire).ToDictionary(i => i.GetProperty("linkId").GetString()!);
        Assert.Equal(
            ["display", "string", "text", "choice", "choice", "boolean", "integer", "decimal", "integer", "date", "time", "group", "string",
             "integer", "group", "string", "integer", "decimal", "decimal"],
            Enumerable.Range(1, 19).Select(n => items[$"f{n}"].GetProperty("type").GetString()));
        Assert.True(items["f5"].GetProperty("repeats").GetBoolean());
        Assert.True(items["f15"].GetProperty("repeats").GetBoolean());
        Assert.Equal(100, items["f2"].GetProperty("maxLength").GetInt32());
        var often = items["f4"].GetProperty("answerOption")[2];
        Assert.Equal("Ofta", often.GetProperty("valueCoding").GetProperty("display").GetString());
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/ordinalValue", often.GetProperty("extension")[0].GetProperty("url").GetString());
        Assert.Equal(2m, often.GetProperty("extension")[0].GetProperty("valueDecimal").GetDecimal());
        Assert.Equal("all", items["f14"].GetProperty("enableBehavior").GetString());
        Assert.Equal("any", items["f19"].GetProperty("enableBehavior").GetString());
        Assert.False(items["f13"].TryGetProperty("enableBehavior", out _));
        Assert.True(items["f13"].GetProperty("enableWhen")[0].GetProperty("answerBoolean").GetBoolean());

        var responses = entries.Where(e => e.GetProperty("resourceType").GetString() == "QuestionnaireResponse").ToList();
        Assert.Equal(2, responses.Count);
        var first = responses.Single(r => r.GetProperty("id").GetString() == seeded.Response.ToString());
        Assert.Equal(seeded.Personnummer, first.GetProperty("subject").GetProperty("identifier").GetProperty("value").GetString());
        var answers = Flatten(first).Where(i => i.TryGetProperty("answer", out _))
            .GroupBy(i => i.GetProperty("linkId").GetString()!).ToDictionary(g => g.Key, g => g.SelectMany(i => i.GetProperty("answer").EnumerateArray()).ToList());
        Assert.Equal(["a", "c"], answers["f5"].Select(a => a.GetProperty("valueCoding").GetProperty("code").GetString()));
        Assert.True(answers["f6"][0].GetProperty("valueBoolean").GetBoolean());
        Assert.Equal("22:30:00", answers["f11"][0].GetProperty("valueTime").GetString());
        Assert.Equal(["Gång", "Cykel"], answers["f16"].Select(a => a.GetProperty("valueString").GetString()));
        Assert.Equal(2, first.GetProperty("item").EnumerateArray().Count(i => i.GetProperty("linkId").GetString() == "f15"));

        var pseudonymised = await client.Http.GetStringAsync(Url(seeded.TemplateId, "format=Fhir&pseudonym=true"));
        Assert.Empty(FhirStructure.Check(pseudonymised));
        Assert.DoesNotContain(seeded.Personnummer, pseudonymised);
        Assert.DoesNotContain("Fhirsson", pseudonymised);
    }

    [Fact]
    public async Task Another_units_clinician_only_gets_their_own_responses_and_a_stranger_gets_404_or_403()
    {
        var seeded = await SeedAsync("Enhetsson");
        using var east = await ClientAsync(DemoUsers.ClinicianEast);

        var own = await east.Http.GetByteArrayAsync(Url(seeded.TemplateId, "format=CsvSemicolon"));
        var text = Encoding.UTF8.GetString(own);
        Assert.Contains("Östra enhetens svar", text);
        Assert.DoesNotContain("Enhetsson", text);
        Assert.DoesNotContain("=cmd", text);

        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var unused = await site.PublishTemplateAsync(north, "Bara norra", ExportSeed.EveryType());
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/formular/{unused}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync(Url(unused, "format=Fhir"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync("/admin/formular/finnsinte/export")).StatusCode);
        Assert.Contains(await site.EntriesAsync("forms.export", unused), e => e.Outcome == "Denied");

        using var designer = await ClientAsync(DemoUsers.FormDesigner);
        Assert.Equal(HttpStatusCode.Forbidden, (await designer.GetAsync(Url(seeded.TemplateId, "format=Fhir"))).StatusCode);
        using var patient = await ClientAsync(DemoUsers.Patient);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync(Url(seeded.TemplateId, "format=Fhir"))).StatusCode);
    }

    [Fact]
    public async Task The_page_offers_the_options_and_filters_by_version_and_date()
    {
        var seeded = await SeedAsync("Datumsson");
        using var client = await ClientAsync(DemoUsers.ClinicianNorth);

        var page = await client.GetPageAsync($"/admin/formular/{seeded.TemplateId}/export");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Exportera svar: Smärtenkät", page.MainText);
        Assert.Contains("Fritextsvar följer med", page.MainText);
        Assert.NotNull(page.Document.QuerySelector("input[name=format][value=Fhir]"));

        var day = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync(Url(seeded.TemplateId, "format=CsvSemicolon&fran=2026-11-11&till=2026-11-11")));
        Assert.Contains("Andra gången", day);
        Assert.DoesNotContain("=cmd", day);
        var wrong = await client.GetAsync(Url(seeded.TemplateId, "format=CsvSemicolon&version=99"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("versionen finns inte", await wrong.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement parent) =>
        parent.TryGetProperty("item", out var items)
            ? items.EnumerateArray().SelectMany(i => new[] { i }.Concat(Flatten(i)))
            : [];
}

/// <summary>RFC 4180 reading: quoted fields with doubled quotes, separators and line breaks inside.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text, char separator)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == separator) { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else { field.Append(c); }
        }

        return rows;
    }
}

public sealed class ExportTestsSqlite(SqliteSite site) : ExportTests<SqliteSite>(site);

public sealed class ExportTestsPostgres(PostgresSite site) : ExportTests<PostgresSite>(site);
