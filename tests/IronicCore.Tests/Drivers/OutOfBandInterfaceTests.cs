using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Tests.Drivers;

/// <summary>
/// A hardware type's own BIOS and inspect interfaces (the core's side of Ironic's redfish ones):
/// a BIOS step that asks for a reboot to finish (<c>reboot_to_finish_step</c>) waits and runs again
/// once the machine is back, the settings cached on the node after each run; with no step needing
/// the ramdisk (master) the interface's own poll resumes it and heartbeats leave it alone;
/// out-of-band inspection sets the properties and creates a port per new MAC.
/// </summary>
[TestFixture]
public sealed class OutOfBandInterfaceTests
{
    private static readonly StepRequest[] ApplyTurboOff =
        [new("bios", "apply_configuration", JsonElement.Parse("""{"settings": [{"name": "ProcTurboMode", "value": "Disabled"}]}"""))];

    [Test]
    public void BiosStepAskingForReboot_WaitsInCleanWait_ThenRunsAgainWhenTheAgentIsBack()
    {
        var (conductor, bios, _) = Build(IronicRelease.Release21_4);
        conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [.. ApplyTurboOff] });
        conductor.Clock.RunDue();
        Heartbeat(conductor);

        var waiting = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That(bios.Runs, Is.EqualTo(1));
            Assert.That(waiting.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(waiting.CleanStep?.Step, Is.EqualTo("apply_configuration"));
            Assert.That(conductor.GetBiosSettings("n").Single().Value, Is.EqualTo("Enabled"), "pending until the boot");
        });

        Heartbeat(conductor);

        Assert.Multiple(() =>
        {
            Assert.That(bios.Runs, Is.EqualTo(2), "the same step again, after the reboot");
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(conductor.GetBiosSettings("n").Single().Value, Is.EqualTo("Disabled"), "cached after the step");
            Assert.That(conductor.GetBiosSettings("n").Single().UpdatedAt, Is.Not.Null);
        });
    }

    [Test]
    public void BiosStepPolledForByItsInterface_IgnoresHeartbeats_AndResumesWhenTheInterfaceSaysSo()
    {
        var (conductor, bios, _) = Build(IronicRelease.Master);
        conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [.. ApplyTurboOff] });
        conductor.Clock.RunDue();
        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait), "no ramdisk: the step ran at once");
        Heartbeat(conductor);
        Assert.That(bios.Runs, Is.EqualTo(1), "a heartbeat does not resume a polled step");

        conductor.GetDriverTask("n").ResumeStep();
        conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(bios.Runs, Is.EqualTo(2));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(conductor.GetNode("n").PowerState, Is.EqualTo(PowerState.PowerOn), "no ramdisk to tear down");
        });
    }

    [Test]
    public void Manage_CachesTheBiosSettings_OnceThePowerCredentialsWork()
    {
        var (conductor, _, _) = Build(IronicRelease.Release21_4, state: ProvisionState.Enroll);
        conductor.SetProvisionState("n", ApiVerb.Manage);
        conductor.Clock.RunDue();

        Assert.That(conductor.GetBiosSettings("n").Select(s => (s.Name, s.Value)), Is.EqualTo(new[] { ("ProcTurboMode", "Enabled") }));
    }

    [Test]
    public void BiosStepFailure_FailsTheCleaning_WithTheStepAndTheInterfacesMessage()
    {
        var (conductor, bios, _) = Build(IronicRelease.Release21_4);
        bios.Failure = "Redfish exception occurred. Error: boom";
        conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [.. ApplyTurboOff] });
        conductor.Clock.RunDue();
        Heartbeat(conductor);

        var node = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(node.LastError, Does.StartWith($"Node {node.Uuid} failed step {{'interface': 'bios', 'step': 'apply_configuration'"));
            Assert.That(node.LastError, Does.EndWith(": Redfish exception occurred. Error: boom"));
        });
    }

    [Test]
    public void NoBios_OnATypeWithABiosInterface_HasNoBiosSteps()
    {
        var (conductor, bios, _) = Build(IronicRelease.Release21_4, biosInterface: "no-bios");
        conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [.. ApplyTurboOff] });
        conductor.Clock.RunDue();
        Heartbeat(conductor);

        Assert.Multiple(() =>
        {
            Assert.That(bios.Runs, Is.Zero);
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        });
    }

    [Test]
    public void OutOfBandInspection_SetsTheProperties_AndCreatesAPortPerNewMac()
    {
        var (conductor, _, _) = Build(IronicRelease.Release21_4);
        conductor.SetProvisionState("n", ApiVerb.Inspect);
        conductor.Clock.RunDue();
        conductor.SetProvisionState("n", ApiVerb.Inspect);
        conductor.Clock.RunDue();

        var node = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(node.Properties.GetProperty("memory_mb").GetString(), Is.EqualTo("16384"));
            Assert.That(node.Properties.GetProperty("vendor").GetString(), Is.EqualTo("kept"), "properties the BMC does not report are kept");
            Assert.That(conductor.FindPortByAddress("52:54:00:00:00:01")?.NodeUuid, Is.EqualTo(node.Uuid));
            Assert.That(conductor.FindPortByAddress("52:54:00:00:00:02")?.NodeUuid, Is.EqualTo(node.Uuid), "one port per MAC, created once");
        });
    }

    [Test]
    public void OutOfBandInspectionFailure_EndsInInspectFailed_WithTheInterfacesMessage()
    {
        var (conductor, _, inspect) = Build(IronicRelease.Release21_4);
        inspect.Failure = "Redfish connection failed for node x";
        conductor.SetProvisionState("n", ApiVerb.Inspect);
        conductor.Clock.RunDue();

        var node = conductor.GetNode("n");
        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.InspectFailed));
            Assert.That(node.LastError, Is.EqualTo("Redfish connection failed for node x"));
        });
    }

    [Test]
    public void NoInspect_OnATypeWithAnInspectInterface_RefusesInspection()
    {
        var (conductor, _, _) = Build(IronicRelease.Release21_4, inspectInterface: "no-inspect");

        Assert.Throws<UnsupportedDriverExtensionException>(() => conductor.SetProvisionState("n", ApiVerb.Inspect));
        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
    }

    private static void Heartbeat(IronicCore.Conductor conductor)
    {
        conductor.Heartbeat("n", conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", conductor.GetAgentToken("n") ?? conductor.Lookup("n"));
        conductor.Clock.RunDue();
    }

    private static (IronicCore.Conductor Conductor, BiosDouble Bios, InspectDouble Inspect) Build(
        IronicRelease release, string? biosInterface = null, string? inspectInterface = null, ProvisionState state = ProvisionState.Manageable)
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions(release), seed: 5);
        var bios = new BiosDouble();
        var inspect = new InspectDouble();
        conductor.RegisterHardwareType("oob", _ => new HardwareType("oob", FakePower.Instance, NoopManagement.Instance, FakeBoot.Instance) { Bios = bios, Inspect = inspect });
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", Driver = "oob", DeployInterface = "direct", ProvisionState = state, PowerState = PowerState.PowerOff,
            BiosInterface = biosInterface, InspectInterface = inspectInterface,
            Properties = JsonElement.Parse("""{"vendor": "kept"}"""),
        });
        return (conductor, bios, inspect);
    }

    /// <summary>A BIOS whose one setting changes at the reboot its step asks for; polled for when the ramdisk is off.</summary>
    private sealed class BiosDouble : IBiosInterface
    {
        private string current = "Enabled";
        private bool rebootRequested;

        public int Runs { get; private set; }

        public string? Failure { get; set; }

        public string Name => "oob";

        public ImmutableArray<StepDefinition> CleanSteps { get; } =
            [new("bios", "apply_configuration", 0, RequiresRamdisk: false, ArgsInfo: JsonElement.Parse("""{"settings": {"description": "d", "required": true}}"""))];

        public bool IsPolling(DriverTask task) => rebootRequested && task.RamdiskDisabled;

        public void Validate(DriverTask task)
        {
        }

        public IReadOnlyList<KeyValuePair<string, string?>> ReadSettings(DriverTask task) => [new("ProcTurboMode", current)];

        public DriverStepOutcome ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user)
        {
            Runs++;
            if (Failure is { } failure)
            {
                throw new RedfishLikeException(failure);
            }

            if (rebootRequested)
            {
                rebootRequested = false;
                current = "Disabled";
                return DriverStepOutcome.Done;
            }

            rebootRequested = true;
            return DriverStepOutcome.RebootToFinish;
        }
    }

    private sealed class InspectDouble : IInspectInterface
    {
        public string? Failure { get; set; }

        public string Name => "oob";

        public void Validate(DriverTask task)
        {
        }

        public InspectedHardware InspectHardware(DriverTask task) =>
            Failure is { } failure
                ? throw new RedfishLikeException(failure)
                : new InspectedHardware(JsonElement.Parse("""{"memory_mb": "16384", "cpu_arch": "x86_64"}"""), ["52:54:00:00:00:01", "52:54:00:00:00:02"]);
    }

    private sealed class RedfishLikeException(string message) : IronicException("RedfishError", 500, message);
}
