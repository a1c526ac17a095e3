using Smartskola.AuditTrail;
using Smartskola.ContentManagement;
using Smartskola.Core;
using Smartskola.Core.Modules;
using Smartskola.Curriculum;
using Smartskola.Dashboard;
using Smartskola.Enrolment;
using Smartskola.Forms;
using Smartskola.Media;
using Smartskola.Messaging;
using Smartskola.Notifications;
using Smartskola.Recipes;
using Smartskola.Search;
using Smartskola.Users;

namespace Smartskola.Cms;

/// <summary>The modules this site is built from. Adding a module is one project reference and one line here.</summary>
public static class SiteModules
{
    public static IReadOnlyList<ModuleStartup> All() =>
    [
        new CoreModule(),
        new AuditTrailModule(),
        new UsersModule(),
        new ContentManagementModule(),
        new MediaModule(),
        new SearchModule(),
        new CurriculumModule(),
        new EnrolmentModule(),
        new NotificationsModule(),
        new FormsModule(),
        new MessagingModule(),
        new DashboardModule(),
        new RecipesModule(),
    ];
}
