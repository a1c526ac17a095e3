using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Smartskola.AuditTrail.Data;

namespace Smartskola.AuditTrail.Services;

/// <summary>
/// Computes an entry's hash: HMAC-SHA256 (keyed with <c>Audit:ChainKey</c>, kept outside the database) over a
/// canonical JSON array of the entry's fields and the previous hash. A database administrator who edits a row
/// cannot recompute the chain without the key.
/// </summary>
public sealed class AuditChain(byte[] key)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash(AuditEntry entry)
    {
        var canonical = JsonSerializer.Serialize(new string?[]
        {
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.OccurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            entry.ActorUserId?.ToString(),
            entry.ActorName,
            entry.ActorUnitId?.ToString(),
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.SubjectPatientId?.ToString(),
            entry.Outcome,
            entry.PreviousHash,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds; truncating first makes the hash survive a round trip on both providers.</summary>
    public static DateTime Normalize(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
