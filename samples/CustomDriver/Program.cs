using System.Collections.Immutable;
using CustomDriver;
using IronicCore;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

// A conductor whose ramdisk agents boot, heartbeat and finish their steps on the virtual clock.
var conductor = new Conductor(seed: 42, agents: new AgentBehaviour());
var network = conductor.AddPxeNetwork();

// The third-party hardware type: our power driver, a no-op management, IronicCore's PXE boot.
conductor.RegisterHardwareType("pdu-hardware", _ =>
    new HardwareType("pdu-hardware", new PduPower(), new NoBootDeviceManagement(), network.Boot)
    {
        ImageTransfer = network.ImageTransfer,
    });

conductor.CreateNode(new NodeCreateRequest
{
    Name = "rack1-node7",
    Driver = "pdu-hardware",
    ProvisionState = ProvisionState.Manageable,
    PowerState = PowerState.PowerOff,
    DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("pdu_outlet", "7"),
});

conductor.SetProvisionState("rack1-node7", ApiVerb.Provide);
conductor.Clock.Advance(TimeSpan.FromHours(2));
Console.WriteLine($"after provide: {conductor.GetNode("rack1-node7").ProvisionState.ToIronicName()}");

conductor.SetProvisionState("rack1-node7", ApiVerb.Active);
conductor.Clock.Advance(TimeSpan.FromMinutes(30));
var node = conductor.GetNode("rack1-node7");
Console.WriteLine($"after deploy: {node.ProvisionState.ToIronicName()}, {node.PowerState?.ToIronicName()}, power interface {node.PowerInterface}");
