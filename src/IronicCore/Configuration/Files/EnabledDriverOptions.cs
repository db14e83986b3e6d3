using System.Collections.Immutable;
using IronicCore.Drivers;

namespace IronicCore.Configuration.Files;

/// <summary>
/// Ironic's <c>[DEFAULT] enabled_hardware_types</c>, <c>enabled_&lt;type&gt;_interfaces</c> and
/// <c>default_&lt;type&gt;_interface</c> in a configuration file, checked against the hardware types a
/// conductor runs. A conductor here enables every implementation its hardware types support
/// (<see cref="SupportedInterfaces"/>), and each type picks its own default, which is what Ironic does
/// with a file listing exactly those and setting no other default (<c>driver_factory.default_interface</c>:
/// the configured default first, else the type's first supported and enabled implementation). A file
/// saying so is taken; one naming a type or implementation the simulation lacks, leaving out one it
/// runs, or moving a type's default would change what Ironic runs in a way not simulated, and is
/// refused in one line naming the file, line and option. Interfaces a scenario file cannot set.
/// </summary>
public static class EnabledDriverOptions
{
    private const string HardwareTypes = "DEFAULT.enabled_hardware_types";

    /// <summary>The options, as <c>"section.option"</c>: a command that checks them reads them itself (<see cref="IronicConfigFiles.Resolve"/>'s host options).</summary>
    public static ImmutableArray<string> Names { get; } =
        [HardwareTypes, .. SupportedInterfaces.InterfaceTypes.SelectMany(type => new[] { Enabled(type), Default(type) })];

    /// <summary>Checks the files' values of <see cref="Names"/> against the conductor's hardware types.</summary>
    /// <param name="files">The files' values, resolved with <see cref="Names"/> among the host options.</param>
    /// <param name="types">The hardware types the conductor runs (<see cref="Conductor.HardwareTypes"/>).</param>
    /// <exception cref="ConfigFileException">A value that does not describe what the conductor runs.</exception>
    public static void Check(ConfigFileValues files, IEnumerable<HardwareType> types)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(types);
        var running = types.Select(type => (type.Name, Interfaces: SupportedInterfaces.Of(type).ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal))).ToList();
        var names = string.Join(", ", running.Select(type => type.Name));
        if (files.Host.TryGetValue(HardwareTypes, out var listed))
        {
            var given = OsloValues.List(listed);
            if (given.FirstOrDefault(name => !running.Exists(type => type.Name == name)) is { } unknown)
            {
                throw Refused(files, HardwareTypes, $"{unknown} is not a hardware type IronicCore simulates (this conductor runs {names})");
            }

            if (running.FirstOrDefault(type => !given.Contains(type.Name)) is { Name: { } left })
            {
                throw Refused(files, HardwareTypes, $"leaves out {left}, which this conductor runs; disabling a hardware type is not simulated (list {names})");
            }
        }

        foreach (var interfaceType in SupportedInterfaces.InterfaceTypes)
        {
            var supported = running.SelectMany(type => type.Interfaces[interfaceType].Select(name => (Type: type.Name, Name: name))).ToList();
            var all = string.Join(", ", supported.Select(s => s.Name).Distinct());
            if (files.Host.TryGetValue(Enabled(interfaceType), out var enabled))
            {
                var given = OsloValues.List(enabled);
                if (given.FirstOrDefault(name => !supported.Exists(s => s.Name == name)) is { } unknown)
                {
                    throw Refused(files, Enabled(interfaceType), $"{unknown} is not a {interfaceType} interface of the hardware types this conductor runs ({names}: {all})");
                }

                if (supported.FirstOrDefault(s => !given.Contains(s.Name)) is { Name: { } left, Type: var type })
                {
                    throw Refused(files, Enabled(interfaceType), $"leaves out {left}, which {type} supports here; disabling an interface is not simulated (list {all})");
                }
            }

            if (files.Host.TryGetValue(Default(interfaceType), out var chosen)
                && running.FirstOrDefault(type => type.Interfaces[interfaceType][0] != chosen) is { Name: { } moved } other)
            {
                throw Refused(files, Default(interfaceType),
                    $"{chosen} would be the default {interfaceType} interface of {moved}, whose default here is {other.Interfaces[interfaceType][0]}; changing a hardware type's default is not simulated");
            }
        }
    }

    private static string Enabled(string interfaceType) => $"DEFAULT.enabled_{interfaceType}_interfaces";

    private static string Default(string interfaceType) => $"DEFAULT.default_{interfaceType}_interface";

    private static ConfigFileException Refused(ConfigFileValues files, string option, string message)
    {
        var where = files.Locate(option);
        return new ConfigFileException(where[..where.IndexOf(':', StringComparison.Ordinal)], "DEFAULT", option["DEFAULT.".Length..], $"{where}: {message}");
    }
}
