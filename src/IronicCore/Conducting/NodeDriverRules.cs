using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>update_node</c> for the <c>driver</c> and <c>*_interface</c> fields, with
/// <c>driver_factory.check_and_update_node_interfaces</c>: an interface given a new value may
/// change only in the states Ironic allows (or in maintenance), as may one given null (removed)
/// unless the driver changes with it (Ironic's <c>reset_interfaces</c>); every interface the update
/// names must be one the (new) hardware type supports; an interface left null takes the type's
/// default. The node then runs the driver built from the result.
/// </summary>
internal static class NodeDriverRules
{
    private static readonly ProvisionState[] AllowedUpdateStates =
        [ProvisionState.Enroll, ProvisionState.Inspecting, ProvisionState.InspectWait, ProvisionState.Manageable, ProvisionState.Available];

    /// <summary>The driver the update asks for, checked; null when it keeps the node's driver and interfaces.</summary>
    public static NodeDriver? Check(ConductorContext context, Node node, NodeUpdate update)
    {
        var current = node.Interfaces;
        var driverName = update.Driver ?? current.Driver;
        (string Type, string Current, string? Wanted)[] interfaces =
        [
            ("boot", current.Boot, update.BootInterface),
            ("deploy", current.Deploy, update.DeployInterface),
            ("inspect", current.Inspect, update.InspectInterface),
            ("management", current.Management, update.ManagementInterface),
            ("power", current.Power, update.PowerInterface),
            ("rescue", current.Rescue, update.RescueInterface),
        ];
        if (driverName == current.Driver && Array.TrueForAll(interfaces, i => i.Wanted == i.Current))
        {
            return null;
        }

        // An interface given null is a change Ironic checks too (a removed field is stored as None),
        // except beside a new driver, where null is reset_interfaces, applied after the check.
        var newDriver = driverName != current.Driver;
        foreach (var (type, was, wanted) in interfaces)
        {
            var changes = wanted is null ? !newDriver : wanted != was;
            if (changes && !update.Maintenance && Array.IndexOf(AllowedUpdateStates, node.ProvisionState) < 0)
            {
                var allowed = string.Join(", ", AllowedUpdateStates.Select(s => s.ToIronicName()));
                throw new InvalidStateException(
                    $"Node {node.Uuid} can not have {type}_interface updated unless it is in one of allowed ({allowed}) states or in maintenance mode." +
                    (context.Profile.InterfaceUpdateErrorNamesState ? $" Current state is '{node.ProvisionState.ToIronicName()}'." : string.Empty));
            }
        }

        foreach (var (type, _, wanted) in interfaces)
        {
            if (wanted is null || context.Drivers.Offered(driverName, type).Contains(wanted))
            {
                continue;
            }

            context.Drivers.EnsureEnabled(type, wanted);

            // Ironic's fake-hardware takes any enabled implementation (get_interface's special
            // case); the simulated one runs only its own, so another type's is not simulated.
            if (driverName == FakeHardware.Name && context.Drivers.HardwareTypes.Any(t => context.Drivers.Offered(t.Name, type).Contains(wanted)))
            {
                throw new InvalidParameterValueException(
                    $"The simulated fake-hardware runs only its own {type}_interface ({string.Join(", ", context.Drivers.Offered(driverName, type))}), " +
                    $"not '{wanted}', which Ironic's fake-hardware would accept; change the driver with reset_interfaces=true, or set the interface too.");
            }

            throw new InvalidParameterValueException($"{type} interface implementation '{wanted}' is not supported by hardware type {driverName}.");
        }

        // Drivers are shared per combination: the same instance means nothing changes (e.g. a
        // removed interface that was the type's default already).
        var driver = context.Drivers.DriverFor(
            driverName, update.DeployInterface, update.RescueInterface, update.ManagementInterface, update.BootInterface, inspectInterface: update.InspectInterface);
        return ReferenceEquals(driver, context.Nodes.DriverOf(node)) ? null : driver;
    }

    /// <summary>The node runs <paramref name="driver"/> from now on (its record names it, its task carries it).</summary>
    public static void Apply(ConductorContext context, Node node, NodeDriver driver)
    {
        node.Interfaces = driver.Interfaces;
        context.Nodes.SetTask(node, new DriverTask(node, driver, context.Nodes.MachineAt(node.Index), context.AgentHost.TaskHost));
    }
}
