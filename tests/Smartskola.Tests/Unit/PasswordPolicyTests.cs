using Microsoft.AspNetCore.Identity;
using Smartskola.Users.Data;
using Smartskola.Users.Identity;

namespace Smartskola.Tests.Unit;

public sealed class PasswordPolicyTests
{
    private static async Task<IdentityResult> ValidateAsync(string password, string email = "kalle.anka@example.se") =>
        await new PasswordPolicy().ValidateAsync(null!, new User { UserName = email, Email = email }, password);

    [Theory]
    [InlineData("Lösenord1234")]
    [InlineData("password1234")]
    [InlineData("123456789012")]
    public async Task Well_known_passwords_are_refused_in_Swedish(string password)
    {
        var result = await ValidateAsync(password);
        Assert.False(result.Succeeded);
        Assert.Equal("Lösenordet är för vanligt. Välj ett annat.", result.Errors.Single().Description);
    }

    [Fact]
    public async Task A_password_containing_the_name_in_the_address_is_refused()
    {
        var result = await ValidateAsync("kalle.anka-och-mer", "kalle.anka@example.se");
        Assert.Equal("Lösenordet får inte innehålla ditt användarnamn.", result.Errors.Single().Description);
    }

    [Fact]
    public async Task A_long_unusual_password_passes()
    {
        Assert.True((await ValidateAsync("blå-tåg-över-älven")).Succeeded);
    }
}
