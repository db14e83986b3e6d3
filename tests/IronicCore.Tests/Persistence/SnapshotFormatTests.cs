using System.Text.Json;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.DeployTemplates;
using IronicCore.Errors;
using IronicCore.InspectionRules;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.Runbooks;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;
using IronicCore.Volumes;

namespace IronicCore.Tests.Persistence;

/// <summary>
/// The snapshot format is a contract (docs/persistence.md, versioning): the version-1 to version-8
/// files kept in TestData must keep loading, and today's writer must still write the version-8
/// body byte for byte; a change to the layout shows here and needs a format version bump.
/// The files were written when <c>[ipmi]</c>, <c>[pxe]</c> and <c>[dhcp]</c> were the core's sections,
/// so their options name them: they load, and are written again, with the driver packages' sections.
/// </summary>
[TestFixture]
public sealed class SnapshotFormatTests
{
    private static readonly string Golden = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v8.bin");

    private static readonly string Version6 = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v6.bin");

    private static readonly string Version3 = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v3.bin");

    private static readonly string Version2 = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v2.bin");

    private const string Bond = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e10";

    private const string FirstPort = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e01";

    private const string SecondPort = "6f1c6a1e-0b8d-4c41-9d0e-3f0c2b6a9e02";

    private static readonly string Version1 = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v1.bin");

    [TestCase("conductor-snapshot-v1.bin")]
    [TestCase("conductor-snapshot-v2.bin")]
    [TestCase("conductor-snapshot-v3.bin")]
    [TestCase("conductor-snapshot-v4.bin")]
    [TestCase("conductor-snapshot-v5.bin")]
    [TestCase("conductor-snapshot-v6.bin")]
    [TestCase("conductor-snapshot-v7.bin")]
    [TestCase("conductor-snapshot-v8.bin")]
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
        using var file = File.OpenRead(Version2);

        var error = Assert.Throws<PersistenceFormatException>(() => IronicCore.Conductor.Load(file));

        Assert.That(error.Message, Does.Contain("Option dhcp.dhcp_provider is not simulated by IronicCore"));
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
        using var file = File.OpenRead(Version2);

        Assert.That(IronicCore.Conductor.Load(file, driverSections: DriverSections.All).Nodes.Select(n => n.DisablePowerOff), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void Version2File_KeepsNodeHistory()
    {
        using var file = File.OpenRead(Version2);
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);

        // The entry as the version-2 writer recorded it (the attach refusal's wording changed since:
        // Ironic's image publisher refuses fake-hardware before the management interface is asked).
        Assert.That(
            loaded.Nodes.SelectMany(n => loaded.GetNodeHistory(n.Uuid)).Select(h => (h.Uuid, h.Event)),
            Is.EqualTo(new[]
            {
                ("71354f2d-9bf3-4f1a-91c1-26f39d2b6490",
                 "Could not attach device cdrom to node 6cb24c8f-b224-480a-a646-287ee2a98083: Driver fake-hardware does not support attach_virtual_media (disabled or not implemented)."),
            }));
    }

    [Test]
    public void Writer_StillWritesTheVersion8Body_ByteForByte()
    {
        using var stream = new MemoryStream();
        SmallWithNetwork().Save(stream);
        var golden = File.ReadAllBytes(Golden);

        // The header names the library's version, which moves; the body must not.
        Assert.That(Body(stream.ToArray()), Is.EqualTo(Body(golden)));
    }

    [Test]
    public void Version6File_KeepsDeployTemplatesAndVolumeConnectorsAndTargets()
    {
        using var file = File.OpenRead(Version6);
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);
        var expected = SmallWithNetwork();

