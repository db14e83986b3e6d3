using System.Collections.Immutable;
using IronicCore.Configuration.Files;
using IronicCore.Errors;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>[DEFAULT] enabled_hardware_types</c>, <c>enabled_&lt;type&gt;_interfaces</c> and
/// <c>default_&lt;type&gt;_interface</c> in configuration files, read as Ironic reads them: files that
/// set none of them leave a conductor's own driver set (every simulated implementation, each type's
/// defaults); files that set any are a <see cref="DriverEnablement"/>, the options they leave out
/// taking the release's defaults, which <see cref="Apply"/> gives the conductor
/// (<see cref="Conductor.EnableDrivers"/>). Its refusals become one line naming the file, line and
/// option; its notes (names enabled but not simulated) are written as notes.
/// </summary>
public static class EnabledDriverOptions
{
    private const string HardwareTypes = "DEFAULT.enabled_hardware_types";

    private const string AutodetectDeployInterfaces = "DEFAULT.autodetect_deploy_interfaces";

    /// <summary>The options, as <c>"section.option"</c>: a command that applies them reads them itself (<see cref="IronicConfigFiles.Resolve"/>'s host options).</summary>
    public static ImmutableArray<string> Names { get; } =
        [HardwareTypes, .. SupportedInterfaces.InterfaceTypes.SelectMany(type => new[] { DriverEnablementRules.Enabled(type), DriverEnablementRules.Default(type) }),
            AutodetectDeployInterfaces];

    /// <summary>The files' driver configuration; null when they set none of <see cref="Names"/>.</summary>
    /// <param name="files">The files' values, resolved with <see cref="Names"/> among the host options.</param>
    /// <returns>The configuration, or null.</returns>
    public static DriverEnablement? Read(ConfigFileValues files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!Names.Any(files.Host.ContainsKey))
        {
            return null;
        }

        var enabled = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var defaults = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var interfaceType in SupportedInterfaces.InterfaceTypes)
        {
            if (files.Host.TryGetValue(DriverEnablementRules.Enabled(interfaceType), out var list))
            {
                enabled[interfaceType] = [.. OsloValues.List(list)];
            }

            // oslo: a blank StrOpt is an empty string, which Ironic's `is not None` takes as a name.
            if (files.Host.TryGetValue(DriverEnablementRules.Default(interfaceType), out var chosen))
            {
                defaults[interfaceType] = chosen;
            }
        }

        return new DriverEnablement
        {
            HardwareTypes = files.Host.TryGetValue(HardwareTypes, out var types) ? [.. OsloValues.List(types)] : null,
            EnabledInterfaces = enabled.ToImmutable(),
            DefaultInterfaces = defaults.ToImmutable(),
            AutodetectDeployInterfaces = files.Host.TryGetValue(AutodetectDeployInterfaces, out var autodetect) ? [.. OsloValues.List(autodetect)] : null,
        };
    }

    /// <summary>
    /// Gives the files' driver configuration, when they set one, to <paramref name="enable"/> (a
    /// conductor's <see cref="Conductor.EnableDrivers"/>, or what creates one with it) and writes its
    /// notes, each as <c>file:line: [DEFAULT] option: note</c>; does nothing when they set none.
    /// </summary>
    /// <param name="files">The files' values.</param>
    /// <param name="enable">Applies the configuration; returns its notes per option.</param>
    /// <param name="notes">Where notes go (stderr).</param>
    /// <exception cref="ConfigFileException">Ironic would not start with the files, or would give a node what is not simulated.</exception>
    public static void Apply(ConfigFileValues files, Func<DriverEnablement, IReadOnlyList<KeyValuePair<string, string>>> enable, TextWriter notes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(enable);
        ArgumentNullException.ThrowIfNull(notes);
        if (Read(files) is not { } enablement)
        {
            return;
        }

        try
        {
            foreach (var (option, note) in enable(enablement))
            {
                notes.WriteLine($"ironic-sim: note: {Where(files, option)}: {note}");
            }
        }
        catch (DriverConfigurationException error)
        {
            var where = Where(files, error.Option);
            throw new ConfigFileException(
                where[..where.IndexOf(':', StringComparison.Ordinal)], "DEFAULT", error.Option["DEFAULT.".Length..], $"{where}: {error.IronicClass}: {error.Message}");
        }
    }

    /// <summary>Where the option was set, or for one the files leave at Ironic's default, the first file that sets a driver option.</summary>
    private static string Where(ConfigFileValues files, string option)
    {
        if (files.Host.ContainsKey(option))
        {
            return files.Locate(option);
        }

        var set = files.Locate(Names.First(files.Host.ContainsKey));
        return $"{set[..set.IndexOf(':', StringComparison.Ordinal)]}: [DEFAULT] {option["DEFAULT.".Length..]} (Ironic's default)";
    }
}
