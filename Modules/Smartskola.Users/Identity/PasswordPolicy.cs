using Microsoft.AspNetCore.Identity;
using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>
/// Length over composition (as NIST SP 800-63B advises): at least 12 characters, not a well-known password, and
/// not containing the user name or e-mail.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<User>
{
    public const int MinimumLength = 12;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "lösenord1234", "losenord1234", "123456789012", "qwertyuiopå", "qwertyuiop12",
        "sommar202020", "varberg12345", "smartskolan1", "smärtskolan1", "abcdefghijkl", "111111111111",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(Failed("PasswordEmpty", "Ange ett lösenord."));
        }

        if (Common.Contains(password))
        {
            return Task.FromResult(Failed("PasswordCommon", "Lösenordet är för vanligt. Välj ett annat."));
        }

        var local = user.Email?.Split('@')[0];
        if ((!string.IsNullOrEmpty(user.UserName) && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase))
            || (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(Failed("PasswordContainsUserName", "Lösenordet får inte innehålla ditt användarnamn."));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
