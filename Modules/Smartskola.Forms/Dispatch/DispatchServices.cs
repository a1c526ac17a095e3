using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Enrolment.Workspace;
using Smartskola.Forms.FollowUp;

namespace Smartskola.Forms.Dispatch;

public static class DispatchServices
{
    /// <summary>Registers the services of the forms module's dispatch part.</summary>
    public static IServiceCollection AddFormDispatch(this IServiceCollection services)
    {
        services.AddOptions<FormReminderOptions>().BindConfiguration(FormReminderOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Forms:Reminders:Interval must be positive.");
        services.AddScoped<FormNotices>();
        services.AddScoped<DispatchService>();
        services.AddScoped<RecipientLists>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<EnrolmentForms>();
        services.AddScoped<FormReminderJob>();
        services.AddHostedService<FormReminderService>();
        services.AddScoped<ITriageSignals, OverdueFormSignals>();
        services.AddScoped<IEnrolmentLinks, FormsEnrolmentLinks>();
        return services;
    }
}
