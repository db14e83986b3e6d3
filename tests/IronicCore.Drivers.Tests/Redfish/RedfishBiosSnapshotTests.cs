using System.Text.Json;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// A snapshot taken while a master redfish BIOS step waits for its poll (no ramdisk: Ironic's
/// <c>redfish_bios_state</c> in <c>driver_internal_info</c>, the settings pending at the BMC until the
/// reboot applied them) keeps the step's flags and the poll: the loaded conductor resumes the step
/// at the same poll as the uninterrupted one and ends the cleaning alike.
/// </summary>
[TestFixture]
public sealed class RedfishBiosSnapshotTests
{
    [Test]
    public void SnapshotWhileABiosStepWaitsForItsPoll_ResumesAtTheSamePoll()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest
        {
            CleanSteps = [new StepRequest("bios", "apply_configuration", JsonElement.Parse("""{"settings": [{"name": "ProcTurboMode", "value": "Disabled"}]}"""))],
        });
        fixture.RunFor(TimeSpan.FromSeconds(10));
        Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait), "set-up: the step rebooted and waits for the poll");

        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);
        loaded.Clock.Advance(TimeSpan.FromSeconds(49));
        var beforeThePoll = loaded.GetNode("n").ProvisionState;
        loaded.Clock.Advance(TimeSpan.FromSeconds(1));
        fixture.RunFor(TimeSpan.FromSeconds(50));

        Assert.Multiple(() =>
        {
            Assert.That(beforeThePoll, Is.EqualTo(ProvisionState.CleanWait), "the poll is every 60 s from the conductor's start");
            Assert.That(loaded.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable), loaded.GetNode("n").LastError);
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(loaded.GetBiosSettings("n").Single(s => s.Name == "ProcTurboMode").Value, Is.EqualTo("Disabled"));
        });
    }
}
