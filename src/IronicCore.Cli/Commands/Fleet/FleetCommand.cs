using System.Diagnostics;
using System.Globalization;
using IronicCore.Cli.Commands.Fleet.Report;
using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.Drivers;
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
        FleetComparison? comparison = null;
        FleetExperiment? experiment = null;
        TimeSpan? saveAt;
        string baseline;
        int threads;
        try
        {
            saveAt = CheckSnapshotOptions(settings);
            threads = Threads(settings);
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

                if (saveAt is null)
                {
                    experiment = new FleetExperiment(scenario, policies, Replications(settings)) { MaxDegreeOfParallelism = threads };
                }
                else
                {
                    comparison = new FleetComparison(scenario, policies.Select(create => create()))
                    {
                        PolicyAssemblies = [.. settings.PolicyAssemblies.Select(Path.GetFullPath)],
                    };
                }
            }

            baseline = Baseline(settings, experiment?.Policies ?? [.. comparison!.Runs.Select(run => run.Result().Policy)]);
            if (saveAt is { } at && SimulationClock.DefaultStart + at is var stop && comparison!.Runs.Any(s => stop <= s.Clock.GetUtcNow() || stop >= s.End))
            {
                throw new FleetInputException($"--save-at {settings.SaveAt} is not between where the run stands and its end ({Plural.Of(comparison.Scenario.Days, "day")})");
            }
        }
        catch (Exception error) when (error is FleetInputException or PersistenceFormatException or IOException or UnauthorizedAccessException or ArgumentException or ConfigFileException or IronicException)
        {
            output.Error.WriteLine($"ironic-sim fleet: {error.Message}");
            return IronicSim.BadInput;
        }

        try
        {
            if (settings.Journal is { } journalDirectory)
            {
                Directory.CreateDirectory(journalDirectory);
            }

            var result = experiment is not null
                ? Run(experiment, settings.Journal, cancellationToken)
                : RunComparison(comparison!, settings, threads, saveAt, cancellationToken);
            if (result is null)
            {
                return 0;
            }

            FleetTables.Write(output.Out, result, baseline);
            if (settings.Out is { } directory)
            {
                Directory.CreateDirectory(directory);
                FleetCsv.Write(directory, result, baseline);
                FleetChart.Write(Path.Combine(directory, "fleet.png"), result);
                FleetHtmlReport.Write(Path.Combine(directory, FleetHtmlReport.FileName), result, baseline);
            }

            return 0;
        }
        catch (PersistenceFormatException error)
        {
            output.Error.WriteLine($"ironic-sim fleet: {error.Message}");
            return IronicSim.BadInput;
        }
    }

    /// <summary>
    /// Runs a comparison of one replication (one saved, or to be saved) to its end, or to
    /// <c>--save-at</c> and writes <c>--save</c>; null when it saved.
    /// </summary>
    private FleetExperimentResult? RunComparison(FleetComparison comparison, FleetSettings settings, int threads, TimeSpan? saveAt, CancellationToken cancellationToken)
    {
        var journals = new List<TransitionJournalWriter>();
        try
        {
            if (settings.Journal is { } journalDirectory)
            {
                foreach (var simulation in comparison.Runs)
                {
                    var journal = new TransitionJournalWriter(Path.Combine(journalDirectory, $"{simulation.Result().Policy}.journal"));
                    journals.Add(journal);
                    simulation.Subscribe(journal);
                }
            }

            var stopAt = saveAt is { } span ? SimulationClock.DefaultStart + span : (DateTimeOffset?)null;
            var runs = Run(comparison, threads, stopAt, cancellationToken);
            if (settings.Save is { } path)
            {
                Save(path, comparison);
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Saved {Plural.Of(comparison.Runs.Length, "run")} at {stopAt:yyyy-MM-ddTHH:mm:ssZ} (virtual) to {path}; continue with: ironic-sim fleet --resume {path}"));
                return null;
            }

            return new FleetExperimentResult(comparison.Scenario, runs.Select(run => run.Result.Policy), [comparison.Scenario.Seed], runs);
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
        object?[] scenarioOptions = [settings.Nodes, settings.Days, settings.Seed, settings.Scenario, settings.Policies, settings.Replications, settings.Hardware, settings.FaultRates];
        if (settings.Resume is not null && (scenarioOptions.Any(option => option is not null) || settings.PolicyAssemblies.Length > 0 || settings.ConfigFiles.Length > 0))
        {
            throw new FleetInputException("--resume takes the scenario, options, seed and policies from the snapshot (one replication); give only --out, --journal, --baseline, --save-at and --save with it");
        }

        if (settings.SaveAt is null != settings.Save is null)
        {
            throw new FleetInputException("--save-at and --save go together: when to stop, and where to write the snapshot");
        }

        if (settings.SaveAt is not null && settings.Replications is > 1)
        {
            throw new FleetInputException($"--save-at saves one replication; --replications {settings.Replications} cannot go with it");
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
        ConfigFileValues? values = null;
        if (settings.Scenario is { } file)
        {
            try
            {
                string json;
                (json, values) = ConfigFileOption.Beneath(File.ReadAllText(file), files, IronicRelease.Master, null, notes, [.. EnabledDriverOptions.Names]);
                scenario = FleetScenario.Parse(json);
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
            values = ConfigFileOption.Resolve(files, release, null, notes, [.. EnabledDriverOptions.Names]);
            scenario = scenario with { Options = ConductorOptions.FromNames(release, scenario.Options.ToNames().SetItems(values.Options)) };
        }

        if (settings.Hardware is { } mix)
        {
            scenario = scenario with { Driver = new FleetScenario().Driver, Hardware = FleetHardwareOption.Parse(mix) };
        }

        if (settings.FaultRates is { } rates)
        {
            scenario = FleetFaultRatesOption.Apply(scenario, rates);
        }

        // The fleet's conductor is built as FleetSimulation builds it: its nodes' hardware types registered.
        scenario = FleetDriverOptions.Apply(scenario, values, fleet =>
        {
            var conductor = new Conductor(fleet.Options, seed: fleet.Seed);
            fleet.RegisterHardware(conductor);
            return conductor;
        }, notes);
        return (settings.Nodes is { } nodes ? scenario.ScaledTo(nodes) : scenario) with
        {
            Days = settings.Days ?? scenario.Days,
            Seed = settings.Seed ?? scenario.Seed,
        };
    }

    /// <summary><c>--replications</c>, checked, or its default.</summary>
    private static int Replications(FleetSettings settings) => settings.Replications switch
    {
        null => FleetSettings.DefaultReplications,
        < 1 or > FleetSettings.MaxReplications => throw new FleetInputException(string.Create(CultureInfo.InvariantCulture,
            $"--replications must be from 1 to {FleetSettings.MaxReplications:N0}, not {settings.Replications}")),
        { } n => n,
    };

    /// <summary><c>--threads</c>, checked, or its default: one per core.</summary>
    private static int Threads(FleetSettings settings) => settings.Threads switch
    {
        null => Environment.ProcessorCount,
        < 1 or > FleetSettings.MaxThreads => throw new FleetInputException(string.Create(CultureInfo.InvariantCulture,
            $"--threads must be from 1 to {FleetSettings.MaxThreads:N0}, not {settings.Threads}")),
        { } n => n,
    };

    /// <summary><c>--baseline</c>, checked against the policies run; without it <c>hold</c>, or the first policy when hold is not run.</summary>
    private static string Baseline(FleetSettings settings, IReadOnlyList<string> policies) => settings.Baseline switch
    {
        null => policies.Contains("hold") ? "hold" : policies[0],
        { } name when policies.Contains(name) => name,
        { } name => throw new FleetInputException($"--baseline {name}: not one of the policies run ({string.Join(", ", policies)})"),
    };

    /// <summary>
    /// Every policy in every replication, spread over the cores (<see cref="FleetExperiment.Run"/>),
    /// with a progress bar (or line) per policy: its replications' mean progress.
    /// </summary>
    private FleetExperimentResult Run(FleetExperiment experiment, string? journals, CancellationToken cancellationToken)
    {
        using var observer = new FleetExperimentObserver(experiment, journals);
        var scenario = experiment.Scenario;
        FleetExperimentResult? result = null;
        new RunProgress("fleet", [.. experiment.Policies.Select(policy => $"{policy} ({Plural.Of(scenario.Nodes, "node")}, {Plural.Of(scenario.Days, "day")})")], output, cancellationToken)
            .Run(console, report =>
            {
                observer.Report = report;
                result = experiment.Run(observer);
            });
        return result!;
    }

    /// <summary>
    /// Each policy's run on its own thread (they share nothing; at most <paramref name="threads"/> at once) to its end, or to <paramref name="stopAt"/>,
    /// with a live progress bar when the console can show one.
    /// </summary>
    private List<FleetExperimentRun> Run(FleetComparison comparison, int threads, DateTimeOffset? stopAt, CancellationToken cancellationToken)
    {
        var simulations = comparison.Runs;
        var scenario = comparison.Scenario;
        var runs = new FleetExperimentRun[simulations.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        void RunAll(Action<int, double> report) => Parallel.For(0, simulations.Length, options, i =>
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

            runs[i] = new FleetExperimentRun(i, 0, scenario.Seed, stopAt is null ? simulation.Run() : simulation.Result(), watch.Elapsed);
        });

        new RunProgress("fleet", [.. simulations.Select(s => $"{s.Result().Policy} ({Plural.Of(scenario.Nodes, "node")}, {Plural.Of(scenario.Days, "day")})")], output, cancellationToken)
            .Run(console, RunAll);
        return [.. runs];
    }
}