        Assert.Multiple(() =>
        {
            Assert.That(
                loaded.DeployTemplates.Select(t => (t.Uuid, t.Name, t.Extra.GetRawText(), t.Steps.Single().ToString())),
                Is.EqualTo(expected.DeployTemplates.Select(t => (t.Uuid, t.Name, t.Extra.GetRawText(), t.Steps.Single().ToString()))).And.Not.Empty);
            Assert.That(
                loaded.VolumeConnectors.Select(c => (c.Uuid, c.NodeUuid, c.Type, c.ConnectorId)),
                Is.EqualTo(expected.VolumeConnectors.Select(c => (c.Uuid, c.NodeUuid, c.Type, c.ConnectorId))).And.Not.Empty);
            Assert.That(
                loaded.VolumeTargets.Select(t => (t.Uuid, t.NodeUuid, t.VolumeType, t.VolumeId, t.BootIndex, t.Properties.GetRawText())),
                Is.EqualTo(expected.VolumeTargets.Select(t => (t.Uuid, t.NodeUuid, t.VolumeType, t.VolumeId, t.BootIndex, t.Properties.GetRawText()))).And.Not.Empty);
        });
    }

    [Test]
    public void Version5File_LoadsWithoutDeployTemplatesOrVolumes()
    {
        using var file = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v5.bin"));
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);

        Assert.That((loaded.DeployTemplates.Length, loaded.VolumeConnectors.Length, loaded.VolumeTargets.Length), Is.EqualTo((0, 0, 0)));
    }

    [Test]
    public void Version3File_KeepsPortsPortgroupsVifsTraitsAndNodeDetails()
    {
        using var file = File.OpenRead(Version3);
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);
        var node = loaded.GetNode(loaded.Nodes[2].Uuid);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Ports.Select(p => (p.Uuid, p.Address, p.PortgroupUuid)), Is.EqualTo(new[]
            {
                (FirstPort, "52:54:00:00:00:01", (string?)Bond),
                (SecondPort, "52:54:00:00:00:02", null),
            }));
            Assert.That(loaded.Portgroups.Select(p => (p.Id, p.Uuid, p.Name, p.Address)), Is.EqualTo(new[] { (1, Bond, (string?)"bond0", (string?)"52:54:00:00:00:10") }));
            Assert.That(loaded.ListVifs(node.Uuid), Is.EqualTo(new[] { new VifAttachment("tenant-vif", null, Bond) }));
            Assert.That(node.Traits, Is.EqualTo(new[] { "CUSTOM_GPU", "HW_CPU_X86_VMX" }));
            Assert.That(node.Properties.GetRawText(), Is.EqualTo("""{"cpus": 8, "memory_mb": 16384}"""));
            Assert.That((node.ResourceClass, node.Owner, node.Description), Is.EqualTo(("baremetal", "project-a", "rack 4")));
            Assert.That(node.CreatedAt, Is.EqualTo(IronicCore.Simulation.SimulationClock.DefaultStart));
            Assert.That(node.UpdatedAt, Is.EqualTo(loaded.Clock.GetUtcNow()));
        });
    }

    [Test]
    public void Version3File_KeepsRunbooksAndInspectionRules()
    {
        using var file = File.OpenRead(Version3);
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);
        var expected = SmallWithNetwork();

        Assert.That(loaded.Runbooks.Select(r => (r.Uuid, r.Name, r.Steps.Length, r.Traits.Count)), Is.EqualTo(expected.Runbooks.Select(r => (r.Uuid, r.Name, r.Steps.Length, r.Traits.Count))).And.Not.Empty);
        Assert.That(loaded.InspectionRules.Select(r => (r.Uuid, r.Actions.GetRawText())), Is.EqualTo(expected.InspectionRules.Select(r => (r.Uuid, r.Actions.GetRawText()))).And.Not.Empty);
    }

    [Test]
    public void Version3File_SavedWithOptionsNowRefusedAsNotSimulated_LoadsWithoutThem()
    {
        using var file = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v3-unread-options.bin"));
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);
        var expected = SmallWithNetwork();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Options.ToNames().Keys, Is.EqualTo(expected.Options.ToNames().Keys).And.No.Contain("conductor.node_locked_retry_attempts"));
            Assert.That(loaded.Nodes.Select(n => (n.Uuid, n.ProvisionState)), Is.EqualTo(expected.Nodes.Select(n => (n.Uuid, n.ProvisionState))));
        });
    }

    [TestCase("conductor-snapshot-v1.bin")]
    [TestCase("conductor-snapshot-v2.bin")]
    public void OlderFile_HasNoRunbooksNorInspectionRules(string name)
    {
        using var file = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name));
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);

        Assert.That(loaded.Runbooks, Is.Empty);
        Assert.That(loaded.InspectionRules, Is.Empty);
    }

    [TestCase("conductor-snapshot-v1.bin")]
    [TestCase("conductor-snapshot-v2.bin")]
    public void OlderFile_HasNoPortsOrNodeDetails_AndItsNodesCreatedWhenItWasSaved(string name)
    {
        using var file = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name));
        var loaded = IronicCore.Conductor.Load(file, driverSections: DriverSections.All);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Ports, Is.Empty);
            Assert.That(loaded.Portgroups, Is.Empty);
            Assert.That(loaded.Nodes.SelectMany(n => n.Traits), Is.Empty);
            Assert.That(loaded.Nodes.Select(n => n.Properties.GetRawText()), Is.All.EqualTo("{}"));
            Assert.That(loaded.Nodes.Select(n => n.CreatedAt), Is.All.EqualTo(loaded.Clock.GetUtcNow()));
        });
    }

    [Test]
    public void Version3Nodes_LoadWithoutCachedDeploySteps_AndVersion4KeepsThem()
    {
        using var old = File.OpenRead(Version3);
        var conductor = WaitingForTheAgentsDeploySteps();
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;

        Assert.Multiple(() =>
        {
            Assert.That(DeployStepsCached(IronicCore.Conductor.Load(old, driverSections: DriverSections.All)), Is.All.False);
            Assert.That(DeployStepsCached(IronicCore.Conductor.Load(stream, driverSections: DriverSections.All)), Is.EqualTo(DeployStepsCached(conductor)).And.Contains(true));
        });
    }

    [Test]
    public void Version7Nodes_LoadWithNoAgentStartAttempted_AndVersion8KeepsIt()
    {
        using var old = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "conductor-snapshot-v7.bin"));
        var conductor = OneOfTwoActiveNodesServicing();
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;

        Assert.Multiple(() =>
        {
            Assert.That(AgentStartAttempted(IronicCore.Conductor.Load(old, driverSections: DriverSections.All)), Is.All.False);
            Assert.That(AgentStartAttempted(IronicCore.Conductor.Load(stream, driverSections: DriverSections.All)), Is.EqualTo(AgentStartAttempted(conductor)).And.Contains(true).And.Contains(false));
        });
    }

    /// <summary>Writes the golden file again, only when asked to (after a deliberate format change and version bump).</summary>
    [Test]
    [Explicit("Rewrites tests/IronicCore.Tests/TestData/conductor-snapshot-v8.bin")]
    public void WriteGoldenFile()
    {
        var source = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../TestData/conductor-snapshot-v8.bin"));
        using var file = File.Create(source);
        SmallWithNetwork().Save(file);
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
        conductor.AttachVirtualMedia(nodes[2].Uuid, "cdrom", "http://images.example.test/boot.iso");
        conductor.Clock.Advance(TimeSpan.FromMinutes(2));
        return conductor;
    }

    /// <summary>A node deploying with the direct interface, its agent booted, heartbeating and writing the image: its deploy steps cached.</summary>
    private static IronicCore.Conductor WaitingForTheAgentsDeploySteps()
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions { DriverSections = DriverSections.All }, seed: 5, agents: new AgentBehaviour());
        var node = conductor.CreateNode(new NodeCreateRequest { DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff });
        conductor.SetProvisionState(node.Uuid, ApiVerb.Active);
        conductor.Clock.Advance(TimeSpan.FromMinutes(2));
        return conductor;
    }

    /// <summary>Two active nodes, the first servicing through the agent (its ramdisk's boot prepared, master's <c>agent_start_attempted</c>).</summary>
    private static IronicCore.Conductor OneOfTwoActiveNodesServicing()
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions { DriverSections = DriverSections.All }, seed: 5, agents: new AgentBehaviour());
        var nodes = Enumerable.Range(0, 2)
            .Select(_ => conductor.CreateNode(new NodeCreateRequest { DeployInterface = "direct", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn }))
            .ToList();
        conductor.SetProvisionState(nodes[0].Uuid, ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("deploy", "burnin_cpu")] });
        conductor.Clock.Advance(TimeSpan.FromSeconds(1));
        return conductor;
    }

    /// <summary>
    /// <see cref="Small"/> with the enrolled node's details, traits, a portgroup of two ports (one its
    /// member) and a VIF on the portgroup; a runbook with a trait and an inspection rule.
    /// </summary>
    private static IronicCore.Conductor SmallWithNetwork()
    {
        var conductor = Small();
        var node = conductor.Nodes[2];
        conductor.UpdateNode(node.Uuid, NodeUpdate.From(node) with
        {
            Properties = JsonElement.Parse("""{"cpus": 8, "memory_mb": 16384}"""),
            ResourceClass = "baremetal",
            Owner = "project-a",
            Description = "rack 4",
        });
        conductor.AddNodeTraits(node.Uuid, ["HW_CPU_X86_VMX", "CUSTOM_GPU"]);
        conductor.CreatePortgroup(new PortgroupRequest { Node = node.Uuid, Name = "bond0", Address = "52:54:00:00:00:10" }, Bond);
        conductor.CreatePort(new PortRequest { Node = node.Uuid, Address = "52:54:00:00:00:01", PortgroupUuid = Bond }, FirstPort);
        conductor.CreatePort(new PortRequest { Node = node.Uuid, Address = "52:54:00:00:00:02" }, SecondPort);
        conductor.AttachVif(node.Uuid, "tenant-vif");
        conductor.CreateRunbook(new RunbookCreateRequest { Name = "CUSTOM_RESET", Steps = [new RunbookStep("bios", "factory_reset", JsonElement.Parse("{\"force\": true}"))] });
        conductor.AddRunbookTrait("CUSTOM_RESET", "CUSTOM_GPU");
        conductor.CreateInspectionRule(new InspectionRuleCreateRequest { Actions = JsonElement.Parse("[{\"op\": \"add-trait\", \"args\": {\"name\": \"CUSTOM_X\"}}]") });
        conductor.CreateDeployTemplate(new DeployTemplateRequest
        {
            Name = "CUSTOM_GPU",
            Steps = [new StepRequest("bios", "apply_configuration", JsonElement.Parse("""{"settings": [{"name": "A", "value": "1"}]}"""), 110)],
            Extra = JsonElement.Parse("""{"rack": 4}"""),
        });
        conductor.CreateVolumeConnector(new VolumeConnectorRequest { NodeUuid = node.Uuid, Type = "iqn", ConnectorId = "iqn.2017-07.org.openstack:01" });
        conductor.CreateVolumeTarget(new VolumeTargetRequest
        {
            NodeUuid = node.Uuid, VolumeType = "iscsi", VolumeId = "04452bed-5367-4202-8bf5-de4335ac56d2", BootIndex = 0,
            Properties = JsonElement.Parse("""{"target_lun": 0}"""),
        });
        return conductor;
    }

    private static IEnumerable<bool> DeployStepsCached(IronicCore.Conductor conductor) =>
        conductor.Nodes.Select((_, slot) => conductor.NodeAt(slot)!.AgentDeployStepsCached);

    private static IEnumerable<bool> AgentStartAttempted(IronicCore.Conductor conductor) =>
        conductor.Nodes.Select((_, slot) => conductor.NodeAt(slot)!.AgentStartAttempted);

    private static byte[] Body(byte[] file) => file[(10 + file[9] + 16)..];
}
