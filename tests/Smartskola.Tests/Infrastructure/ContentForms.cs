using System.Net;

namespace Smartskola.Tests.Infrastructure;

/// <summary>Drives the content editor's real forms the way an editor without JavaScript would.</summary>
public static class ContentForms
{
    public const string SaveDraft = "[data-testid=save-draft]";
    public const string Publish = "[data-testid=publish]";

    /// <summary>Fills the create form for <paramref name="type"/> and submits it; returns the new item's id.</summary>
    public static async Task<string> CreateAsync(SiteClient client, string type, Dictionary<string, string> fields,
        string button = SaveDraft, string? container = null)
    {
        var url = container is null ? $"/admin/innehall/ny/{type}" : $"/admin/innehall/ny/{type}?lista={container}";
        var response = await client.SubmitAsync(url, fields, "main form[data-testid=content-form]", button: button);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith("/admin/innehall/", StringComparison.Ordinal),
            $"Create {type}: {(int)response.StatusCode} {(await client.ToPageAsync(response)).MainText}");
        return response.Headers.Location!.OriginalString.Split('/', '?')[3];
    }

    /// <summary>Opens the edit form, changes <paramref name="fields"/> and submits; returns the raw response.</summary>
    public static Task<HttpResponseMessage> SaveAsync(SiteClient client, string id, Dictionary<string, string> fields,
        string button = SaveDraft) =>
        client.SubmitAsync($"/admin/innehall/{id}", fields, "main form[data-testid=content-form]", button: button);

    /// <summary>Saves and asserts it worked (a redirect back to the item).</summary>
    public static async Task SaveOkAsync(SiteClient client, string id, Dictionary<string, string> fields, string button = SaveDraft)
    {
        var response = await SaveAsync(client, id, fields, button);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith("/admin/innehall/", StringComparison.Ordinal),
            $"Save {id}: {(int)response.StatusCode} {(await client.ToPageAsync(response)).MainText}");
    }

    public static async Task<SiteClient> SignedInAsync(SiteFactory site, string email)
    {
        var client = site.CreateSiteClient();
        await client.LoginAsync(email);
        return client;
    }
}
