namespace Smartskola.Enrolment.Invitations;

/// <summary>
/// How a patient who accepts an invitation gets a way to sign in. The default,
/// <see cref="PasswordInvitationSignIn"/>, creates a local account with e-mail and password. An e-ID provider
/// (BankID through an OpenID Connect identity provider) replaces this one registration: its implementation sends
/// the patient to the provider and, on return, links the verified identity to the patient record (matching the
/// personnummer's look-up hash) instead of asking for a password. The invitation page and its single-use checks
/// stay the same.
/// </summary>
public interface IInvitationSignIn
{
    /// <summary>Creates the sign-in for the patient and signs them in; returns the new account's id, or Swedish errors.</summary>
    Task<(Guid? UserId, IReadOnlyList<string> Errors)> CreateAsync(InvitationSignInRequest request, CancellationToken cancellationToken);
}

public sealed record InvitationSignInRequest(string Email, string Password, string DisplayName);
