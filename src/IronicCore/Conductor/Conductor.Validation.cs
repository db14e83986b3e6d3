using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Errors;

namespace IronicCore;

/// <summary>The interface validation behind <c>GET /v1/nodes/{ident}/validate</c>, for the interfaces the conductor runs.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Runs the node's boot, management or power interface's check of <c>driver_info</c>, as
    /// Ironic's <c>validate_driver_interfaces</c> does (under a shared lock, so a reserved node
    /// answers too); the BMC is not contacted.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="interfaceType"><c>boot</c>, <c>management</c> or <c>power</c>.</param>
    /// <returns>Null when valid, else the error's text.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interfaceType"/> is not one the conductor runs.</exception>
    public string? ValidateInterface(string ident, string interfaceType)
    {
        var node = Find(ident);
        var task = TaskOf(node);
        Action<DriverTask> validate = interfaceType switch
        {
            "boot" => node.Hardware.Boot.Validate,
            "management" => node.Hardware.Management.Validate,
            "power" => node.Hardware.Power.Validate,
            _ => throw new ArgumentOutOfRangeException(nameof(interfaceType), interfaceType, "The conductor runs boot, management and power only."),
        };
        try
        {
            validate(task);
            return null;
        }
        catch (IronicException error)
        {
            return error.Message;
        }
    }
}
