using System.Text.Json;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// A BMC whose firmware update task never ends (<see cref="RedfishSystem.FirmwareUpdateNeverCompletes"/>):
/// master's <c>_check_overall_timeout</c> fails the <c>firmware.update</c> step after
/// <c>[redfish] firmware_update_overall_timeout</c>; 2025.1 has no such timeout, and the agent's
/// heartbeats touch provisioning, so <c>clean_callback_timeout</c> fires only once they stop; an abort
/// waits for the step, which is not abortable, to end. 21.4 has no firmware interface.
/// </summary>
[TestFixture]
public sealed class RedfishFirmwareTaskNeverCompletesTests
{
    private static RedfishFixture StartUpdate(IronicRelease release)
    {
        var fixture = RedfishFixture.ForRelease(release);
        fixture.Enroll("n");
        fixture.System("n").FirmwareUpdateNeverCompletes = true;
        fixture.Conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest
        {
            CleanSteps = [new StepRequest("firmware", "update", JsonElement.Parse("""{"settings": [{"component": "bios", "url": "http://192.0.2.1:8080/bios-1.0.1.bin"}]}"""))],
        });
        fixture.RunFor(TimeSpan.FromSeconds(1));
        Heartbeat(fixture);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        Assert.That(fixture.Node("n").CleanStep?.Step, Is.EqualTo("update"), $"set-up: the update started: {fixture.Node("n").ProvisionState} {fixture.Node("n").LastError}");
        return fixture;
    }

    private static void Heartbeat(RedfishFixture fixture) =>
        fixture.Conductor.Heartbeat("n", fixture.Conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", fixture.Conductor.GetAgentToken("n") ?? fixture.Conductor.Lookup("n"));

    [Test]
    public void Master_TheOverallTimeoutFailsTheStep()
    {
        var fixture = StartUpdate(IronicRelease.Master);
        var uuid = fixture.Node("n").Uuid;

        fixture.RunFor(TimeSpan.FromHours(1.9));
        var waiting = fixture.Node("n");
        fixture.RunFor(TimeSpan.FromHours(0.2));
        var failed = fixture.Node("n");

        Assert.Multiple(() =>
        {
            Assert.That(waiting.ProvisionState, Is.EqualTo(ProvisionState.CleanWait), waiting.LastError);
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(failed.Maintenance, Is.True);
            Assert.That(failed.LastError, Does.Contain($"Firmware update on node {uuid} has exceeded the overall timeout of 7200 seconds. Elapsed time: "), failed.LastError);
            Assert.That(fixture.System("n").Bmc.UpdateTasks.Single().State, Is.EqualTo(RedfishUpdateTaskState.Running), "the BMC's task never ended");
        });
    }

    [Test]
    public void Release2025_1_TheStepWaitsAsLongAsTheAgentHeartbeats_AnAbortWaitsForIt_AndTheCallbackTimeoutEndsItOnceTheyStop()
    {
        var fixture = StartUpdate(IronicRelease.Release2025_1);

        // Six hours of the agent's heartbeats, five minutes apart (the fixture's agent sends none by itself).
        for (var i = 0; i < 72; i++)
        {
            fixture.RunFor(TimeSpan.FromMinutes(5));
            Heartbeat(fixture);
        }

        var waiting = fixture.Node("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Abort);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        var aborting = fixture.Node("n");
        fixture.RunFor(TimeSpan.FromMinutes(32));
        var failed = fixture.Node("n");

        Assert.Multiple(() =>
        {
            Assert.That(waiting.ProvisionState, Is.EqualTo(ProvisionState.CleanWait), waiting.LastError);
            Assert.That(waiting.CleanStep?.Step, Is.EqualTo("update"));
            Assert.That(aborting.ProvisionState, Is.EqualTo(ProvisionState.CleanWait), "firmware.update is not abortable: the abort waits for the step to end");
            Assert.That(failed.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(failed.LastError, Does.StartWith("Timeout reached while cleaning the node. Please check if the ramdisk responsible for the cleaning is running on the node. Failed on step {'interface': 'firmware', 'step': 'update'"), failed.LastError);
            Assert.That(fixture.System("n").Bmc.UpdateTasks.Single().State, Is.EqualTo(RedfishUpdateTaskState.Running));
        });
    }

    [Test]
    public void Snapshot_KeepsTheHangingTask()
    {
        var fixture = StartUpdate(IronicRelease.Master);

        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);
        loaded.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(loaded.DriverStates.OfType<RedfishHardware>().Single().GetSystem("n").FirmwareUpdateNeverCompletes, Is.True);
            Assert.That(loaded.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait), "an hour on, the update still waits for its task");
        });
    }
}
