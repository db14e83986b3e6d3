using System.Collections.Frozen;
using System.Collections.Immutable;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// What Ironic's conductor makes of a <see cref="DriverEnablement"/> at start-up
/// (<c>base_manager.init_host</c> and <c>_register_and_validate_hardware_interfaces</c> over
/// <c>driver_factory</c>), on the hardware types registered here: the names it cannot load stop it,
/// as does a hardware type left without a default for an interface type; otherwise each enabled type
/// gets, per interface type, its default (<c>default_interface</c>: the configured
/// <c>default_&lt;type&gt;_interface</c>, else the first implementation the type supports, in its own
/// order, that is enabled) and the other enabled implementations it supports. Names Ironic loads but
/// IronicCore does not simulate are taken with a note, unless Ironic would make one a served type's
/// default, which is refused.
/// </summary>
internal static class DriverEnablementRules
{
    /// <summary>The served types' interfaces (per interface type, default first) and the notes on what is enabled but not simulated.</summary>
    public sealed record Result(
        FrozenDictionary<string, ImmutableArray<KeyValuePair<string, ImmutableArray<string>>>> Types,
        FrozenDictionary<string, ImmutableArray<string>> Enabled,
        ImmutableArray<(string Option, string Note)> Notes)
    {
        /// <summary>What the <c>autodetect</c> deploy interface may switch nodes to, in order (master's <c>autodetect_deploy_interfaces</c>).</summary>
        public ImmutableArray<string> AutodetectDeployInterfaces { get; init; } = [];
    }

    private const string TypesOption = "DEFAULT.enabled_hardware_types";

    private const string AutodetectOption = "DEFAULT.autodetect_deploy_interfaces";

    // conf/default.py (master): ramdisk and bootc detect, direct is the fallback.
    public static readonly ImmutableArray<string> AutodetectDefault = ["ramdisk", "bootc", "direct"];

    // Ironic loads these factories before it counts the hardware types (base_manager.init_host).
    private static readonly string[] EarlyInterfaces = ["network", "storage"];

    /// <exception cref="DriverConfigurationException">Ironic's conductor would not start, or would give a served type's nodes an implementation not simulated.</exception>
    public static Result Resolve(DriverEnablement enablement, IReadOnlyList<HardwareType> registered, IronicRelease release, string host)
    {
        var notes = new List<(string, string)>();
        var typeNames = Distinct(enablement.HardwareTypes ?? IronicDriverCatalog.DefaultEnabled(release, "types")!.Value);
        CheckKnown(release, "types", typeNames, TypesOption, "ironic.hardware.types");
        var enabled = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var interfaceType in EarlyInterfaces)
        {
            enabled[interfaceType] = Enabled(enablement, release, interfaceType, typeNames, registered);
        }

        if (typeNames.IsEmpty)
        {
            throw new DriverConfigurationException(
                "NoDriversLoaded", TypesOption, $"Conductor {host} cannot be started because no hardware types were loaded.");
        }

        foreach (var interfaceType in SupportedInterfaces.InterfaceTypes.Except(EarlyInterfaces))
        {
            enabled[interfaceType] = Enabled(enablement, release, interfaceType, typeNames, registered);
        }

        // Ironic walks its hardware types in entry point (sorted) order.
        var served = registered.Where(type => typeNames.Contains(type.Name)).OrderBy(type => type.Name, StringComparer.Ordinal).ToList();
        var missing = typeNames.Where(name => !registered.Any(type => type.Name == name)).ToList();
        if (served.Count == 0)
        {
            throw new DriverConfigurationException("NotSimulated", TypesOption,
                $"{string.Join(", ", missing)}: IronicCore simulates none of these hardware types (it runs {string.Join(", ", registered.Select(t => t.Name))})");
        }

        if (missing.Count > 0)
        {
            notes.Add((TypesOption, $"{string.Join(", ", missing)}: taken, not simulated; IronicCore serves {string.Join(", ", served.Select(t => t.Name))}, and a node of another type is refused as by a conductor without it (NoValidHost)"));
        }

