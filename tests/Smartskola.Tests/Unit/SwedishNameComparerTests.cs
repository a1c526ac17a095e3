using Smartskola.Enrolment.Workspace;

namespace Smartskola.Tests.Unit;

public sealed class SwedishNameComparerTests
{
    [Fact]
    public void Names_sort_in_Swedish_alphabetical_order_ignoring_case()
    {
        string[] names = ["Östen Ek", "åsa Berg", "Zlatan Z", "Ärla Al", "anna Öberg", "Anna Berg", "Émile E", "Erik A"];
        Assert.Equal(["Anna Berg", "anna Öberg", "Émile E", "Erik A", "Zlatan Z", "åsa Berg", "Ärla Al", "Östen Ek"],
            names.Order(SwedishNameComparer.Instance).ToList());
    }
}
