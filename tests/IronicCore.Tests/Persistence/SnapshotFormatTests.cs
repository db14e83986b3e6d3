using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Persistence;

/// <summary>
/// The snapshot format is a contract (docs/persistence.md, versioning): the version-1 and
/// version-2 files kept in TestData must keep loading, and today's writer must still write the
/// version-2 body byte for byte; a change to the layout shows here and needs a format version bump.
/// Both files were written when <c>[ipmi]</c>, <c>[pxe]</c> and <c>[dhcp]</c> were the core's sections,
/// so their options name them: they load, and are written again, with the driver packages' sections.
/// </summary>
[TestFixture]
public sealed class SnapshotFormatTests
{
    private static readonly string Golden = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v2.bin");

    private static readonly string Version1 = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v1.bin");

    [TestCase("conductor-snapshot-v1.bin")]
    [TestCase("conductor-snapshot-v2.bin")]
    public void SavedFile_StillLoads_AsTheConductorItWasSavedFrom(string name)
    {
        using var file = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name));
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);
        var expected = Small();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Nodes.Select(n => (n.Uuid, n.ProvisionState, n.PowerState)), Is.EqualTo(expected.Nodes.Select(n => (n.Uuid, n.ProvisionState, n.PowerState))));
            Assert.That(loaded.Clock.GetUtcNow(), Is.EqualTo(expected.Clock.GetUtcNow()));
            Assert.That(loaded.Clock.PendingCount, Is.EqualTo(expected.Clock.PendingCount));
        });
    }

    [Test]
    public void SavedFile_WithoutTheDriverSectionsItNames_IsRefused_NamingTheOption()
    {
        using var file = File.OpenRead(Golden);

        var error = Assert.Throws<PersistenceFormatException>(() => IronicCore.Conductor.Load(file));

        Assert.That(error.Message, Does.Contain("\"dhcp.dhcp_provider\" is not a valid option"));
    }

    [Test]
    public void Version1File_HasNoHistory()
    {
        using var file = File.OpenRead(Version1);
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);

        Assert.That(loaded.Nodes.SelectMany(n => loaded.GetNodeHistory(n.Uuid)), Is.Empty);
    }

    [Test]
    public void Version1Node_LoadsWithPowerOffAllowed()
    {
        using var file = File.OpenRead(Version1);

        Assert.That(IronicCore.Conductor.Load(file, driverSections: DriverSections.All).Nodes.Select(n => n.DisablePowerOff), Is.All.False);
    }

    [Test]
    public void Version2File_KeepsDisablePowerOff()
    {
        using var file = File.OpenRead(Golden);

        Assert.That(IronicCore.Conductor.Load(file, driverSections: DriverSections.All).Nodes.Select(n => n.DisablePowerOff), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void Version2File_KeepsNodeHistory()
    {
        using var file = File.OpenRead(Golden);
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);
        var expected = Small();

        Assert.That(
            loaded.Nodes.SelectMany(n => loaded.GetNodeHistory(n.Uuid)).Select(h => (h.Uuid, h.Event)),
            Is.EqualTo(expected.Nodes.SelectMany(n => expected.GetNodeHistory(n.Uuid)).Select(h => (h.Uuid, h.Event))).And.Not.Empty);
    }

    [Test]
    public void Writer_StillWritesTheVersion2Body_ByteForByte()
    {
        using var stream = new MemoryStream();
        Small().Save(stream);
        var golden = File.ReadAllBytes(Golden);

        // The header names the library's version, which moves; the body must not.
        Assert.That(Body(stream.ToArray()), Is.EqualTo(Body(golden)));
    }

    /// <summary>Writes the golden file again, only when asked to (after a deliberate format change and version bump).</summary>
    [Test]
    [Explicit("Rewrites tests/IronicCore.Tests/TestData/conductor-snapshot-v2.bin")]
    public void WriteGoldenFile()
    {
        var source = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../TestData/conductor-snapshot-v2.bin"));
        using var file = File.Create(source);
        Small().Save(file);
    }

    /// <summary>Three nodes: one cleaning with its agent booting, one deploying, one enrolled that must not be powered off, with a history entry; the clock two minutes on.</summary>
    private static IronicCore.Conductor Small()
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions { DriverSections = DriverSections.All }, seed: 3, agents: new AgentBehaviour());
        foreach (var (state, power) in new[] { (ProvisionState.Manageable, PowerState.PowerOff), (ProvisionState.Available, PowerState.PowerOff), (ProvisionState.Enroll, PowerState.PowerOff) })
        {
            conductor.CreateNode(new NodeCreateRequest { DeployInterface = "direct", ManagementInterface = "noop", ProvisionState = state, PowerState = power });
        }

        var nodes = conductor.Nodes;
        conductor.SetProvisionState(nodes[0].Uuid, ApiVerb.Provide);
        conductor.SetProvisionState(nodes[1].Uuid, ApiVerb.Active);
        conductor.UpdateNode(nodes[2].Uuid, NodeUpdate.From(nodes[2]) with { DisablePowerOff = true });
        conductor.AttachVirtualMedia(nodes[2].Uuid, "cdrom");
        conductor.Clock.Advance(TimeSpan.FromMinutes(2));
        return conductor;
    }

    private static byte[] Body(byte[] file) => file[(10 + file[9] + 16)..];
}
