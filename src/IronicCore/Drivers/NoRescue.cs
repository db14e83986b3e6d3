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
        throw new InstanceRescueFailureException(task.Node.InstanceUuid, task.NodeUuid, $"Validation failed: {Unsupported(task).Message}");

    /// <summary>
    /// Reached only by a node placed in a rescue state (the API validates first): like Ironic's
    /// no-rescue, which fails every call, the worker's handler then fails the node.
    /// </summary>
    public ProvisionEvent Rescue(DriverTask task, IConductorUtils conductor) => throw Unsupported(task);

    /// <inheritdoc cref="Rescue"/>
    public void Unrescue(DriverTask task, IConductorUtils conductor) => throw Unsupported(task);

    private static UnsupportedDriverExtensionException Unsupported(DriverTask task) => new(task.Driver.Driver, "rescue");
}
