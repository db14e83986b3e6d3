using IronicCore.Conductor;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> power interface over a <see cref="SimulatedMachine"/>: it echoes the
/// node's recorded power state until the machine has a state of its own, and fails like
/// ipmitool while the BMC is unreachable (so power sync and recovery can be exercised).
/// </summary>
internal sealed class FakePower(Func<Node, SimulatedMachine> machineOf) : IPowerInterface
{
    public string Name => "fake";

    public IReadOnlyList<PowerState> SupportedPowerStates { get; } =
        [PowerState.PowerOn, PowerState.PowerOff, PowerState.Rebooting, PowerState.SoftRebooting, PowerState.SoftPowerOff];

    public void Validate(Node node)
    {
    }

    public PowerState? GetPowerState(Node node)
    {
        var machine = Reach(node, "power status");
        return machine.Tracked ? machine.PowerState : node.PowerState;
    }

    public void SetPowerState(Node node, PowerState target)
    {
        var machine = Reach(node, target switch
        {
            PowerState.PowerOn => "power on",
            PowerState.PowerOff => "power off",
            PowerState.SoftPowerOff => "power soft",
            _ => "power cycle",
        });
        if (machine.Tracked)
        {
            machine.SetPowerState(target is PowerState.PowerOff or PowerState.SoftPowerOff ? PowerState.PowerOff : PowerState.PowerOn);
        }
        else
        {
            machine.PowerChanged(target);
        }
    }

    private SimulatedMachine Reach(Node node, string command)
    {
        var machine = machineOf(node);
        return machine.Reachable ? machine : throw new IpmiFailureException(command);
    }
}
