using Microsoft.AspNetCore.Identity;

namespace Smartskola.Users.Identity;

/// <summary>Identity's validation messages in Swedish.</summary>
public sealed class SwedishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Något gick fel. Försök igen.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Uppgifterna har ändrats av någon annan. Ladda om sidan och försök igen.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Fel lösenord.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Länken eller koden är ogiltig eller har gått ut.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "Inloggningen är redan kopplad till ett annat konto.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), "Användarnamnet får bara innehålla bokstäver, siffror och tecknen - . _ @ +.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "E-postadressen är ogiltig.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), "Det finns redan ett konto med den e-postadressen."); // user name = e-mail

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), "Det finns redan ett konto med den e-postadressen.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Rollnamnet är ogiltigt.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "Rollen finns redan.");

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), "Kontot har redan ett lösenord.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "Kontot kan inte låsas.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), "Användaren har redan rollen.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Användaren har inte rollen.");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"Lösenordet måste ha minst {length} tecken.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Lösenordet måste innehålla minst {uniqueChars} olika tecken.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "Lösenordet måste innehålla minst ett specialtecken.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "Lösenordet måste innehålla minst en siffra.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "Lösenordet måste innehålla minst en liten bokstav.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "Lösenordet måste innehålla minst en stor bokstav.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "Återställningskoden är ogiltig.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