        var types = served.ToFrozenDictionary(
            type => type.Name,
            type => ImmutableArray.CreateRange(SupportedInterfaces.InterfaceTypes.Select(interfaceType =>
                new KeyValuePair<string, ImmutableArray<string>>(interfaceType, Usable(enablement, release, type, interfaceType, enabled[interfaceType])))),
            StringComparer.Ordinal);
        foreach (var interfaceType in SupportedInterfaces.InterfaceTypes)
        {
            var unused = enabled[interfaceType].Where(name => !registered.Any(type => Simulated(type, interfaceType).Contains(name))).ToList();
            if (unused.Count > 0)
            {
                notes.Add((Enabled(interfaceType), $"{string.Join(", ", unused)}: taken, not simulated; no hardware type here runs it, and a node asking for it is refused"));
            }
        }

        return new Result(
            types, enabled.ToFrozenDictionary(pair => pair.Key, pair => ImmutableArray.CreateRange(pair.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal), [.. notes])
        {
            AutodetectDeployInterfaces = Autodetect(enablement, release, enabled["deploy"], notes),
        };
    }

    /// <summary>
    /// Master's <c>AutodetectDeploy.__init__</c>, run when <c>autodetect</c> is loaded: every name in
    /// <c>autodetect_deploy_interfaces</c> must be in <c>enabled_deploy_interfaces</c> as the option
    /// gives it, or the interface does not load and the conductor does not start.
    /// </summary>
    private static ImmutableArray<string> Autodetect(DriverEnablement enablement, IronicRelease release, ImmutableArray<string> enabledDeploy, List<(string, string)> notes)
    {
        if (!ReleaseProfile.For(release).HasAutodetectDeploy)
        {
            if (enablement.AutodetectDeployInterfaces is not null)
            {
                notes.Add((AutodetectOption, $"ignored: Ironic {release.ToIronicName()} has no such option (oslo.config ignores it)"));
            }

            return [];
        }

        var names = enablement.AutodetectDeployInterfaces ?? AutodetectDefault;
        if (!enabledDeploy.Contains(AutodetectDeploy.InterfaceName))
        {
            return names;
        }

        var given = enablement.EnabledInterfaces.TryGetValue("deploy", out var listed) ? listed : IronicDriverCatalog.DefaultEnabled(release, "deploy")!.Value;
        foreach (var name in names)
        {
            if (!given.Contains(name))
            {
                throw new DriverConfigurationException("DriverLoadError", enablement.AutodetectDeployInterfaces is null ? Enabled("deploy") : AutodetectOption,
                    $"Driver, hardware type or interface autodetect could not be loaded. Reason: Deploy interface '{name}' is configured in " +
                    $"autodetect_deploy_interfaces but is not in enabled_deploy_interfaces. Please add '{name}' to enabled_deploy_interfaces " +
                    "or remove it from autodetect_deploy_interfaces..");
            }
        }

        return names;
    }

    /// <summary>The option's name, <c>DEFAULT.enabled_&lt;type&gt;_interfaces</c>.</summary>
    public static string Enabled(string interfaceType) => $"DEFAULT.enabled_{interfaceType}_interfaces";

    /// <summary>The option's name, <c>DEFAULT.default_&lt;type&gt;_interface</c>.</summary>
    public static string Default(string interfaceType) => $"DEFAULT.default_{interfaceType}_interface";

    /// <summary>A list as Python prints it (Ironic's <c>%(valid)s</c> of a list of names).</summary>
    public static string PythonList(IEnumerable<string> names) => $"[{string.Join(", ", names.Select(n => $"'{n}'"))}]";

    /// <summary>The enabled implementations of an interface type: the option's names, or (empty or unset without a default) each enabled type's first supported one.</summary>
    private static ImmutableArray<string> Enabled(
        DriverEnablement enablement, IronicRelease release, string interfaceType, ImmutableArray<string> typeNames, IReadOnlyList<HardwareType> registered)
    {
        var given = enablement.EnabledInterfaces.TryGetValue(interfaceType, out var listed) ? listed : IronicDriverCatalog.DefaultEnabled(release, interfaceType);
        var names = Distinct(given ?? []);
        CheckKnown(release, interfaceType, names, Enabled(interfaceType), $"ironic.hardware.interfaces.{interfaceType}");
        if (!names.IsEmpty)
        {
            return names;
        }

        // InterfaceFactory._set_enabled_drivers' fallback, over every enabled type Ironic would load.
        return Distinct(typeNames.Order(StringComparer.Ordinal)
            .Select(name => SupportedOrder(release, name, interfaceType, registered.FirstOrDefault(t => t.Name == name)))
            .Where(order => !order.IsEmpty)
            .Select(order => order[0]));
    }

