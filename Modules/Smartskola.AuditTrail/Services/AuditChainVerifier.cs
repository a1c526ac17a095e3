using Microsoft.EntityFrameworkCore;
using Smartskola.AuditTrail.Data;

namespace Smartskola.AuditTrail.Services;

public sealed record AuditVerificationResult(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Walks the whole chain in order, streaming, and reports the first entry that does not fit.</summary>
public sealed class AuditChainVerifier(AuditDbContext db, AuditChain chain)
{
    public async Task<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long expectedSequence = 1;
        var previousHash = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable()
                           .WithCancellation(cancellationToken))
        {
            entry.OccurredUtc = DateTime.SpecifyKind(entry.OccurredUtc, DateTimeKind.Utc);
            if (entry.Sequence != expectedSequence)
            {
                return Broken(expectedSequence, entry.Sequence > expectedSequence
                    ? $"Post {expectedSequence} saknas (nästa post är {entry.Sequence})."
                    : $"Post {entry.Sequence} förekommer mer än en gång.");
            }

            if (entry.PreviousHash != previousHash)
            {
                return Broken(entry.Sequence, $"Post {entry.Sequence} pekar inte på föregående post.");
            }

            if (chain.ComputeHash(entry) != entry.Hash)
            {
                return Broken(entry.Sequence, $"Post {entry.Sequence} har ändrats efter att den skrevs.");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return new AuditVerificationResult(expectedSequence - 1, null, null);

        AuditVerificationResult Broken(long sequence, string problem) => new(expectedSequence - 1, sequence, problem);
    }
}
