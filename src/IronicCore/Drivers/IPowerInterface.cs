using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>A node's power interface (Ironic's <c>PowerInterface</c>): reads and changes the machine's power.</summary>
internal interface IPowerInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c> or <c>ipmitool</c>.</summary>
    string Name { get; }

    /// <summary>The targets <see cref="SetPowerState"/> accepts.</summary>
    IReadOnlyList<PowerState> SupportedPowerStates { get; }

    /// <summary>Checks the node's <c>driver_info</c>; throws Ironic's validation errors.</summary>
    void Validate(Node node);

    /// <summary>Reads the power state from the BMC; throws <c>IPMIFailure</c> when it does not answer.</summary>
    PowerState? GetPowerState(Node node);

    /// <summary>Drives the machine to <paramref name="target"/> (a reboot turns it off, then on).</summary>
    void SetPowerState(Node node, PowerState target);
}
