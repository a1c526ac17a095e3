using System.Net;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Enrolment;

/// <summary>Enrols patients the way a clinician does, through the form at /admin/patienter/ny.</summary>
public static class EnrolmentClient
{
    public static Dictionary<string, string> Fields(string personnummer, string given = "Test", string family = "Patient",
        string? email = null, string policy = "AllAtStart", int initial = 1, int interval = 7) => new()
    {
        ["Input.Personnummer"] = personnummer,
        ["Input.GivenName"] = given,
        ["Input.FamilyName"] = family,
        ["Input.Email"] = email ?? string.Empty,
        ["Input.Policy"] = policy,
        ["Input.InitialModules"] = initial.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.IntervalDays"] = interval.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<Page> SubmitAsync(SiteClient clinician, Dictionary<string, string> fields) =>
        await clinician.ToPageAsync(await clinician.SubmitAsync("/admin/patienter/ny", fields));

    /// <summary>Enrols and returns the enrolment id and the one-time invitation link's path.</summary>
    public static async Task<(Guid EnrolmentId, string InvitationPath)> EnrolAsync(SiteClient clinician, Dictionary<string, string> fields)
    {
        var page = await SubmitAsync(clinician, fields);
        Assert.True(page.Status == HttpStatusCode.OK, page.Text("[data-testid=errors]"));
        var open = page.Document.QuerySelector("[data-testid=open-patient]")!.GetAttribute("href")!;
        var link = page.Document.QuerySelector("[data-testid=invitation-link]")?.GetAttribute("value") ?? string.Empty;
        return (Guid.Parse(open.Split('/').Last()), link.Length > 0 ? new Uri(link).AbsolutePath : string.Empty);
    }
}
