using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartskola.Core.Modules;
using Smartskola.Core.Navigation;
using Smartskola.Core.Persistence;
using Smartskola.Core.Recipes;
using Smartskola.Core.Security;
using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Progress;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Enrolments;
using Smartskola.Enrolment.Invitations;
using Smartskola.Enrolment.Workspace;
using Smartskola.Enrolment.Progress;
using Smartskola.Enrolment.Figures;
using Smartskola.Enrolment.Lifecycle;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment;

/// <summary>
/// Patients, enrolments, invitations, unlocking, progress follow-up, the clinician's workspace (<c>/admin/patienter</c>),
/// unit figures and the daily lifecycle jobs. Implements <see cref="IModuleAccess"/> for the program's pages.
/// </summary>
public sealed class EnrolmentModule : ModuleStartup
{
    public override string Name => "Enrolment";

    public override int Order => 50;

    public override IEnumerable<Permission> Permissions => EnrolmentPermissions.All;

    public override IEnumerable<AdminMenuItem> AdminMenu =>
    [
        new("Mina patienter", "/admin/patienter", EnrolmentPermissions.ManagePatients, 5),
        new("Enhetens siffror", "/admin/patienter/siffror", EnrolmentPermissions.ViewFigures, 6),
        new("Enhetens regler", "/admin/patienter/installningar", EnrolmentPermissions.UnitSettings, 7),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<EnrolmentDbContext, EnrolmentSqliteDbContext, EnrolmentPostgresDbContext>(Name);
        services.AddHttpContextAccessor();
        services.AddScoped<ActivityLog>();
        services.AddOptions<InvitationOptions>().Bind(context.Configuration.GetSection("Invitations"));
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<IInvitationSignIn, PasswordInvitationSignIn>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<EnrolmentActions>();
        services.AddScoped<EnrolmentAccessGuard>();
        services.AddScoped<TriageList>();
        services.AddScoped<IRecipeStep, Recipes.EnrolmentsRecipeStep>();
        // Curriculum (configured earlier) TryAdds its default; the last registration wins.
        services.AddScoped<CurrentEnrolment>();
        services.AddScoped<IModuleAccess, EnrolmentModuleAccess>();
        services.AddScoped<IReadingActivityListener, EnrolmentProgressListener>();
        services.Configure<MvcOptions>(options => options.Filters.Add<PatientActivityFilter>());
        services.AddScoped<EnrolmentProgress>();

        services.AddOptions<LifecycleOptions>().Bind(context.Configuration.GetSection(LifecycleOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero, "Lifecycle:Interval must be positive.");
        services.AddScoped<EnrolmentTransactions>();
        services.AddScoped<EndingJob>();
        services.AddScoped<ModuleOpeningJob>();
        services.AddScoped<NoticeJob>();
        services.AddScoped<PurgeJob>();
        services.AddScoped<LifecycleJobs>();
        // Notices reach the clinician by e-mail through Core's outbox (no patient details in the mail).
        services.AddScoped<IClinicianNoticeMailer, OutboxNoticeMailer>();
        services.AddScoped<Smartskola.Core.Patients.IPatientDataPurger, AccountPurger>();
        services.AddHostedService<LifecycleService>();
        services.AddScoped<UnitFiguresQuery>();
    }
}