    private static ImmutableArray<string> Usable(
        DriverEnablement enablement, IronicRelease release, HardwareType type, string interfaceType, ImmutableArray<string> enabled)
    {
        var simulated = Simulated(type, interfaceType);
        var order = SupportedOrder(release, type.Name, interfaceType, type);
        var fake = type.Name == FakeHardware.Name;
        string chosen;
        var configured = enablement.DefaultInterfaces.GetValueOrDefault(interfaceType) ?? IronicDriverCatalog.DefaultInterface(interfaceType);
        if (configured is not null)
        {
            if (!enabled.Contains(configured))
            {
                throw new DriverConfigurationException("InterfaceNotFoundInEntrypoint", Default(interfaceType),
                    $"Could not find the following interface in the 'ironic.hardware.interfaces.{interfaceType}' entrypoint: {configured}. " +
                    $"Valid interfaces are {PythonList(enabled.Order(StringComparer.Ordinal))}.");
            }

            // get_interface: fake-hardware takes any enabled implementation.
            chosen = fake || order.Contains(configured) ? configured : throw NoValidDefault(type, interfaceType, Default(interfaceType));
        }
        else
        {
            chosen = order.FirstOrDefault(enabled.Contains) ?? throw NoValidDefault(type, interfaceType, Enabled(interfaceType));
        }

        if (!simulated.Contains(chosen))
        {
            var option = enablement.DefaultInterfaces.ContainsKey(interfaceType) ? Default(interfaceType) : Enabled(interfaceType);
            throw new DriverConfigurationException("NotSimulated", option,
                $"Ironic would make {chosen} the default {interfaceType} interface of {type.Name} nodes, which IronicCore does not simulate " +
                $"(its {type.Name} runs {string.Join(", ", simulated)}); enable one of those, or set default_{interfaceType}_interface to one");
        }

        return [chosen, .. (fake ? simulated : order).Where(name => name != chosen && enabled.Contains(name) && simulated.Contains(name))];
    }

    /// <summary>
    /// What the simulation runs of an interface type for <paramref name="type"/> under a configuration:
    /// <see cref="SupportedInterfaces"/>, and on the generic types master's <c>autodetect</c> deploy,
    /// which only a configuration offers (it loads only beside the interfaces it switches to, which an
    /// unconfigured conductor does not load).
    /// </summary>
    private static ImmutableArray<string> Simulated(HardwareType type, string interfaceType) =>
        interfaceType == "deploy" && type.Name != FakeHardware.Name
            ? [.. SupportedInterfaces.Names(type, interfaceType), AutodetectDeploy.InterfaceName]
            : SupportedInterfaces.Names(type, interfaceType);

    /// <summary>Ironic's order for a type it knows, else (a type registered by other code) the simulated list.</summary>
    private static ImmutableArray<string> SupportedOrder(IronicRelease release, string typeName, string interfaceType, HardwareType? registered) =>
        IronicDriverCatalog.Supported(release, typeName, interfaceType)
        ?? (registered is null ? [] : SupportedInterfaces.Names(registered, interfaceType));

    private static DriverConfigurationException NoValidDefault(HardwareType type, string interfaceType, string option) =>
        new("NoValidDefaultForInterface", option,
            $"For hardware type '{type.Name}', no default value found for {interfaceType} interface could be determined. Please ensure the interfaces are enabled.");

    private static void CheckKnown(IronicRelease release, string kind, ImmutableArray<string> names, string option, string entrypoint)
    {
        var known = IronicDriverCatalog.EntryPoints(release, kind);
        var unknown = names.Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new DriverConfigurationException("DriverNotFoundInEntrypoint", option,
                $"Could not find the following items in the '{entrypoint}' entrypoint: {string.Join(", ", unknown)}.");
        }
    }

    // _set_enabled_drivers: empty names are skipped, duplicates kept once.
    private static ImmutableArray<string> Distinct(IEnumerable<string> names) => [.. names.Where(name => name.Length > 0).Distinct(StringComparer.Ordinal)];
}
