using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

/// <summary>
/// Every endpoint the site exposes is listed here with who may use it. A new endpoint fails
/// <see cref="Every_endpoint_is_classified"/> until it is added, and each listed one is checked for anonymous,
/// wrong-role and other-unit requests.
/// </summary>
public abstract class EndpointAuthorizationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static readonly string[] Staff = ["Admin", "Editor", "FormDesigner", "ClinicianNorth", "UnitManagerNorth"];

    /// <summary>Demo accounts by the short names used below.</summary>
    private static readonly Dictionary<string, string> Accounts = new()
    {
        ["Admin"] = DemoUsers.Admin,
        ["Editor"] = DemoUsers.Editor,
        ["FormDesigner"] = DemoUsers.FormDesigner,
        ["ClinicianNorth"] = DemoUsers.ClinicianNorth,
        ["UnitManagerNorth"] = DemoUsers.UnitManagerNorth,
        ["Patient"] = DemoUsers.Patient,
    };

    /// <param name="Pattern">The route template as ASP.NET Core reports it.</param>
    /// <param name="Sample">A URL to request; {north} and {east} become unit ids, {someone} a user id.</param>
    /// <param name="Allowed">Accounts that get 200; every other account gets 403. Null: public.</param>
    /// <param name="HasPost">Also POST (with a valid anti-forgery token) as each refused account.</param>
    /// <param name="OtherUnit">A URL for another unit's data, refused with 404 to <see cref="OtherUnitAccounts"/>.</param>
    /// <param name="AllowedStatus">What an allowed account gets for the sample when not 200.</param>
    private sealed record Rule(string Pattern, string Sample, string[]? Allowed, bool HasPost = false, string? OtherUnit = null,
        HttpStatusCode? AllowedStatus = null);

    private static readonly string[] Editors = ["Admin", "Editor"];

    /// <summary>Who may preview the program as a patient sees it.</summary>
    private static readonly string[] Previewers = ["Admin", "Editor", "ClinicianNorth"];

    /// <summary>Who may design form templates (templates of other units answer 404; see Forms/DesignTemplateTests).</summary>
    private static readonly string[] FormDesigners = ["FormDesigner"];

    private static readonly string[] OtherUnitAccounts = ["ClinicianNorth", "UnitManagerNorth"];

    private static readonly Rule[] Rules =
    [
        new("logga-in", "/logga-in", null),
        new("logga-in/tvastegs", "/logga-in/tvastegs", null),
        new("logga-ut", "/logga-ut", null),
        new("fel/{code:int}", "/fel/404", null),
        new("health", "/health", null),
        new("{**path:file}", "/_content/Smartskola.Themes.Patient/patient.css", null), // static files, public by design
        new("robots.txt", "/robots.txt", null), // keeps search engines out
        new("", "/", ["Patient"]),
        new("admin", "/admin", Staff),
        new("konto/tvastegsverifiering", "/konto/tvastegsverifiering", Staff, HasPost: true),
        new("admin/enheter", "/admin/enheter", ["Admin", "Editor", "FormDesigner", "ClinicianNorth", "UnitManagerNorth"], HasPost: true),
        new("admin/enheter/{id:guid}", "/admin/enheter/{north}", ["Admin", "Editor", "FormDesigner", "ClinicianNorth", "UnitManagerNorth"],
            OtherUnit: "/admin/enheter/{east}"),
        new("admin/granskning", "/admin/granskning", ["Admin", "UnitManagerNorth"], OtherUnit: "/admin/granskning?enhet={east}"),
        new("admin/granskning/verifiera", "/admin/granskning/verifiera", ["Admin"], HasPost: true),
        new("admin/anvandare", "/admin/anvandare", ["Admin"]),
        new("admin/anvandare/ny", "/admin/anvandare/ny", ["Admin"], HasPost: true),
        new("admin/anvandare/{id:guid}", "/admin/anvandare/{someone}", ["Admin"], HasPost: true),
        new("admin/roller", "/admin/roller", ["Admin"], HasPost: true),
        new("admin/innehall", "/admin/innehall", Editors),
        new("admin/innehall/ny/{type}", "/admin/innehall/ny/Sida", Editors, HasPost: true),
        new("admin/innehall/{id:length(32)}", "/admin/innehall/{page}", Editors, HasPost: true),
        new("admin/innehall/{id:length(32)}/historik", "/admin/innehall/{page}/historik", Editors, HasPost: true),
        new("admin/innehall/{id:length(32)}/jamfor", "/admin/innehall/{page}/jamfor?fran=1&till=1", Editors),
        new("admin/innehall/{id:length(32)}/forhandsgranska", "/admin/innehall/{page}/forhandsgranska", Editors),
        new("admin/innehall/papperskorg", "/admin/innehall/papperskorg", ["Admin"], HasPost: true),
        new("admin/innehall/export", "/admin/innehall/export", ["Admin"], HasPost: true),
        new("admin/innehallstyper", "/admin/innehallstyper", ["Admin"], HasPost: true),
        new("admin/innehallstyper/{name}", "/admin/innehallstyper/Sida", ["Admin"], HasPost: true),
        new("admin/recept", "/admin/recept", ["Admin"], HasPost: true),
        new("innehall/{**path}", "/innehall/om-digitala-smartskolan", [.. Staff, "Patient"]),
        new("media/{**path}", "/media/{media}", [.. Staff, "Patient"]),
        new("inbjudan/{token}", "/inbjudan/ingen-sadan-lank", null), // a one-time link is its own credential
        new("admin/patienter", "/admin/patienter", ["ClinicianNorth"], HasPost: true),
        new("admin/patienter/ny", "/admin/patienter/ny", ["ClinicianNorth"], HasPost: true),
        new("admin/formular", "/admin/formular", FormDesigners, HasPost: true),
        new("admin/formular/ny", "/admin/formular/ny", FormDesigners, HasPost: true),
        new("admin/formular/{id:length(32)}", "/admin/formular/{formNorth}", ["FormDesigner"], HasPost: true),
        new("admin/formular/{id:length(32)}/dela", "/admin/formular/{formNorth}/dela", ["FormDesigner"], HasPost: true),
        new("admin/formular/{id:length(32)}/textpaket", "/admin/formular/{formNorth}/textpaket", ["FormDesigner"], HasPost: true),
        new("admin/formular/{id:length(32)}/forhandsvisning", "/admin/formular/{formNorth}/forhandsvisning", ["FormDesigner"], HasPost: true),
        new("admin/formular/{templateId}/export", "/admin/formular/{formNorth}/export", ["ClinicianNorth", "UnitManagerNorth"],
            OtherUnit: "/admin/formular/{formEast}/export"),
        new("admin/formular/{templateId}/invanarlank", "/admin/formular/{formNorth}/invanarlank", ["FormDesigner"], HasPost: true),
        new("admin/formular/inkorg/{id:guid?}", "/admin/formular/inkorg", ["ClinicianNorth"], HasPost: true),
        new("formular/{token}", "/formular/ingen-sadan-lank", null), // a public link is its own credential; unknown: 404
        new("program/installningar", "/program/installningar", ["Patient"], HasPost: true),
        new("admin/installningar/notifieringar", "/admin/installningar/notifieringar", Staff, HasPost: true),
        new("admin/notifieringar/program", "/admin/notifieringar/program", ["Admin"], HasPost: true),
        new("admin/patienter/{enrolmentId:guid}/notifieringar", "/admin/patienter/{enrolNorth}/notifieringar", ["ClinicianNorth"],
            OtherUnit: "/admin/patienter/{enrolEast}/notifieringar"),
        new("admin/patienter/{id:guid}", "/admin/patienter/{enrolNorth}", ["ClinicianNorth"], HasPost: true, OtherUnit: "/admin/patienter/{enrolEast}"),
        new("program", "/program", ["Patient"]),
        new("program/modul/{number:int}", "/program/modul/1", ["Patient"]),
        new("program/modul/{number:int}/{slug}", "/program/modul/1/presentation-av-upplagget", ["Patient"]),
        new("program/ovningar", "/program/ovningar", ["Patient"]),
        new("program/ovningar/{slug}", "/program/ovningar/kroppsscanning", ["Patient"]),
        new("program/sok", "/program/sok?q=sm%C3%A4rta", ["Patient"]),
        new("program/loggutdrag", "/program/loggutdrag", ["Patient"]),
        new("program/mina-svar", "/program/mina-svar", ["Patient"]),
        new("program/formular/{assignmentId:guid}", "/program/formular/{formPatrik}", ["Patient"], HasPost: true),
        // The sample form is in no module: the patient gets 404 there, everyone else 403 (Module forms: AnsweringTests).
        new("program/modul/{number:int}/formular/{templateId}", "/program/modul/1/formular/{formTemplate}", ["Patient"],
            AllowedStatus: HttpStatusCode.NotFound),
        new("admin/program/forhandsgranska", "/admin/program/forhandsgranska", Previewers),
        new("admin/forhandsgranska/program", "/admin/forhandsgranska/program", Previewers),
        new("admin/forhandsgranska/program/modul/{number:int}", "/admin/forhandsgranska/program/modul/1", Previewers),
        new("admin/forhandsgranska/program/modul/{number:int}/{slug}", "/admin/forhandsgranska/program/modul/1/presentation-av-upplagget", Previewers),
        new("admin/forhandsgranska/program/ovningar", "/admin/forhandsgranska/program/ovningar", Previewers),
        new("admin/forhandsgranska/program/ovningar/{slug}", "/admin/forhandsgranska/program/ovningar/kroppsscanning", Previewers),
        new("admin/forhandsgranska/program/sok", "/admin/forhandsgranska/program/sok?q=sm%C3%A4rta", Previewers),
        new("admin/sok", "/admin/sok?q=sm%C3%A4rta", Editors, HasPost: true),
        new("media/_v/{revision:int}/{**path}", "/media/_v/1/{media}", [.. Staff, "Patient"]),
        new("media/_w/{width:int}/{revision:int}/{**path}", "/media/_w/320/1/{wide}", [.. Staff, "Patient"]),
        new("admin/media", "/admin/media", Editors, HasPost: true),
        new("admin/media/{id:length(32)}", "/admin/media/{asset}", Editors, HasPost: true),
        new("admin/formular/utskick", "/admin/formular/utskick", ["ClinicianNorth"]),
        new("admin/formular/utskick/ny", "/admin/formular/utskick/ny", ["ClinicianNorth"], HasPost: true),
        new("admin/formular/utskick/{id:guid}", "/admin/formular/utskick/{dispatchNorth}", ["ClinicianNorth"], HasPost: true,
            OtherUnit: "/admin/formular/utskick/{dispatchEast}"),
        new("admin/formular/mottagarlistor", "/admin/formular/mottagarlistor", ["ClinicianNorth"], HasPost: true),
        new("admin/patienter/{enrolmentId:guid}/formular", "/admin/patienter/{enrolNorth}/formular", ["ClinicianNorth"],
            OtherUnit: "/admin/patienter/{enrolEast}/formular"),
        new("admin/patienter/{enrolmentId:guid}/formular/svar/{responseId:guid}", "/admin/patienter/{enrolNorth}/formular/svar/{responseNorth}",
            ["ClinicianNorth"], HasPost: true, OtherUnit: "/admin/patienter/{enrolEast}/formular/svar/{responseNorth}"),
        new("admin/patienter/siffror", "/admin/patienter/siffror", ["Admin", "UnitManagerNorth"],
            OtherUnit: "/admin/patienter/siffror?enhet={east}"),
        new("admin/patienter/installningar", "/admin/patienter/installningar", ["Admin", "UnitManagerNorth"], HasPost: true,
            OtherUnit: "/admin/patienter/installningar?enhet={east}"),
        new("program/meddelanden", "/program/meddelanden", ["Patient"], HasPost: true),
        new("program/meddelanden/praktiska-fragor", "/program/meddelanden/praktiska-fragor", ["Patient"], HasPost: true),
        new("admin/patienter/{enrolmentId:guid}/meddelanden", "/admin/patienter/{enrolNorth}/meddelanden", ["ClinicianNorth"], HasPost: true,
            OtherUnit: "/admin/patienter/{enrolEast}/meddelanden"),
        new("admin/meddelanden/funktionsbrevlada", "/admin/meddelanden/funktionsbrevlada", ["ClinicianNorth"]),
        new("admin/meddelanden/funktionsbrevlada/{enrolmentId:guid}", "/admin/meddelanden/funktionsbrevlada/{enrolNorth}", ["ClinicianNorth"],
            HasPost: true, OtherUnit: "/admin/meddelanden/funktionsbrevlada/{enrolEast}"),
        new("admin/meddelanden/mallar", "/admin/meddelanden/mallar", ["ClinicianNorth", "UnitManagerNorth"], HasPost: true),
    ];

    /// <summary>The demo page the setup recipe creates.</summary>
    public const string DemoPageId = "5a0d1e00000000000000000000000001";

    public static TheoryData<string> ProtectedPatterns() => new(Rules.Where(r => r.Allowed is not null).Select(r => r.Pattern));

    [Fact]
    public void Every_endpoint_is_classified()
    {
        var discovered = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("_content/", StringComparison.Ordinal)) // static theme files, public by design
            .Select(StaticAssetName)
            .ToHashSet();

        var unclassified = discovered.Except(Rules.Select(r => r.Pattern)).Order().ToList();
        var stale = Rules.Select(r => r.Pattern).Except(discovered).ToList();
        Assert.True(unclassified.Count == 0, "Endpoints missing from EndpointAuthorizationTests.Rules: " + string.Join(", ", unclassified));
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    /// <summary>A static file is served under its name, a fingerprinted name and compressed: classify it once.</summary>
    private static string StaticAssetName(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\.[a-z0-9]{10}(?=\.[^/.]+(\.gz|\.br)?$)|\.(gz|br)$", "");

    [Theory]
    [MemberData(nameof(ProtectedPatterns))]
    public async Task Anonymous_requests_are_sent_to_login(string pattern)
    {
        var rule = Rules.Single(r => r.Pattern == pattern);
        using var client = site.CreateSiteClient();
        var response = await client.GetAsync(await ResolveAsync(rule.Sample));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(ProtectedPatterns))]
    public async Task Only_the_allowed_roles_get_in(string pattern)
    {
        var rule = Rules.Single(r => r.Pattern == pattern);
        var url = await ResolveAsync(rule.Sample);
        foreach (var (name, email) in Accounts)
        {
            using var client = site.CreateSiteClient();
            await client.LoginAsync(email);
            var response = await client.GetAsync(url);
            if (rule.Allowed!.Contains(name))
            {
                // The front door only redirects: patients to their program.
                var allowed = rule.AllowedStatus ?? (rule.Pattern == "" ? HttpStatusCode.Redirect : HttpStatusCode.OK);
                Assert.True(response.StatusCode == allowed, $"{name} GET {url}: {(int)response.StatusCode}");
                continue;
            }

            // Staff who open the patient start page are redirected to their own home, never shown patient content.
            var expected = rule.Pattern == "" && name != "Patient" ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;
            Assert.True(response.StatusCode == expected, $"{name} GET {url}: {(int)response.StatusCode}, expected {(int)expected}");
            if (rule.HasPost)
            {
                var token = await TokenAsync(client);
                var post = await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                }));
                Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{name} POST {url}: {(int)post.StatusCode}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProtectedPatterns))]
    public async Task Another_units_data_is_404(string pattern)
    {
        var rule = Rules.Single(r => r.Pattern == pattern);
        if (rule.OtherUnit is null)
        {
            return; // Not unit-scoped.
        }

        var url = await ResolveAsync(rule.OtherUnit);
        foreach (var name in OtherUnitAccounts.Where(a => rule.Allowed!.Contains(a)))
        {
            using var client = site.CreateSiteClient();
            await client.LoginAsync(Accounts[name]);
            var page = await client.ToPageAsync(await client.GetAsync(url));
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{name} GET {url}: {(int)page.Status}");
            Assert.DoesNotContain("östra", page.MainText);
        }
    }

    private async Task<string> ResolveAsync(string sample) => (await FormSamplesAsync(sample))
        .Replace("{page}", DemoPageId, StringComparison.Ordinal)
        .Replace("{media}", await MediaFileAsync(), StringComparison.Ordinal)
        .Replace("{wide}", "test/bred.png", StringComparison.Ordinal)
        .Replace("{asset}", (await site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Media.Library.MediaLibrary>()
            .FindByPathAsync("test/punkt.png")))!.Id, StringComparison.Ordinal)
        .Replace("{someone}", (await site.WithScopeAsync(sp =>
            sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Smartskola.Users.Data.User>>()
                .FindByEmailAsync(DemoUsers.Editor)))!.Id.ToString(), StringComparison.Ordinal)
        .Replace("{formNorth}", await DemoTemplateAsync(), StringComparison.Ordinal)
        .Replace("{dispatchNorth}", (await FormsSampleAsync()).DispatchNorth.ToString(), StringComparison.Ordinal)
        .Replace("{dispatchEast}", (await FormsSampleAsync()).DispatchEast.ToString(), StringComparison.Ordinal)
        .Replace("{responseNorth}", (await FormsSampleAsync()).ResponseNorth.ToString(), StringComparison.Ordinal)
        .Replace("{formEast}", await FormTemplateAsync(DemoUsers.UnitEast), StringComparison.Ordinal)
        .Replace("{enrolNorth}", (await DemoEnrolmentAsync("Patrik")).ToString(), StringComparison.Ordinal)
        .Replace("{enrolEast}", (await DemoEnrolmentAsync("Olle")).ToString(), StringComparison.Ordinal)
        .Replace("{north}", (await site.UnitIdAsync(DemoUsers.UnitNorth)).ToString(), StringComparison.Ordinal)
        .Replace("{east}", (await site.UnitIdAsync(DemoUsers.UnitEast)).ToString(), StringComparison.Ordinal);

    /// <summary>{formTemplate}: a published form template; {formPatrik}: an assignment of it sent to Patrik.</summary>
    private async Task<string> FormSamplesAsync(string sample)
    {
        if (!sample.Contains("{form", StringComparison.Ordinal))
        {
            return sample;
        }

        var template = await Forms.AnsweringSeed.TemplateAsync(site, Forms.AnsweringSeed.ConditionalForm(), "Behörighetstest");
        return sample.Replace("{formTemplate}", template, StringComparison.Ordinal)
            .Replace("{formPatrik}", (await Forms.AnsweringSeed.AssignAsync(site, template)).ToString(), StringComparison.Ordinal);
    }

    /// <summary>A draft form template of the northern unit (made once per site).</summary>
    private async Task<string> DemoTemplateAsync()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        return await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Smartskola.Forms.Data.FormsDbContext>();
            var existing = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.Templates.Where(t => t.OwnerUnitId == north).Select(t => t.ContentItemId));
            return existing ?? await sp.GetRequiredService<Smartskola.Forms.Design.TemplateDesigner>()
                .CreateAsync(north, new HashSet<Guid> { north }, "Behörighetstest");
        });
    }

    private (Guid DispatchNorth, Guid DispatchEast, Guid ResponseNorth)? _formsSample;

    /// <summary>A dispatch at each unit and a submitted response of Patrik's (north), written once per site.</summary>
    private async Task<(Guid DispatchNorth, Guid DispatchEast, Guid ResponseNorth)> FormsSampleAsync()
    {
        if (_formsSample is { } done)
        {
            return done;
        }

        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        var enrolment = await DemoEnrolmentAsync("Patrik");
        var sample = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Smartskola.Forms.Data.FormsDbContext>();
            var template = $"authsample{Guid.NewGuid():N}"[..32];
            db.Versions.Add(new() { TemplateId = template, Version = 1, Title = "Behörighetstest", DefinitionJson = "{}", PublishedUtc = DateTime.UtcNow });
            db.Dispatches.Add(new() { Id = sample.Item1, TemplateId = template, TemplateVersion = 1, UnitId = north, CreatedUtc = DateTime.UtcNow });
            db.Dispatches.Add(new() { Id = sample.Item2, TemplateId = template, TemplateVersion = 1, UnitId = east, CreatedUtc = DateTime.UtcNow });
            var assignment = new Smartskola.Forms.Data.FormAssignment
            {
                Id = Guid.NewGuid(), DispatchId = sample.Item1, EnrolmentId = enrolment, UnitId = north, TemplateId = template, TemplateVersion = 1,
                AvailableOn = DateOnly.FromDateTime(DateTime.UtcNow), Status = Smartskola.Forms.Data.AssignmentStatus.Answered, CreatedUtc = DateTime.UtcNow,
            };
            db.Assignments.Add(assignment);
            db.Responses.Add(new()
            {
                Id = sample.Item3, AssignmentId = assignment.Id, EnrolmentId = enrolment, UnitId = north, TemplateId = template, TemplateVersion = 1,
                Status = Smartskola.Forms.Data.ResponseStatus.Submitted, StartedUtc = DateTime.UtcNow, SavedUtc = DateTime.UtcNow, SubmittedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        _formsSample = sample;
        return sample;
    }

    private readonly Dictionary<string, string> _formTemplates = [];

    /// <summary>A published form template owned by the unit (made once per site).</summary>
    private async Task<string> FormTemplateAsync(string unitCode)
    {
        if (!_formTemplates.TryGetValue(unitCode, out var id))
        {
            id = await Smartskola.Tests.Forms.ExportSeed.PublishTemplateAsync(site, await site.UnitIdAsync(unitCode), "Behörighetstest",
                Smartskola.Tests.Forms.ExportSeed.EveryType());
            _formTemplates[unitCode] = id;
        }

        return id;
    }

    /// <summary>A demo patient's enrolment (the setup recipe enrols Patrik at the northern unit, Olle at the eastern).</summary>
    private Task<Guid> DemoEnrolmentAsync(string givenName) => site.WithScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<Smartskola.Enrolment.Data.EnrolmentDbContext>();
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Enrolments.Where(e => db.Patients.Any(p => p.Id == e.PatientId && p.GivenName == givenName)).Select(e => e.Id));
    });

    /// <summary>
    /// Library files a published page shows (so every signed-in role may fetch them): a 1×1 PNG, and a 400 px wide PNG
    /// with derivatives. Imported once per site by a recipe.
    /// </summary>
    private async Task<string> MediaFileAsync()
    {
        if (await site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Media.Library.MediaLibrary>().FindByPathAsync("test/punkt.png")) is null)
        {
            var folder = Directory.CreateTempSubdirectory("smartskola-recipe-").FullName;
            await File.WriteAllBytesAsync(Path.Combine(folder, "punkt.png"), TestFiles.Png);
            await File.WriteAllBytesAsync(Path.Combine(folder, "bred.png"), await TestMedia.PngAsync(400, 300));
            await File.WriteAllTextAsync(Path.Combine(folder, "media.recipe.json"), """
                {"name": "media", "steps": [
                  {"name": "media", "files": [{"path": "test/punkt.png", "source": "punkt.png", "alt": "Punkt"},
                                              {"path": "test/bred.png", "source": "bred.png", "alt": "Bred"}]},
                  {"name": "content", "items": [{"contentType": "Sida", "published": true, "content": {
                    "TitlePart": {"title": "Bilder för behörighetstest"},
                    "HtmlBodyPart": {"html": "<p><img src=\"/media/test/punkt.png\" alt=\"Punkt\"><img src=\"/media/test/bred.png\" alt=\"Bred\"></p>"}}}]}]}
                """);
            await site.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<Smartskola.Recipes.Services.RecipeRunner>().RunFileAsync(Path.Combine(folder, "media.recipe.json"), isSetup: false);
                return 0;
            });
        }

        return "test/punkt.png";
    }

    /// <summary>A valid anti-forgery token for the signed-in user, from a page everyone may open.</summary>
    private static async Task<string> TokenAsync(SiteClient client)
    {
        var page = await client.GetPageAsync("/logga-ut");
        return page.Token;
    }
}

public sealed class EndpointAuthorizationTestsSqlite(SqliteSite site) : EndpointAuthorizationTests<SqliteSite>(site);

public sealed class EndpointAuthorizationTestsPostgres(PostgresSite site) : EndpointAuthorizationTests<PostgresSite>(site);
