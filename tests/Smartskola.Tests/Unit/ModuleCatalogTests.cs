using Smartskola.Core.Modules;
using Smartskola.Core.Security;

namespace Smartskola.Tests.Unit;

public sealed class ModuleCatalogTests
{
    private sealed class FakeModule(string name, int order, params Permission[] permissions) : ModuleStartup
    {
        public override string Name => name;

        public override int Order => order;

        public override IEnumerable<Permission> Permissions => permissions;
    }

    [Fact]
    public void Modules_are_ordered_by_order_then_name()
    {
        var catalog = new ModuleCatalog([new FakeModule("B", 10), new FakeModule("A", 10), new FakeModule("Core", 0)]);
        Assert.Equal(["Core", "A", "B"], catalog.Modules.Select(m => m.Name));
    }

    [Fact]
    public void A_module_registered_twice_is_refused_at_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new FakeModule("A", 1), new FakeModule("A", 2)]));
        Assert.Contains("'A'", error.Message);
    }

    [Fact]
    public void Two_modules_declaring_the_same_permission_are_refused_at_start_up()
    {
        var permission = new Permission("X.Do", "Göra", [Roles.Clinician]);
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ModuleCatalog([new FakeModule("A", 1, permission), new FakeModule("B", 2, permission)]));
        Assert.Contains("X.Do", error.Message);
    }
}
