using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartskola.Curriculum.Tasks;

namespace Smartskola.Forms.Answering;

public static class AnsweringServices
{
    /// <summary>Registers the services of the forms module's answering part.</summary>
    public static IServiceCollection AddFormAnswering(this IServiceCollection services)
    {
        services.AddScoped<PatientForms>();
        services.AddScoped<ResponseWriter>();
        services.AddScoped<DiaryCorrections>();
        services.AddScoped<AnswerSummary>();
        services.AddScoped<Smartskola.Core.Patients.IPatientDataPurger, FormDataPurger>();
        // Replaces Curriculum's titles-only default (whichever module registered first).
        services.Replace(ServiceDescriptor.Scoped<IPatientTasks, FormsPatientTasks>());
        return services;
    }
}
