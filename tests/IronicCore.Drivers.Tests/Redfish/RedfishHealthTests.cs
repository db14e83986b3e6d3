using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// Master's node health (API 1.109): power sync reads the redfish system's <c>Status.Health</c>
/// after the power state (<c>node_cache_health</c>) and caches it as the node's <c>health</c>,
/// each change a history entry that is not an error; other releases, and the option off, never read it.
/// </summary>
[TestFixture]
public sealed class RedfishHealthTests
{
    private static readonly TimeSpan PowerSync = TimeSpan.FromSeconds(121);

    [Test]
    public void PowerSync_CachesTheSystemsHealth_AndRecordsEachChangeInHistory()
    {
        var fixture = Fixture(IronicRelease.Master);
        fixture.Enroll("n");
        Assert.That(fixture.Node("n").Health, Is.Null, "nothing is read before the first sync");

        fixture.RunFor(PowerSync);
        Assert.That(fixture.Node("n").Health, Is.EqualTo(NodeHealth.Ok));

        fixture.System("n").Health = NodeHealth.Critical;
        fixture.RunFor(PowerSync);

        var node = fixture.Node("n");
        var history = fixture.Conductor.GetNodeHistory("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.Health, Is.EqualTo(NodeHealth.Critical));
            Assert.That(node.LastError, Is.Null, "a health change is no error");
            Assert.That(history.Select(e => e.Event), Is.EqualTo(new[]
            {
                "Node health status changed: health='OK' (previously 'None')",
                "Node health status changed: health='Critical' (previously 'OK')",
            }));
            Assert.That(history.Select(e => (e.EventType, e.Severity)), Is.All.EqualTo(("monitoring", "INFO")));
        });
    }

    [Test]
    public void PowerSync_WithTheSameHealth_RecordsNothingMore()
    {
        var fixture = Fixture(IronicRelease.Master);
        fixture.Enroll("n");
        fixture.RunFor(PowerSync * 3);

        Assert.That(fixture.Conductor.GetNodeHistory("n"), Has.Length.EqualTo(1));
    }

    [Test]
    public void SystemReportingNoHealth_ClearsTheCachedHealth()
    {
        var fixture = Fixture(IronicRelease.Master);
        fixture.Enroll("n");
        fixture.RunFor(PowerSync);
        fixture.System("n").Health = null;
        fixture.RunFor(PowerSync);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").Health, Is.Null);
            Assert.That(fixture.Conductor.GetNodeHistory("n")[^1].Event, Is.EqualTo("Node health status changed: health='None' (previously 'OK')"));
        });
    }

    [Test]
    public void UnreachableBmc_LeavesTheCachedHealthAsItWas()
    {
        var fixture = Fixture(IronicRelease.Master);
        fixture.Enroll("n");
        fixture.RunFor(PowerSync);
        var system = fixture.System("n");
        system.Health = NodeHealth.Warning;
        system.Machine.Reachable = false;
        fixture.RunFor(PowerSync);

        Assert.That(fixture.Node("n").Health, Is.EqualTo(NodeHealth.Ok), "the power read failed first, so health was not read");
    }

    [Test]
    public void HealthMonitoringOff_NeverReadsHealth()
    {
        var fixture = new RedfishFixture(options: new ConductorOptions(IronicRelease.Master)
        {
            Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" },
            EnableHealthMonitoring = false,
        });
        fixture.Enroll("n");
        fixture.RunFor(PowerSync);

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").Health, Is.Null);
            Assert.That(fixture.Conductor.GetNodeHistory("n"), Is.Empty);
        });
    }

    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Release21_4)]
    public void ReleasesBeforeMaster_HaveNoNodeHealth(IronicRelease release)
    {
        var fixture = Fixture(release);
        fixture.Enroll("n");
        fixture.RunFor(PowerSync);

        Assert.That(fixture.Node("n").Health, Is.Null);
    }

    [Test]
    public void EnableHealthMonitoring_IsAMasterOption()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConductorOptions.FromNames(IronicRelease.Master, Off).EnableHealthMonitoring, Is.False);
            Assert.That(() => ConductorOptions.FromNames(IronicRelease.Release2025_1, Off), Throws.InstanceOf<Errors.IronicException>());
        });
    }

    [Test]
    public void Snapshot_KeepsTheNodesHealth()
    {
        var fixture = Fixture(IronicRelease.Master);
        fixture.Enroll("n");
        fixture.System("n").Health = NodeHealth.Warning;
        fixture.RunFor(PowerSync);
        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;

        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetNode("n").Health, Is.EqualTo(NodeHealth.Warning));
            Assert.That(loaded.DriverStates.OfType<RedfishHardware>().Single().GetSystem("n").Health, Is.EqualTo(NodeHealth.Warning));
        });
    }

    private static Dictionary<string, JsonElement> Off => new() { ["conductor.enable_health_monitoring"] = JsonSerializer.SerializeToElement(false) };

    private static RedfishFixture Fixture(IronicRelease release) =>
        new(options: new ConductorOptions(release) { Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" } });
}
