using System.Text.Json;
using IronicCore.States;

namespace IronicCore.Scenarios.Tests.RedfishFeatures;

/// <summary>
/// What the scenario output cannot show of the redfish inspect interface: the properties Ironic's
/// <c>inspect_hardware</c> writes from the emulated system (one x86-64 CPU with 8 threads, 16 GiB,
/// one 100 GiB disk, UEFI), typed per release as Ironic writes them, and a port per enabled NIC
/// (<c>create_ports_if_not_exist</c>), MACs as the oracle's BMC numbers them by the node's position.
/// </summary>
[TestFixture]
public sealed class RedfishInspectTests
{
    [Test]
    public void Release21_4_WritesMemoryAndDiskAsText_AndCpus()
    {
        var properties = Inspect("21.4").GetNode("node-0").Properties;

        Assert.Multiple(() =>
        {
            Assert.That(properties.GetProperty("memory_mb").GetString(), Is.EqualTo("16384"));
            Assert.That(properties.GetProperty("local_gb").GetString(), Is.EqualTo("99"));
            Assert.That(properties.GetProperty("cpus").GetInt32(), Is.EqualTo(8));
            Assert.That(properties.GetProperty("cpu_arch").GetString(), Is.EqualTo("x86_64"));
            Assert.That(properties.GetProperty("capabilities").GetString(), Is.EqualTo("boot_mode:uefi"));
        });
    }

    [Test]
    public void Release2025_1_WritesMemoryAsANumber_DiskAsText()
    {
        var properties = Inspect("2025.1").GetNode("node-0").Properties;

        Assert.Multiple(() =>
        {
            Assert.That(properties.GetProperty("memory_mb").GetInt32(), Is.EqualTo(16384));
            Assert.That(properties.GetProperty("local_gb").GetString(), Is.EqualTo("99"));
            Assert.That(properties.GetProperty("cpus").GetInt32(), Is.EqualTo(8));
        });
    }

    [Test]
    public void Master_WritesNumbers_AndNoCpus()
    {
        var properties = Inspect("master").GetNode("node-0").Properties;

        Assert.Multiple(() =>
        {
            Assert.That(properties.GetProperty("memory_mb").GetInt32(), Is.EqualTo(16384));
            Assert.That(properties.GetProperty("local_gb").GetInt32(), Is.EqualTo(99));
            Assert.That(properties.TryGetProperty("cpus", out _), Is.False);
            Assert.That(properties.GetProperty("cpu_arch").GetString(), Is.EqualTo("x86_64"));
        });
    }

    [TestCase("21.4")]
    [TestCase("master")]
    public void APortPerEnabledNic_CreatedOnce_MacsByTheNodesPosition(string release)
    {
        var conductor = Inspect(release);
        var first = conductor.GetNode("node-0").Uuid;
        var second = conductor.GetNode("node-1").Uuid;

        Assert.Multiple(() =>
        {
            Assert.That(conductor.FindPortByAddress("52:54:00:00:00:01")?.NodeUuid, Is.EqualTo(first));
            Assert.That(conductor.FindPortByAddress("52:54:00:00:00:02")?.NodeUuid, Is.EqualTo(first));
            Assert.That(conductor.FindPortByAddress("52:54:00:00:01:01")?.NodeUuid, Is.EqualTo(second));
            Assert.That(conductor.GetNode("node-0").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
        });
    }

    [Test]
    public void ABootModeCapabilityTheNodeHas_IsKept()
    {
        var json = """
            {"format": "ironic-sim/scenario@1", "ironic_release": "2025.1", "seed": 1,
             "nodes": [{"name": "node-0", "driver": "redfish", "provision_state": "manageable", "power_state": "power off"}],
             "steps": []}
            """;
        var runner = new ScenarioRunner(Scenario.Parse(json));
        var conductor = runner.Conductor;
        conductor.UpdateNode("node-0", Nodes.NodeUpdate.From(conductor.GetNode("node-0")) with
        {
            Properties = JsonDocument.Parse("""{"capabilities": "boot_mode:bios,foo:bar"}""").RootElement.Clone(),
        });
        conductor.SetProvisionState("node-0", ApiVerb.Inspect);
        conductor.Clock.RunDue();

        Assert.That(conductor.GetNode("node-0").Properties.GetProperty("capabilities").GetString(), Is.EqualTo("boot_mode:bios,foo:bar"));
    }

    private static Conductor Inspect(string release)
    {
        var json = $$"""
            {"format": "ironic-sim/scenario@1", "ironic_release": "{{release}}", "seed": 1,
             "nodes": [{"name": "node-0", "driver": "redfish", "provision_state": "manageable", "power_state": "power off"},
                       {"name": "node-1", "driver": "redfish", "provision_state": "manageable", "power_state": "power on"}],
             "steps": [{"op": "provision", "node": "node-0", "target": "inspect"}, {"op": "provision", "node": "node-0", "target": "inspect"},
                       {"op": "provision", "node": "node-1", "target": "inspect"}]}
            """;
        return ScenarioRunner.RunToEnd(Scenario.Parse(json));
    }
}
