using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Smartskola.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext. <typeparamref name="TContext"/> is what the module's code uses; the two
    /// subclasses exist only so that each provider has its own migrations (EF Core's "one context type per provider").
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, string moduleName)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var historyTable = MigrationsHistoryTable(moduleName);
        services.AddDbContext<TSqlite>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<SharedDbConnection>().Connection,
                sqlite => sqlite.MigrationsHistoryTable(historyTable)));
        services.AddDbContext<TPostgres>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<SharedDbConnection>().Connection,
                npgsql => npgsql.MigrationsHistoryTable(historyTable)));
        services.AddScoped<TContext>(sp =>
        {
            var shared = sp.GetRequiredService<SharedDbConnection>();
            TContext context = shared.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>();
            shared.Enlist(context);
            return context;
        });
        services.AddSingleton(new ModuleDbContextRegistration(typeof(TContext), moduleName));
        return services;
    }

    public static string MigrationsHistoryTable(string moduleName) => $"__Migrations_{moduleName}";
}
