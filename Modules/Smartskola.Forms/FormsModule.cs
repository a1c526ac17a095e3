using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Handlers;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Answering;
using Smartskola.Forms.Design;
using Smartskola.Forms.Dispatch;
using Smartskola.Forms.Export;
using Smartskola.Forms.Recipes;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms;

/// <summary>
/// Forms: the template designer and sharing (<c>/admin/formular</c>), dispatch and follow-up, the patient's answering
/// (module forms and "Att göra"), diaries, feedback and exports (CSV, XLSX, FHIR R4). Templates are content items of
/// type <see cref="FormTypes.Template"/> with a <see cref="FormDefinitionPartDriver"/> part.
/// </summary>
public sealed class FormsModule : ModuleStartup
{
    public override string Name => "Forms";

    public override int Order => 60;

    public override IEnumerable<Permission> Permissions => FormsPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Formulärmallar", "/admin/formular", FormsPermissions.Design, 30),
        new("Utskick", "/admin/formular/utskick", FormsPermissions.Dispatch, 31),
        new("Inkorg (invånarformulär)", "/admin/formular/inkorg", FormsPermissions.Dispatch, 32),
        new("Mottagarlistor", "/admin/formular/mottagarlistor", FormsPermissions.Dispatch, 33),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<FormsDbContext, FormsSqliteDbContext, FormsPostgresDbContext>(Name);
        services.AddHttpContextAccessor();
        services.AddContentPart<FormDefinitionPartDriver>();
        services.AddScoped<FormTemplateStore>();
        services.AddScoped<TemplateUse>();
        services.AddContentHandler<TemplateSnapshotHandler>();
        services.AddScoped<IContentImportListener, TemplateImportListener>();
        services.AddFormDesign();
        services.AddFormAnswering();
        services.AddFormDispatch();
        services.AddFormExport();
        services.AddFormRecipes();
    }
}
