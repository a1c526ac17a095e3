using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Persistence;
using Smartskola.Curriculum.Access;
using Smartskola.Curriculum.Reading;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Curriculum;

/// <summary>Modules 1 and 2 open, as enrolment will decide: everything else is out of reach, search included.</summary>
public abstract class LockedModulesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Locked_modules_are_listed_but_not_readable_or_searchable()
    {
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var home = await patient.GetPageAsync("/program");
        var cards = home.Document.QuerySelectorAll("[data-testid=module-card]").ToList();
        Assert.Equal(8, cards.Count);
        Assert.NotNull(cards[1].QuerySelector("a"));
        Assert.Null(cards[2].QuerySelector("a"));
        Assert.Equal("Inte öppnad ännu", cards[5].QuerySelector("[data-testid=module-state]")!.TextContent);
        Assert.Contains("av 14 avsnitt", home.Text("[data-testid=progress-text]"));

        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/program/modul/6")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/program/modul/6/introduktion-somnens-betydelse")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/program/ovningar/andrum")).StatusCode);
        // The generic address neither shows a locked section nor gives away where it would be.
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/innehall/digitala-smartskolan/livsstil/introduktion-somnens-betydelse")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await patient.GetAsync("/innehall/digitala-smartskolan/introduktion-och-smartfysiologi/om-programmet")).StatusCode);
        Assert.Equal(["Kroppsscanning", "Andningsankaret"], (await patient.GetPageAsync("/program/ovningar"))
            .Document.QuerySelectorAll("[data-testid=exercise-list] li a").Select(a => a.TextContent).ToList());

        // Files shown only in locked modules are out of reach too; an open module's recording is not.
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/media/ljud/mindfulness/andrum.ogg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/media/ljud/mindfulness/andningsankaret.ogg")).StatusCode);

        var sleep = await patient.GetPageAsync("/program/sok?q=sömnen");
        Assert.Equal("Inga träffar för ”sömnen”", sleep.Text("[data-testid=search-summary]"));
        var pain = await patient.GetPageAsync("/program/sok?q=smärtan");
        var where = pain.Document.QuerySelectorAll("[data-testid=search-results] .muted").Select(m => m.TextContent).ToList();
        Assert.NotEmpty(where);
        Assert.All(where, w => Assert.True(w.StartsWith("Modul 1", StringComparison.Ordinal) || w.StartsWith("Modul 2", StringComparison.Ordinal)
            || w is "Programmet" or "Mindfulnessövning", w));
    }
}

/// <summary>Opens the modules numbered 1 and 2, whoever asks.</summary>
public sealed class FirstTwoModulesOpen : IModuleAccess
{
    public Task<ReaderAccess> GetAsync(ClaimsPrincipal patient, CurriculumProgram program,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(new ReaderAccess(program.Modules.Where(m => m.Number <= 2).Select(m => m.Id).ToHashSet(),
            new Dictionary<string, DateOnly>()));
}

public abstract class TwoModulesSite(DatabaseProvider provider) : SiteFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IModuleAccess, FirstTwoModulesOpen>());
    }
}

public sealed class TwoModulesSqliteSite() : TwoModulesSite(DatabaseProvider.Sqlite);

public sealed class TwoModulesPostgresSite() : TwoModulesSite(DatabaseProvider.Postgres);

public sealed class LockedModulesTestsSqlite(TwoModulesSqliteSite site) : LockedModulesTests<TwoModulesSqliteSite>(site);

public sealed class LockedModulesTestsPostgres(TwoModulesPostgresSite site) : LockedModulesTests<TwoModulesPostgresSite>(site);
