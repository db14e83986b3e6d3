using IronicCore.Configuration.Files;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// <c>--config-file</c>'s <c>[DEFAULT]</c> driver options for a fleet (<c>fleet</c> and
/// <c>serve --fleet</c>): checked as Ironic's conductor checks them at start-up on a conductor built
/// as the fleet's (its refusals one line naming the file, line and option, its notes written), then
/// the fleet's node (its driver and interfaces) created under them as Ironic's <c>driver_factory</c>
/// would, so a configuration that disables what the nodes need is refused before the run with
/// Ironic's error; the configuration then applies to the fleet's conductor before its nodes are enrolled.
/// </summary>
internal static class FleetDriverOptions
{
    /// <summary>The scenario with the files' driver configuration, or as it was when they set none.</summary>
    /// <param name="scenario">The fleet.</param>
    /// <param name="files">The files' values, resolved with <see cref="EnabledDriverOptions.Names"/> among the host options; null: no files.</param>
    /// <param name="conductorOf">Builds a conductor as the fleet's run builds it (its hardware types registered, no nodes).</param>
    /// <param name="notes">Where notes go (stderr).</param>
    /// <exception cref="ConfigFileException">Ironic would not start with the files, or would not create the fleet's nodes under them.</exception>
    public static FleetScenario Apply(FleetScenario scenario, ConfigFileValues? files, Func<FleetScenario, Conductor> conductorOf, TextWriter notes)
    {
        if (files is null || EnabledDriverOptions.Read(files) is not { } drivers)
        {
            return scenario;
        }

        var conductor = conductorOf(scenario);
        EnabledDriverOptions.Apply(files, conductor.EnableDrivers, notes);
        var request = scenario.NodeRequest(active: false);
        try
        {
            foreach (var driver in scenario.Hardware.Keys.DefaultIfEmpty(scenario.Driver))
            {
                request = scenario.NodeRequest(driver, conductor.NodeSlots, active: false);
                conductor.CreateNode(request);
            }
        }
        catch (IronicException error)
        {
            var set = files.Locate(EnabledDriverOptions.Names.First(files.Host.ContainsKey));
            var file = set[..set.IndexOf(':', StringComparison.Ordinal)];
            throw new ConfigFileException(file, "DEFAULT", null,
                $"{file}: the fleet's nodes (driver {request.Driver}, deploy_interface {request.DeployInterface}, management_interface {request.ManagementInterface}) " +
                $"cannot be created under its driver options: {error.IronicClass}: {error.Message}");
        }

        return scenario with { Drivers = drivers };
    }
}
