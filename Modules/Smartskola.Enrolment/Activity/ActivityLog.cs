using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Activity;

/// <summary>Adds entries to an enrolment's timeline. Saved with the caller's other changes (call SaveChanges).</summary>
public sealed class ActivityLog(EnrolmentDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Something a staff member did (the signed-in user is the actor).</summary>
    public void Staff(Guid enrolmentId, string kind, string? detail = null, string? itemId = null)
    {
        var user = http.HttpContext?.User ?? new ClaimsPrincipal();
        Add(enrolmentId, kind, detail, itemId, user.UserId(), user.DisplayName());
    }

    /// <summary>Something the patient did, or the system did on its own.</summary>
    public void Add(Guid enrolmentId, string kind, string? detail = null, string? itemId = null, Guid? actorId = null,
        string? actorName = null) =>
        db.Activities.Add(new EnrolmentActivity
        {
            EnrolmentId = enrolmentId,
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            ItemId = itemId,
            Detail = detail is { Length: > 200 } ? detail[..200] : detail,
            ActorUserId = actorId,
            ActorName = actorName,
        });
}
