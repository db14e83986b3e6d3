using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>Ironic's <c>no-rescue</c> interface: a rescue request is refused at validation.</summary>
internal sealed class NoRescue : IRescueInterface
{
    public static readonly NoRescue Instance = new();

    private NoRescue()
    {
    }

    public string Name => "no-rescue";

    public void Validate(DriverTask task) =>
        throw new InstanceRescueFailureException(
            task.Node.InstanceUuid, task.NodeUuid, $"Validation failed: Driver {task.Driver.Driver} does not support rescue (disabled or not implemented).");

    /// <summary>Reached only by a node placed in a rescue state: it finishes at once, as the fake interface does.</summary>
    public ProvisionEvent Rescue(DriverTask task, IConductorUtils conductor) => ProvisionEvent.Done;

    public void Unrescue(DriverTask task, IConductorUtils conductor)
    {
    }
}
