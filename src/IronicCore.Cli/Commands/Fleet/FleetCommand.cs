using System.Diagnostics;
using System.Globalization;
using IronicCore.Cli.Commands.Fleet.Report;
using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.Errors;
using IronicCore.Fleet;
using IronicCore.Persistence;
using IronicCore.Simulation;
using IronicCore.States;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// <c>ironic-sim fleet</c>: runs a fleet scenario (the built-in default without arguments)
/// once per policy, side by side, and prints a table of what each achieved; with
/// <c>--out</c>, CSV files and a chart too.
/// </summary>
internal sealed class FleetCommand(CliOutput output, IAnsiConsole console) : Command<FleetSettings>
{
    public override int Execute(CommandContext context, FleetSettings settings, CancellationToken cancellationToken)
    {
        FleetComparison comparison;
        TimeSpan? saveAt;
        try
        {
            saveAt = CheckSnapshotOptions(settings);
            OutputPath.Directory("--out", settings.Out);
            OutputPath.Directory("--journal", settings.Journal);
            OutputPath.File("--save", settings.Save);
            if (settings.Resume is { } resume)
            {
                comparison = Resume(resume);
            }
            else
            {
                var scenario = Scenario(settings, output.Error);
                var policies = PolicyCatalog.Load(settings.PolicyAssemblies).Select(settings.Policies);
                if (scenario.Problems() is { Length: > 0 } problems)
                {
                    throw new FleetInputException(string.Join("; ", problems));
                }

                comparison = new FleetComparison(scenario, policies.Select(create => create()))
                {
                    PolicyAssemblies = [.. settings.PolicyAssemblies.Select(Path.GetFullPath)],
                };
            }

            if (saveAt is { } at && SimulationClock.DefaultStart + at is var stop && comparison.Runs.Any(s => stop <= s.Clock.GetUtcNow() || stop >= s.End))
            {
                throw new FleetInputException($"--save-at {settings.SaveAt} is not between where the run stands and its end ({Plural.Of(comparison.Scenario.Days, "day")})");
            }
        }
        catch (Exception error) when (error is FleetInputException or PersistenceFormatException or IOException or UnauthorizedAccessException or ArgumentException or ConfigFileException or IronicException)
        {
            output.Error.WriteLine($"ironic-sim fleet: {error.Message}");
            return IronicSim.BadInput;
        }

        var journals = new List<TransitionJournalWriter>();
        try
        {
            if (settings.Journal is { } journalDirectory)
            {
                Directory.CreateDirectory(journalDirectory);
                foreach (var simulation in comparison.Runs)
                {
                    var journal = new TransitionJournalWriter(Path.Combine(journalDirectory, $"{simulation.Result().Policy}.journal"));
                    journals.Add(journal);
                    simulation.Subscribe(journal);
                }
            }

            var stopAt = saveAt is { } span ? SimulationClock.DefaultStart + span : (DateTimeOffset?)null;
            var runs = Run(comparison, stopAt, cancellationToken);
            if (settings.Save is { } path)
            {
                Save(path, comparison);
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Saved {Plural.Of(comparison.Runs.Length, "run")} at {stopAt:yyyy-MM-ddTHH:mm:ssZ} (virtual) to {path}; continue with: ironic-sim fleet --resume {path}"));
                return 0;
            }

            FleetTables.Write(output.Out, comparison.Scenario, runs);
            if (settings.Out is { } directory)
            {
                Directory.CreateDirectory(directory);
                FleetCsv.Write(directory, runs.Select(r => r.Result).ToList());
                FleetChart.Write(Path.Combine(directory, "fleet.png"), comparison.Scenario, runs.Select(r => r.Result).ToList());
                FleetHtmlReport.Write(Path.Combine(directory, FleetHtmlReport.FileName), comparison.Scenario, runs);
            }

            return 0;
        }
        catch (PersistenceFormatException error)
        {
            output.Error.WriteLine($"ironic-sim fleet: {error.Message}");
            return IronicSim.BadInput;
        }
        finally
        {
            foreach (var journal in journals)
            {
                journal.Dispose();
            }
        }
    }

