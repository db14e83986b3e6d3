using IronicCore;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace Harness;

public sealed class GettingStarted
{
    [Test]
    public void ManualCleanOfANodeInMaintenance_IsRefusedAsIronicRefusesIt()
    {
        // Ironic 21.4's rules and defaults; new Conductor() is Ironic master.
        var conductor = new Conductor(ConductorOptions.ForRelease(IronicRelease.Release21_4), seed: 42);
        conductor.CreateNode(new NodeCreateRequest { Name = "node-0", PowerState = PowerState.PowerOff });

        // A request returns once accepted (HTTP 202); its work runs on the virtual clock.
        conductor.SetProvisionState("node-0", ApiVerb.Manage);
        conductor.Clock.RunDue();
        conductor.SetMaintenance("node-0", "disk smart errors");

        var refusal = Assert.Throws<NodeInMaintenanceException>(() => conductor.SetProvisionState(
            "node-0", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new StepRequest("bios", "factory_reset")] }));

        Assert.That(refusal.HttpStatus, Is.EqualTo(400));
        Assert.That(conductor.GetNode("node-0").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
    }
}
