using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// A node's rescue interface (Ironic's <c>RescueInterface</c>, the node's <c>rescue_interface</c>):
/// boots a rescue ramdisk in place of the instance, and back. Calls run as the request's worker.
/// </summary>
internal interface IRescueInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c>, <c>agent</c> or <c>no-rescue</c>.</summary>
    string Name { get; }

    /// <summary>Checks that the node can be rescued with its driver, before the request is accepted.</summary>
    /// <exception cref="Errors.InstanceRescueFailureException">It cannot.</exception>
    void Validate(DriverTask task);

    /// <summary>Ironic's <c>rescue</c>; returns the event that ends the worker: done, wait (for the agent's heartbeat) or fail.</summary>
    ProvisionEvent Rescue(DriverTask task, IConductorUtils conductor);

    /// <summary>Ironic's <c>unrescue</c>: the machine boots its instance again (the conductor then fires done).</summary>
    void Unrescue(DriverTask task, IConductorUtils conductor);
}
