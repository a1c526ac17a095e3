using System.Text;
using Smartskola.AuditTrail.Data;
using Smartskola.AuditTrail.Services;

namespace Smartskola.Tests.Unit;

public sealed class AuditChainTests
{
    private static readonly AuditChain Chain = new(Encoding.UTF8.GetBytes("test-key"));

    private static AuditEntry Entry() => new()
    {
        Sequence = 7,
        OccurredUtc = AuditChain.Normalize(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc).AddTicks(12345)),
        ActorUserId = Guid.Parse("11111111-1111-1111-1111-111111111111"),
        ActorName = "Bodil",
        ActorUnitId = Guid.Parse("22222222-2222-2222-2222-222222222222"),
        Action = "unit.view",
        EntityType = "CareUnit",
        EntityId = "x",
        SubjectPatientId = null,
        Outcome = "Success",
        PreviousHash = AuditChain.Genesis,
    };

    [Fact]
    public void The_hash_is_stable_for_the_same_entry()
    {
        Assert.Equal(Chain.ComputeHash(Entry()), Chain.ComputeHash(Entry()));
        Assert.Matches("^[0-9a-f]{64}$", Chain.ComputeHash(Entry()));
    }

    public static TheoryData<string> Fields() =>
        new("Sequence", "OccurredUtc", "ActorUserId", "ActorName", "ActorUnitId", "Action", "EntityType", "EntityId",
            "SubjectPatientId", "Outcome", "PreviousHash");

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var changed = Entry();
        switch (field)
        {
            case "Sequence": changed.Sequence++; break;
            case "OccurredUtc": changed.OccurredUtc = changed.OccurredUtc.AddSeconds(1); break;
            case "ActorUserId": changed.ActorUserId = Guid.NewGuid(); break;
            case "ActorName": changed.ActorName = "Någon"; break;
            case "ActorUnitId": changed.ActorUnitId = null; break;
            case "Action": changed.Action = "unit.create"; break;
            case "EntityType": changed.EntityType = "User"; break;
            case "EntityId": changed.EntityId = "y"; break;
            case "SubjectPatientId": changed.SubjectPatientId = Guid.NewGuid(); break;
            case "Outcome": changed.Outcome = "Denied"; break;
            case "PreviousHash": changed.PreviousHash = new string('1', 64); break;
        }

        Assert.NotEqual(Chain.ComputeHash(Entry()), Chain.ComputeHash(changed));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_to_forge_the_same_hash()
    {
        var a = Entry();
        a.EntityType = "Care";
        a.EntityId = "Unitx";
        var b = Entry();
        b.EntityType = "CareUnit";
        b.EntityId = "x";
        Assert.NotEqual(Chain.ComputeHash(a), Chain.ComputeHash(b));
    }

    [Fact]
    public void A_different_key_gives_a_different_chain()
    {
        var other = new AuditChain(Encoding.UTF8.GetBytes("another-key"));
        Assert.NotEqual(Chain.ComputeHash(Entry()), other.ComputeHash(Entry()));
    }

    [Fact]
    public void Normalizing_keeps_whole_microseconds_only()
    {
        var value = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal(1234560, AuditChain.Normalize(value).Ticks - new DateTime(2026, 1, 1).Ticks);
    }
}
