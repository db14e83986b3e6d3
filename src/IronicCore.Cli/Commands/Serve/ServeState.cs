using System.Globalization;
using IronicCore.Api;
using IronicCore.Api.Durability;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Cli.Commands.Serve;

/// <summary>
/// <c>serve --state-dir DIR</c>: a new directory is seeded with what the other options say to
/// serve (and remembers them); a directory with state is served as it was left, and an option
/// that contradicts what it was started with is refused rather than silently ignored.
/// </summary>
internal static class ServeState
{
    private const string Hosts = "conductor_hosts";

    /// <summary>The options that say what to serve, as <c>started_with</c> keeps them.</summary>
    private static readonly string[] Seeding = ["release", "clock", "seed", "scenario", "fleet", "resume"];

    /// <summary>The conductor to serve from <paramref name="state"/>, and its conductor services; the clock it runs with.</summary>
    /// <param name="state">The opened state directory.</param>
    /// <param name="settings">The command's options.</param>
    /// <param name="arguments">The command line, to tell options given from defaults.</param>
    /// <param name="create">Builds the conductor the options say, for a new directory.</param>
    /// <exception cref="StateDirectoryException">The directory's state is damaged, or an option contradicts it.</exception>
    public static async Task<(Conductor Conductor, IReadOnlyList<string> Hosts, ClockMode Clock)> Start(
        StateDirectory state, ServeCommand.Settings settings, IReadOnlyList<string> arguments, Func<Task<(Conductor, IReadOnlyList<string>)>> create)
    {
        var given = Given(settings, arguments);
        if (state.IsNew)
        {
            var (conductor, hosts) = await create().ConfigureAwait(false);
            var startedWith = new Dictionary<string, string>(given)
            {
                ["release"] = conductor.Release.ToIronicName(),
                ["clock"] = settings.Clock,
                [Hosts] = string.Join(",", hosts),
            };
            state.Create(conductor, settings.ClockMode, startedWith, ServeConductor.Resume);
            return (conductor, hosts, settings.ClockMode);
        }

        foreach (var (option, value) in given)
        {
            state.StartedWith.TryGetValue(option, out var recorded);
            if (recorded != value)
            {
                throw new StateDirectoryException(
                    StateDirectoryError.Incompatible, state.Path, null,
                    $"--{option} {value} contradicts its state, started with {(recorded is null ? $"no --{option}" : $"--{option} {recorded}")}: leave --{option} out to serve the state as it was left, or use a new --state-dir");
            }
        }

        var loaded = state.Load(ServeConductor.Resume);
        var served = state.StartedWith.TryGetValue(Hosts, out var names) && names.Length > 0 ? names.Split(',') : [];
        return (loaded, served, state.Clock);
    }

    /// <summary>The seeding options given on the command line, with files as full paths.</summary>
    private static Dictionary<string, string> Given(ServeCommand.Settings settings, IReadOnlyList<string> arguments)
    {
        var values = new Dictionary<string, string?>
        {
            ["release"] = settings.ParsedRelease.ToIronicName(),
            ["clock"] = settings.Clock,
            ["seed"] = settings.Seed?.ToString(CultureInfo.InvariantCulture),
            ["scenario"] = settings.Scenario is { } scenario ? Path.GetFullPath(scenario) : null,
            ["fleet"] = settings.Fleet is { } fleet ? Path.GetFullPath(fleet) : null,
            ["resume"] = settings.Resume is { } resume ? Path.GetFullPath(resume) : null,
        };
        var given = new Dictionary<string, string>();
        foreach (var option in Seeding)
        {
            if (values[option] is { } value && arguments.Any(a => a == $"--{option}" || a.StartsWith($"--{option}=", StringComparison.Ordinal)))
            {
                given[option] = value;
            }
        }

        return given;
    }
}
