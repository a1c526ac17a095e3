using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Fields;

namespace Smartskola.Tests.Unit;

public sealed class ContentRulesTests
{
    [Theory]
    [InlineData("Smärta & sömn – del 1", "smarta-och-somn-del-1")]
    [InlineData("Åter till vardagen", "ater-till-vardagen")]
    [InlineData("Kroppsscanning (15 min)", "kroppsscanning-15-min")]
    [InlineData("Café Øresund", "cafe-oresund")]
    [InlineData("  ---  ", "")]
    public void Slugs_transliterate_Swedish_titles(string title, string slug) => Assert.Equal(slug, Slugs.From(title));

    [Fact]
    public void Slugs_are_at_most_80_characters_without_a_trailing_dash()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("smärta", 30)));
        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }

    [Theory]
    [InlineData("Patientberättelse", "Patientberattelse")]
    [InlineData("vem berättar", "VemBerattar")]
    [InlineData("3 saker", "Typ3Saker")]
    public void Technical_names_are_suggested_from_display_names(string display, string name)
    {
        Assert.Equal(name, ContentNames.Suggest(display));
        Assert.True(ContentNames.IsValid(ContentNames.Suggest(display)));
    }

    [Theory]
    [InlineData("https://www.1177.se", true)]
    [InlineData("mailto:rehab@example.se", true)]
    [InlineData("/innehall/om-digitala-smartskolan", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("data:text/html,hej", false)]
    [InlineData("https://exempel.se/ med mellanslag", false)]
    public void Link_fields_accept_only_web_mail_and_site_addresses(string url, bool allowed) =>
        Assert.Equal(allowed, LinkFieldDriver.IsAllowed(url));
}
