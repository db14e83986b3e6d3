using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Scenarios;
using IronicCore.States;

namespace IronicCore.Tests.Conductor.Drivers;

/// <summary>
/// Master's <c>autodetect</c> deploy interface, ipmi's default under Ironic's own configuration
/// (<c>drivers/modules/autodetect.py</c>, <c>conductor/deployments.py</c> <c>start_deploy</c>,
/// <c>conductor/cleaning.py</c>, <c>conductor/utils.py</c> <c>cleaning_error_handler</c>). The flows
/// were checked against Ironic master run by the oracle's code with <c>autodetect</c>, <c>ramdisk</c>
/// and <c>bootc</c> enabled (a local experiment; the committed oracle does not offer autodetect).
/// </summary>
[TestFixture]
public sealed class AutodetectDeployTests
{
    private const string Flow = """
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 7,
         "nodes": [{"name": "a0", "driver": "ipmi", "provision_state": "manageable", "power_state": "power off"},
                   {"name": "a1", "driver": "ipmi", "provision_state": "available", "power_state": "power off"}],
         "steps": [{"op": "provision", "node": "a0", "target": "provide"},
                   {"op": "provision", "node": "a1", "target": "active"},
                   {"op": "heartbeat", "node": "a1"},
                   {"op": "heartbeat", "node": "a1"},
                   {"op": "provision", "node": "a1", "target": "deleted"},
                   {"op": "heartbeat", "node": "a1"},
                   {"op": "heartbeat", "node": "a1"},
                   {"op": "heartbeat", "node": "a1"}]}
        """;

    private static IronicCore.Conductor Conductor()
    {
        var conductor = new IronicCore.Conductor(ConductorOptions.ForRelease(IronicRelease.Master), seed: 1);
        conductor.AddIpmiHardwareType(conductor.AddPxeNetwork().Boot, behaviour: BmcBehaviour.Instant);
        conductor.EnableDrivers(new DriverEnablement());
        return conductor;
    }

    [Test]
    public void IronicsDefaults_SwitchTheDeployToDirect_AndCleaningSwitchesBack()
    {
        var runner = new ScenarioRunner(Scenario.Parse(Flow), new DriverEnablement());
        var states = new List<(string Node, string ProvisionState, string DeployInterface)>();
        foreach (var step in runner.Run())
        {
            var name = step["node"]!["name"]!.GetValue<string>();
            var node = runner.Conductor.GetNode(name);
            states.Add((name, node.ProvisionState.ToIronicName(), node.DeployInterface));
        }

        Assert.That(states, Is.EqualTo(new[]
        {
            ("a0", "available", "autodetect"),
            ("a1", "wait call-back", "direct"),
            ("a1", "wait call-back", "direct"),
            ("a1", "active", "direct"),
            ("a1", "clean wait", "direct"),
            ("a1", "clean wait", "direct"),
            ("a1", "clean wait", "direct"),
            ("a1", "available", "autodetect"),
        }), "autodetect has no ramdisk (automated cleaning runs nothing); the deploy switches to direct, kept until cleaning ends");
    }

    [Test]
    public void ASnapshot_KeepsTheSwitch_AndLoadsWithoutTheConfiguration_ThenCleaningSwitchesBack()
    {
        var runner = new ScenarioRunner(Scenario.Parse(Flow), new DriverEnablement());
        foreach (var _ in runner.Run().Take(4))
        {
        }

        using var stream = new MemoryStream();
        runner.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(
            stream, driverSections: [new IpmiOptions(), new RedfishOptions(), new PxeOptions()],
            drivers: [PxeDriverPackage.Instance, IpmiDriverPackage.Instance, RedfishDriverPackage.Instance]);

        Assert.That((loaded.GetNode("a0").DeployInterface, loaded.GetNode("a1").DeployInterface), Is.EqualTo(("autodetect", "direct")));
        loaded.UpdateNode("a1", NodeUpdate.From(loaded.GetNode("a1")) with { AutomatedClean = false });
        loaded.SetProvisionState("a1", ApiVerb.Deleted);
        loaded.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That((loaded.GetNode("a1").ProvisionState, loaded.GetNode("a1").DeployInterface), Is.EqualTo((ProvisionState.Available, "autodetect")),
            "automated cleaning skipped: restore_interface all the same");
    }

    [TestCase("""{"ironic_ramdisk_deploy": true, "boot_iso": "http://images/boot.iso"}""", "ramdisk")]
    [TestCase("""{"ironic_ramdisk_deploy": "yes", "kernel": "http://images/k", "ramdisk": "http://images/r"}""", "ramdisk")]
    public void ARamdiskDeploy_WhichAutodetectWouldPick_IsRefused_NotDeployedAnotherWay(string instanceInfo, string chosen)
    {
        var conductor = Conductor();
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "ipmi", ProvisionState = ProvisionState.Available, InstanceInfo = JsonElement.Parse(instanceInfo),
        });

        var error = Assert.Throws<InstanceDeployFailureException>(() => conductor.SetProvisionState("n", ApiVerb.Active))!;

        Assert.That(error.HttpStatus, Is.EqualTo(400));
        Assert.That(error.Message, Is.EqualTo(
            $"Failed to validate deploy or power info for node {node.Uuid}: autodetect would switch node {node.Uuid} to the {chosen} deploy interface, " +
            "which IronicCore does not simulate (it runs direct); set the node's deploy_interface to direct, or leave ramdisk and bootc out of autodetect_deploy_interfaces"));
        Assert.That(conductor.GetNode("n").DeployInterface, Is.EqualTo("autodetect"));
        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void AnOciImage_WhoseBootcDetectionNeedsItsRegistry_IsRefused()
    {
        var conductor = Conductor();
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "ipmi", ProvisionState = ProvisionState.Available,
            InstanceInfo = JsonElement.Parse("""{"image_source": "oci://quay.io/example/os:latest"}"""),
        });

        var error = Assert.Throws<InstanceDeployFailureException>(() => conductor.SetProvisionState("n", ApiVerb.Active))!;

        Assert.That(error.Message, Does.EndWith(
            "autodetect asks the registry of oci://quay.io/example/os:latest whether it is a bootc image, which IronicCore does not simulate; " +
            "set the node's deploy_interface to direct, or leave bootc out of autodetect_deploy_interfaces"));
    }

    [Test]
    public void WithoutAConfiguration_AutodetectIsNotOffered()
    {
        var conductor = new IronicCore.Conductor(ConductorOptions.ForRelease(IronicRelease.Master), seed: 1);
        conductor.AddIpmiHardwareType(conductor.AddPxeNetwork().Boot, behaviour: BmcBehaviour.Instant);

        Assert.That(conductor.GetHardwareTypeInterfaces("ipmi").Single(i => i.Key == "deploy").Value, Is.EqualTo(new[] { "direct" }));
        Assert.Throws<InvalidParameterValueException>(() => conductor.CreateNode(new NodeCreateRequest { Name = "n", Driver = "ipmi", DeployInterface = "autodetect" }));
    }
}
