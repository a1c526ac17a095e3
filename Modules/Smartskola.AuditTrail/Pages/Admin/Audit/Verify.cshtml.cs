using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.AuditTrail.Services;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;

namespace Smartskola.AuditTrail.Pages.Admin.Audit;

[RequirePermission(AuditPermissions.Verify)]
public sealed class VerifyModel(AuditChainVerifier verifier, IAuditLog audit) : PageModel
{
    public AuditVerificationResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Result = await verifier.VerifyAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent("audit.verify", "AuditLog")
        {
            Outcome = Result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failed,
        }, cancellationToken);
        return Page();
    }
}
