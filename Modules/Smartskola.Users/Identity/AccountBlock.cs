using Smartskola.Users.Data;

namespace Smartskola.Users.Identity;

/// <summary>An administrator blocks an account by locking it out indefinitely; anything this far ahead is a block.</summary>
public static class AccountBlock
{
    public static readonly DateTimeOffset Until = DateTimeOffset.MaxValue;

    public const string Message = "Kontot är spärrat. Kontakta din vårdenhet.";

    public static bool IsBlocked(User user) => user.LockoutEnd >= DateTimeOffset.MaxValue.AddYears(-1);
}
