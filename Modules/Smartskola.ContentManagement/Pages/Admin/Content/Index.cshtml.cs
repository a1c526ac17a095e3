using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>Content list with filters; shows only types the user may edit.</summary>
[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class IndexModel(ContentDefinitionManager definitions, ContentQuery query) : PageModel
{
    [FromQuery(Name = "typ")] public string? TypeFilter { get; set; }

    [FromQuery(Name = "status")] public ContentStatus? StatusFilter { get; set; }

    [FromQuery(Name = "q")] public string? Text { get; set; }

    [FromQuery(Name = "lista")] public string? ContainerFilter { get; set; }

    [FromQuery(Name = "sida")] public int PageNumber { get; set; } = 1;

    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<ContentTypeDefinition> Listable { get; private set; } = [];

    public IReadOnlyList<ContentTypeDefinition> Creatable { get; private set; } = [];

    public IReadOnlyList<ContentItemRecord> Containers { get; private set; } = [];

    public ContentListPage Result { get; private set; } = new([], 0, 1, 50);

    public string TypeName(string name) => Listable.FirstOrDefault(t => t.Name == name)?.DisplayName ?? name;

    public string PageUrl(int page)
    {
        var query = new QueryBuilder();
        if (TypeFilter is not null) query.Add("typ", TypeFilter);
        if (StatusFilter is not null) query.Add("status", StatusFilter.ToString()!);
        if (Text is not null) query.Add("q", Text);
        if (ContainerFilter is not null) query.Add("lista", ContainerFilter);
        query.Add("sida", page.ToString());
        return "/admin/innehall" + query;
    }

    public async Task OnGetAsync()
    {
        var editable = (await definitions.ListAsync()).Where(t => ContentAuthorizer.Can(User, ContentAction.Edit, t)).ToList();
        Listable = editable.Where(t => t.Settings.Listable).ToList();
        Creatable = editable.Where(t => t.Settings.Creatable).ToList();
        var visible = Listable.Select(t => t.Name).ToHashSet();
        var containerTypes = Listable.Where(t => t.Has(ListPartDriver.PartKind)).Select(t => t.Name).ToList();
        Containers = containerTypes.Count == 0 ? [] : (await query.ListAsync(new ContentListFilter(PageSize: 200), 
            containerTypes.ToHashSet())).Items.OrderBy(c => c.DisplayText).ToList();
        Result = await query.ListAsync(new ContentListFilter(TypeFilter, StatusFilter, Text, ContainerFilter,
            Page: Math.Max(1, PageNumber)), visible);
    }
}