    /// <summary>
    /// Writes <c>--save</c>: every policy's run and the policy assemblies, to a temporary file
    /// moved into place, so a crash mid-write never leaves half a snapshot under the name.
    /// </summary>
    private static void Save(string path, FleetComparison comparison)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            comparison.Save(file);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads <c>--resume</c>, making each policy from the saved assemblies.</summary>
    /// <exception cref="FleetInputException">A saved policy assembly cannot be loaded again.</exception>
    private static FleetComparison Resume(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
        return FleetComparison.Load(file, assemblies =>
        {
            var catalog = PolicyCatalog.Load(assemblies);
            return name => catalog.Select(name)[0]();
        });
    }

    /// <summary>Checks the snapshot options go together; returns the virtual time to save at, if any.</summary>
    private static TimeSpan? CheckSnapshotOptions(FleetSettings settings)
    {
        object?[] scenarioOptions = [settings.Nodes, settings.Days, settings.Seed, settings.Scenario, settings.Policies];
        if (settings.Resume is not null && (scenarioOptions.Any(option => option is not null) || settings.PolicyAssemblies.Length > 0 || settings.ConfigFiles.Length > 0))
        {
            throw new FleetInputException("--resume takes the scenario, options, seed and policies from the snapshot; give only --out, --journal, --save-at and --save with it");
        }

        if (settings.SaveAt is null != settings.Save is null)
        {
            throw new FleetInputException("--save-at and --save go together: when to stop, and where to write the snapshot");
        }

        return settings.SaveAt is { } text ? VirtualTime.Parse("--save-at", text) : null;
    }

    /// <summary>
    /// The scenario file's (or the built-in) scenario, <c>--config-file</c>'s options beneath the file's
    /// own; without a file they replace the built-in scenario's, which are defaults.
    /// </summary>
    private static FleetScenario Scenario(FleetSettings settings, TextWriter notes)
    {
        var files = ConfigFileOption.Load(settings.ConfigFiles);
        var scenario = new FleetScenario();
        if (settings.Scenario is { } file)
        {
            try
            {
                scenario = FleetScenario.Parse(ConfigFileOption.Beneath(File.ReadAllText(file), files, IronicRelease.Master, null, notes).Json);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new FleetInputException($"--scenario {file}: {error.Message}");
            }
            catch (FormatException error)
            {
                throw new FleetInputException($"--scenario {file}: {error.Message}");
            }
        }
        else if (!files.Files.IsEmpty)
        {
            var release = scenario.Options.Release;
            var values = ConfigFileOption.Resolve(files, release, null, notes);
            scenario = scenario with { Options = ConductorOptions.FromNames(release, scenario.Options.ToNames().SetItems(values.Options)) };
        }

        return (settings.Nodes is { } nodes ? scenario.ScaledTo(nodes) : scenario) with
        {
            Days = settings.Days ?? scenario.Days,
            Seed = settings.Seed ?? scenario.Seed,
        };
    }

    /// <summary>
    /// Each policy's run on its own thread (they share nothing) to its end, or to <paramref name="stopAt"/>,
    /// with a live progress bar when the console can show one.
    /// </summary>
    private List<FleetRun> Run(FleetComparison comparison, DateTimeOffset? stopAt, CancellationToken cancellationToken)
    {
        var simulations = comparison.Runs;
        var scenario = comparison.Scenario;
        var runs = new FleetRun[simulations.Length];
        void RunAll(Action<int, double> report) => Parallel.For(0, simulations.Length, i =>
        {
            var simulation = simulations[i];
            var stop = stopAt ?? simulation.End;
            var watch = Stopwatch.StartNew();
            for (var day = simulation.Clock.GetUtcNow(); day < stop;)
            {
                day = day.AddHours(6) < stop ? day.AddHours(6) : stop;
                simulation.RunUntil(day);
                report(i, simulation.Progress);
            }

            runs[i] = new FleetRun(stopAt is null ? simulation.Run() : simulation.Result(), watch.Elapsed);
        });

        new RunProgress("fleet", [.. simulations.Select(s => $"{s.Result().Policy} ({Plural.Of(scenario.Nodes, "node")}, {Plural.Of(scenario.Days, "day")})")], output, cancellationToken)
            .Run(console, RunAll);
        return [.. runs];
    }
}
