using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Persistence;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// The whole site, in process, on its own fresh database of the chosen provider, seeded from the real setup
/// recipe (Development environment, so the demo accounts exist).
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Smartskola-demo-1";

    private readonly string _databaseName = $"smartskola_test_{Guid.NewGuid():N}";
    private readonly bool _ownsDatabase = true;
    private readonly IReadOnlyDictionary<string, string?>? _inheritedSettings;
    private string _connectionString = string.Empty;

    protected SiteFactory(DatabaseProvider provider) => Provider = provider;

    /// <summary>Another instance on <paramref name="original"/>'s database (for a derived factory's own copy).</summary>
    protected SiteFactory(SiteFactory original)
    {
        Provider = original.Provider;
        _connectionString = original.ConnectionString;
        _ownsDatabase = false;
        _inheritedSettings = original.Settings; // another instance is configured alike (e.g. the same mail server)
    }

    /// <summary>
    /// A second site (a restart, or another instance) on the same database as <paramref name="original"/>, with the
    /// original's <see cref="Settings"/>. The original owns the database and what it started (e.g. a mail server).
    /// </summary>
    public static SiteFactory OnSameDatabase(SiteFactory original) => new(original);

    public DatabaseProvider Provider { get; }

    public TestClock Clock { get; } = new();

    public LogCapture Logs { get; } = new();

    public string ConnectionString => _connectionString;

    /// <summary>This site's own media folder (not the developer's App_Data).</summary>
    public string MediaRoot => Path.Combine(Path.GetTempPath(), "smartskola-tests", "media", _databaseName);

    /// <summary>Where mail goes (.eml files) unless <c>Mail:Host</c> is set, e.g. by <see cref="MailSiteFactory"/>.</summary>
    public string MailPickupDirectory => Path.Combine(Path.GetTempPath(), "smartskola-tests", "mail", _databaseName);

    /// <summary>Development by default, so the setup recipe creates the demo accounts.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Extra configuration for a derived factory (e.g. mandatory two-factor).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings =>
        _inheritedSettings ?? new Dictionary<string, string?>();

    /// <summary>Settings that send this site's mail to <paramref name="server"/>.</summary>
    public static Dictionary<string, string?> MailSettings(MailServer server) => new()
    {
        ["Mail:Host"] = server.Host,
        ["Mail:Port"] = server.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:EnableSsl"] = "false",
    };

    /// <summary>Starts what the site needs before it is built (a derived factory's mail server).</summary>
    protected virtual Task StartDependenciesAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartDependenciesAsync"/> started, after the site.</summary>
    protected virtual ValueTask StopDependenciesAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        await StartDependenciesAsync();
        if (_ownsDatabase)
        {
            _connectionString = await TestDatabases.CreateAsync(Provider, _databaseName);
        }

        _ = Services; // Build and start the host now: migrations and the setup recipe run here.
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await TestDatabases.DropAsync(Provider, _databaseName, _connectionString);
        }

        await StopDependenciesAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Site:EnvironmentBanner", "Testmiljö");
        builder.UseSetting("Media:Root", MediaRoot);
        builder.UseSetting("Mail:PickupDirectory", MailPickupDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Expected failures (refused audit updates, PostgreSQL probing for history tables) would drown real problems.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });
    }

    public SiteClient CreateSiteClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A new user of its own for a test that changes account state (lockout, two-factor).</summary>
    public async Task<string> CreateUserAsync(string role, params string[] unitCodes)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.smartskola.se";
        var user = new User { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = $"Test {role}", CreatedUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        foreach (var code in unitCodes)
        {
            var unit = await db.CareUnits.SingleAsync(u => u.Code == code);
            db.UserCareUnits.Add(new UserCareUnit { UserId = user.Id, CareUnitId = unit.Id });
        }

        await db.SaveChangesAsync();
        return email;
    }

    public async Task<Guid> UnitIdAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        return await db.CareUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Sends the due outbox mail now (what the background dispatcher does every poll interval).</summary>
    public Task<int> DeliverMailAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Core.Mail.MailDelivery>().DeliverDueAsync());

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}

public sealed class SqliteSite() : SiteFactory(DatabaseProvider.Sqlite);

public sealed class PostgresSite() : SiteFactory(DatabaseProvider.Postgres);

