using System.Text.Json;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// A snapshot taken while a redfish firmware update runs (Ironic's <c>redfish_fw_updates</c> in
/// <c>driver_internal_info</c>, the BMC's task still running) keeps the update, the BMC's task and
/// the poll: the loaded conductor ends the update at the same poll as the uninterrupted one, with
/// the same cached components.
/// </summary>
[TestFixture]
public sealed class RedfishFirmwareSnapshotTests
{
    [Test]
    public void SnapshotWhileAFirmwareUpdateRuns_EndsItAtTheSamePoll()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest
        {
            CleanSteps = [new StepRequest("firmware", "update", JsonElement.Parse("""{"settings": [{"component": "bios", "url": "http://192.0.2.1:8080/bios-1.0.1.bin"}]}"""))],
        });
        fixture.RunFor(TimeSpan.FromSeconds(1));
        fixture.Conductor.Heartbeat("n", fixture.Conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", fixture.Conductor.GetAgentToken("n") ?? fixture.Conductor.Lookup("n"));
        fixture.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(fixture.Node("n").CleanStep?.Step, Is.EqualTo("update"), $"set-up: the update started and waits for its poll: {fixture.Node("n").ProvisionState} {fixture.Node("n").LastError}");
        Assert.That(fixture.System("n").Bmc.UpdateTasks.Single().State, Is.EqualTo(RedfishUpdateTaskState.Running), "set-up: master does not reboot at the start");

        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);
        loaded.Clock.Advance(TimeSpan.FromSeconds(300));
        fixture.RunFor(TimeSpan.FromSeconds(300));
        var system = loaded.DriverStates.OfType<RedfishHardware>().Single().GetSystem("n");

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable), loaded.GetNode("n").LastError);
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(system.Bmc.UpdateTasks.Single().State, Is.EqualTo(RedfishUpdateTaskState.Completed));
            Assert.That(system.Firmware.BiosVersion, Is.EqualTo("1.0.1"));
            Assert.That(loaded.GetFirmwareComponents("n"), Is.EqualTo(fixture.Conductor.GetFirmwareComponents("n")));
            Assert.That(loaded.GetFirmwareComponents("n").Select(c => $"{c.Component} {c.InitialVersion} {c.CurrentVersion} {c.LastVersionFlashed}"),
                Is.EqualTo(new[] { "bios 1.0.0 1.0.1 1.0.1", "bmc 1.00 1.00 " }));
        });
    }
}
