using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Tells the responsible clinician by e-mail that a notice is waiting in the workspace. Called once per notice,
/// only by the instance that created it, inside the transaction that inserts it: an implementation that queues the
/// mail in the database (through a DbContext of the same DI scope, which joins the transaction) queues it exactly
/// when the notice is committed.
/// </summary>
/// <remarks>
/// The mail must not contain patient names, personnummer or anything else that identifies the patient: say that
/// there is a new notice and link to the workspace. <see cref="ClinicianNotice.Kind"/> is one of <see cref="NoticeKinds"/>.
/// </remarks>
public interface IClinicianNoticeMailer
{
    Task NoticeCreatedAsync(ClinicianNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>The default until a mail outbox is registered: notices are only shown in the workspace.</summary>
public sealed class NoClinicianNoticeMail : IClinicianNoticeMailer
{
    public Task NoticeCreatedAsync(ClinicianNotice notice, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
