using System.Diagnostics;
using IronicCore.Conductor;
using IronicCore.Simulation.Fleet;
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
        FleetScenario scenario;
        IReadOnlyList<Func<IFleetPolicy>> policies;
        try
        {
            scenario = Scenario(settings);
            policies = PolicyCatalog.Load(settings.PolicyAssemblies).Select(settings.Policies);
            if (scenario.Problems() is { Length: > 0 } problems)
            {
                throw new FleetInputException(string.Join("; ", problems));
            }
        }
        catch (FleetInputException error)
        {
            output.Error.WriteLine($"ironic-sim fleet: {error.Message}");
            return IronicSim.BadInput;
        }

        var runs = Run(scenario, policies);
        FleetReport.Write(output.Out, scenario, runs);
        if (settings.Out is { } directory)
        {
            Directory.CreateDirectory(directory);
            FleetCsv.Write(directory, runs.Select(r => r.Result).ToList());
            FleetChart.Write(Path.Combine(directory, "fleet.png"), scenario, runs.Select(r => r.Result).ToList());
        }

        return 0;
    }

    private static FleetScenario Scenario(FleetSettings settings)
    {
        var scenario = new FleetScenario();
        if (settings.Scenario is { } file)
        {
            try
            {
                scenario = FleetScenarioFile.Parse(File.ReadAllText(file));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new FleetInputException($"--scenario {file}: {error.Message}");
            }
        }

        return (settings.Nodes is { } nodes ? scenario.ScaledTo(nodes) : scenario) with
        {
            Days = settings.Days ?? scenario.Days,
            Seed = settings.Seed ?? scenario.Seed,
        };
    }

    /// <summary>Each policy's run on its own thread (they share nothing), with a live progress bar when the console can show one.</summary>
    private List<FleetRun> Run(FleetScenario scenario, IReadOnlyList<Func<IFleetPolicy>> policies)
    {
        var simulations = policies.Select(create => new FleetSimulation(scenario, create())).ToList();
        var runs = new FleetRun[simulations.Count];
        void RunAll(Action<int, double> report) => Parallel.For(0, simulations.Count, i =>
        {
            var simulation = simulations[i];
            var watch = Stopwatch.StartNew();
            for (var day = simulation.Clock.GetUtcNow(); day < simulation.End;)
            {
                day = day.AddHours(6);
                simulation.RunUntil(day);
                report(i, simulation.Progress);
            }

            runs[i] = new FleetRun(simulation.Run(), watch.Elapsed);
        });

        if (!console.Profile.Capabilities.Interactive)
        {
            RunAll((_, _) => { });
            return [.. runs];
        }

        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var tasks = simulations.Select(s => progress.AddTask($"{s.Result().Policy} ({scenario.Nodes:N0} nodes, {scenario.Days} days)", maxValue: 1)).ToList();
                RunAll((i, done) => tasks[i].Value = done);
            });
        return [.. runs];
    }
}
