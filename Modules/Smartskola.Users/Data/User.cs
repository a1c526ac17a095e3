using Microsoft.AspNetCore.Identity;

namespace Smartskola.Users.Data;

public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
}
