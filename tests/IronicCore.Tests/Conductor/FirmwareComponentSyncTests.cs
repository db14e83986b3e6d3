using System.Collections.Immutable;
using IronicCore.Nodes;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic's <c>FirmwareComponentList.sync_firmware_components</c> and how
/// <c>cache_firmware_components</c> applies it: new components are created with their version as
/// the initial one; a changed version becomes current and last flashed; once a version was flashed,
/// a reported version that differs from it counts as a change too; unchanged ones keep their times.
/// </summary>
[TestFixture]
public sealed class FirmwareComponentSyncTests
{
    private static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = First.AddHours(1);

    [Test]
    public void NewComponents_AreCreatedWithTheirVersionAsInitialAndCurrent()
    {
        var synced = FirmwareComponent.Sync([], [new("bios", "1.0.0"), new("bmc", "1.00")], First);

        Assert.That(synced, Is.EqualTo(new[]
        {
            new FirmwareComponent("bios", "1.0.0", "1.0.0", null, First, null),
            new FirmwareComponent("bmc", "1.00", "1.00", null, First, null),
        }));
    }

    [Test]
    public void AChangedVersion_BecomesCurrentAndLastFlashed_AndTheOthersAreKept()
    {
        var cached = FirmwareComponent.Sync([], [new("bios", "1.0.0"), new("bmc", "1.00")], First);

        var synced = FirmwareComponent.Sync(cached, [new("bios", "1.0.1"), new("bmc", "1.00")], Later);

        Assert.That(synced, Is.EqualTo(new[]
        {
            new FirmwareComponent("bios", "1.0.0", "1.0.1", "1.0.1", First, Later),
            cached[1],
        }));
    }

    [Test]
    public void AComponentNoLongerReported_IsKept()
    {
        ImmutableArray<FirmwareComponent> cached = [new("bios", "1.0.0", "1.0.0", null, First, null), new("bmc", "1.00", "1.00", null, First, null)];

        var synced = FirmwareComponent.Sync(cached, [new("bios", "1.0.0")], Later);

        Assert.That(synced, Is.EqualTo(cached));
    }

    [Test]
    public void NothingChanged_KeepsTheCachedComponentsThemselves()
    {
        var cached = FirmwareComponent.Sync([], [new("bios", "1.0.0"), new("bmc", "1.00")], First);

        var synced = FirmwareComponent.Sync(cached, [new("bmc", "1.00"), new("bios", "1.0.0")], Later);

        Assert.That(synced == cached, Is.True, "an unchanged cache is not copied");
    }

    [Test]
    public void AComponentReportedTwice_IsCreatedOnceThenUpdated()
    {
        var synced = FirmwareComponent.Sync([], [new("bios", "1.0.0"), new("bios", "1.0.1")], First);

        Assert.That(synced, Is.EqualTo(new[] { new FirmwareComponent("bios", "1.0.0", "1.0.1", "1.0.1", First, First) }));
    }
}
