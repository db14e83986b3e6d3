using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Agent;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// Ironic's <c>_post_step_reboot</c> (<c>drivers/modules/agent_base.py</c>): an agent's step that asks
/// for a reboot ends with <c>deploy_utils.reboot_to_finish_step</c>, as a BIOS step does: the fast-track
/// check reads the machine's power, the agent's boot is prepared again, then the machine reboots. The
/// same in 21.4, 2025.1 and master (master seed 12899 of session 29 found the power read missing).
/// </summary>
[TestFixture]
public sealed class PostStepRebootTests
{
    private static readonly ImmutableArray<StepDefinition> RebootingSteps =
    [
        new("deploy", "erase_devices_metadata", 99, RebootRequested: true, Abortable: true),
        new("deploy", "erase_devices", 10, Abortable: true),
    ];

    [TestCase(IronicRelease.Release21_4, "IPMI call failed: power status.. Also failed to tear down cleaning.")]
    [TestCase(IronicRelease.Release2025_1, "IPMI call failed: power status.. Also Failed to tear down cleaning on node {0}, reason: IPMI call failed: power status.")]
    [TestCase(IronicRelease.Master, "IPMI call failed: power status.. Also Failed to tear down cleaning on node {0}, reason: IPMI call failed: power status.")]
    public void PostStepReboot_WithFastTrack_ReadsThePowerBeforeAnyPowerAction_SoTheTearDownReadsItAgain(IronicRelease release, string ending)
    {
        var options = new ConductorOptions(release) { Deploy = new DeployOptions { FastTrack = true } };
        var conductor = ConductorFixture.Create(options);
        var node = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
            AgentCleanSteps = RebootingSteps,
        });
        conductor.Provision("n", ApiVerb.Provide);
        conductor.Beat();
        conductor.GetMachine("n").Reachable = false;

        var failed = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(failed.Maintenance, Is.True);
            Assert.That(failed.Fault, Is.EqualTo(NodeFault.CleanFailure));
            Assert.That(failed.LastError, Does.StartWith("Reboot requested by clean step {'interface': 'deploy', 'step': 'erase_devices_metadata'"));
            Assert.That(failed.LastError, Does.EndWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, ending, node.Uuid)));
        });
    }

    [Test]
    public void PostStepReboot_PreparesTheAgentsBootBeforeTheReboot_SoPxeFailsAtTheBootDeviceCommand()
    {
        // The oracle's PXE preparation does nothing, so only a real BMC shows this (docs/scenarios.md).
        var (conductor, _) = IpmiCleaning(BmcBehaviour.Instant);
        conductor.Beat();
        conductor.GetMachine("n").Reachable = false;

        var failed = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(failed.LastError, Does.EndWith($"failed for node {failed.Uuid}: IPMI call failed: raw 0x00 0x08 0x03 0x08."));
        });
    }

    [Test]
    public void PostStepReboot_SetsTheBootDeviceToPxe_ThenReboots_AndTheFreshAgentContinues()
    {
        var (conductor, ipmi) = IpmiCleaning(BmcBehaviour.Instant with { RecordCommands = true });
        conductor.Beat();
        var bmc = ipmi.GetBmc(conductor.GetNode("n").Uuid);
        var before = bmc.Commands.Count;

        var rebooted = conductor.Beat();
        var commands = bmc.Commands.Skip(before).Select(c => c.Command).ToList();
        var next = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(rebooted.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(commands.IndexOf("chassis bootdev pxe"), Is.GreaterThanOrEqualTo(0), string.Join(", ", commands));
            Assert.That(
                commands.FindIndex(c => c.StartsWith("power ", StringComparison.Ordinal) && c != "power status"),
                Is.GreaterThan(commands.IndexOf("chassis bootdev pxe")),
                string.Join(", ", commands));
            Assert.That(next.CleanStep, Is.EqualTo(new StepReference("deploy", "erase_devices")));
        });
    }

    private static (IronicCore.Conductor Conductor, IpmiHardware Ipmi) IpmiCleaning(BmcBehaviour behaviour)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        var ipmi = conductor.AddIpmiHardwareType(conductor.AddPxeNetwork().Boot, behaviour: behaviour);
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "ipmi", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
            AgentCleanSteps = RebootingSteps,
            DriverInfo = ImmutableSortedDictionary<string, string>.Empty
                .Add("ipmi_address", "10.9.0.1").Add("ipmi_username", "admin").Add("ipmi_password", "secret"),
        });
        conductor.Provision("n", ApiVerb.Provide);
        return (conductor, ipmi);
    }
}
