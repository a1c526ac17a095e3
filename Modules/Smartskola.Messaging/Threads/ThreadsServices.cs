using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Navigation;
using Smartskola.Core.Patients;
using Smartskola.Enrolment.Workspace;

namespace Smartskola.Messaging.Threads;

public static class ThreadsServices
{
    /// <summary>Registers the conversations, their signals to other modules and their part of gallring.</summary>
    public static IServiceCollection AddMessageThreads(this IServiceCollection services)
    {
        services.AddScoped<ConversationService>();
        services.AddScoped<MessageReferences>();
        services.AddScoped<ITriageSignals, UnreadMessageSignals>();
        services.AddScoped<IEnrolmentLinks, MessagingEnrolmentLinks>();
        services.AddScoped<IPatientMenuItems, MessagingMenuItems>();
        services.AddScoped<IPatientDataPurger, MessagingDataPurger>();
        return services;
    }
}
