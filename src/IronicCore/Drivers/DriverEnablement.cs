using System.Collections.Immutable;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>[DEFAULT] enabled_hardware_types</c>, <c>enabled_&lt;type&gt;_interfaces</c> and
/// <c>default_&lt;type&gt;_interface</c> as a configuration gives them; an option not given takes
/// the default of the conductor's release. <see cref="Conductor.EnableDrivers"/> applies them as
/// Ironic's conductor does at start-up (<c>driver_factory</c>): only the enabled hardware types are
/// served, each with the enabled implementations it supports, and each node's unset interfaces take
/// <c>driver_factory.default_interface</c>'s choice. Immutable.
/// </summary>
public sealed record DriverEnablement
{
    /// <summary><c>enabled_hardware_types</c>; null for the release's default (<c>ipmi, redfish</c>).</summary>
    public ImmutableArray<string>? HardwareTypes { get; init; }

    /// <summary><c>enabled_&lt;type&gt;_interfaces</c> given, by interface type (<c>boot</c>, <c>deploy</c>, ...); an empty list is Ironic's "the types' own first choices".</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> EnabledInterfaces { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary><c>default_&lt;type&gt;_interface</c> given, by interface type.</summary>
    public ImmutableDictionary<string, string> DefaultInterfaces { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Master's <c>autodetect_deploy_interfaces</c>: the deploy interfaces the <c>autodetect</c>
    /// deploy interface may switch a node to, in the order it asks them, the last its fallback; null
    /// for the default (<c>ramdisk, bootc, direct</c>). Other releases have no such option.
    /// </summary>
    public ImmutableArray<string>? AutodetectDeployInterfaces { get; init; }
}
