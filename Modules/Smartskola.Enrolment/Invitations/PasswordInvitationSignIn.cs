using Smartskola.Core.Accounts;

namespace Smartskola.Enrolment.Invitations;

/// <summary>The default: a local account (e-mail and password) in the Patient role.</summary>
public sealed class PasswordInvitationSignIn(IPatientAccounts accounts) : IInvitationSignIn
{
    public async Task<(Guid? UserId, IReadOnlyList<string> Errors)> CreateAsync(InvitationSignInRequest request, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(request.Email, request.DisplayName, request.Password, cancellationToken);
        return (result.UserId, result.Errors);
    }
}
