using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Accounts;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Platform;

public abstract class PatientAccountTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Password = "Ett-långt-lösenord-2026";

    [Fact]
    public async Task A_patient_account_is_created_in_the_Patient_role_and_can_sign_in()
    {
        var email = Email();

        var result = await CreateAsync(email, "Petra Patient", Password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var (roles, confirmed) = await site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(result.UserId!.Value.ToString()))!;
            return (await users.GetRolesAsync(user), user.EmailConfirmed);
        });
        Assert.Equal([Roles.Patient], roles);
        Assert.True(confirmed);
        Assert.True(await site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().ExistsAsync(email.ToUpperInvariant())));
        Assert.Equal("Petra Patient", await site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().DisplayNameAsync(result.UserId!.Value)));
        using var client = site.CreateSiteClient();
        var login = await client.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ss.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_address_is_refused_with_the_Swedish_message()
    {
        var email = Email();
        Assert.True((await CreateAsync(email, "Första", Password)).Succeeded);

        var duplicate = await CreateAsync(email.ToUpperInvariant(), "Andra", Password);

        Assert.Null(duplicate.UserId);
        Assert.Equal(["Det finns redan ett konto med den e-postadressen."], duplicate.Errors);
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_nothing_is_created()
    {
        var email = Email();

        var result = await CreateAsync(email, "Svag", "kort");

        Assert.False(result.Succeeded);
        Assert.Contains("Lösenordet måste ha minst 12 tecken.", result.Errors);
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().ExistsAsync(email)));
    }

    [Fact]
    public async Task Creating_joins_the_callers_transaction()
    {
        var email = Email();

        await site.WithScopeAsync(async sp =>
        {
            await using var transaction = await sp.GetRequiredService<SharedDbConnection>().BeginTransactionAsync();
            var result = await sp.GetRequiredService<IPatientAccounts>().CreateAsync(email, "Återkallad", Password);
            Assert.True(result.Succeeded);
            return 0; // no commit: the caller's rollback takes the account with it
        });

        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().ExistsAsync(email)));
    }

    [Fact]
    public async Task Signing_in_issues_the_application_cookie_for_the_current_request()
    {
        var result = await CreateAsync(Email(), "Inloggad", Password);

        var setCookie = await site.WithScopeAsync(async sp =>
        {
            var context = new DefaultHttpContext { RequestServices = sp };
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
            await sp.GetRequiredService<IPatientAccounts>().SignInAsync(result.UserId!.Value);
            return context.Response.Headers.SetCookie.ToString();
        });

        Assert.StartsWith("ss.auth=", setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_removes_the_account_its_roles_and_units_so_it_can_no_longer_sign_in()
    {
        var email = Email();
        var id = (await CreateAsync(email, "Raderad", Password)).UserId!.Value;
        var unit = await site.UnitIdAsync(DemoUsers.UnitNorth);
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<UsersDbContext>();
            db.UserCareUnits.Add(new UserCareUnit { UserId = id, CareUnitId = unit });
            return await db.SaveChangesAsync();
        });

        await site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IPatientAccounts>().EraseAsync(id);
            return 0;
        });

        var (users, roles, units) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<UsersDbContext>();
            return (await db.Users.CountAsync(u => u.Id == id), await db.UserRoles.CountAsync(r => r.UserId == id),
                await db.UserCareUnits.CountAsync(m => m.UserId == id));
        });
        Assert.Equal((0, 0, 0), (users, roles, units));
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().ExistsAsync(email)));
        Assert.Null(await site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().DisplayNameAsync(id)));
        using var client = site.CreateSiteClient();
        var login = await client.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the form again, with an error
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("ss.auth=", StringComparison.Ordinal)));
    }

    private static string Email() => $"patient-{Guid.NewGuid():N}@test.smartskola.se";

    private Task<PatientAccountResult> CreateAsync(string email, string name, string password) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<IPatientAccounts>().CreateAsync(email, name, password));
}

public sealed class PatientAccountTestsSqlite(SqliteSite site) : PatientAccountTests<SqliteSite>(site);

public sealed class PatientAccountTestsPostgres(PostgresSite site) : PatientAccountTests<PostgresSite>(site);
