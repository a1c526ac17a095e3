using Smartskola.ContentManagement.Definitions;

namespace Smartskola.ContentManagement.Pages.Admin.ContentTypes;

public sealed record PartCardView(EditModel Page, ContentPartDefinition Part, int Index);
