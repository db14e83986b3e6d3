using IronicCore.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// <c>ironic-sim sweep PLAN --out DIR</c>: reads the plan, writes <c>DIR/sweep.json</c> (or checks
/// that DIR holds this plan's sweep, to resume), and runs every cell not yet done on the local cores.
/// </summary>
internal sealed class SweepCommand(CliOutput output, IAnsiConsole console) : Command<SweepSettings>
{
    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        SweepDirectory sweep;
        SweepEngineChoice engine;
        int threads;
        string file;
        try
        {
            threads = SweepRunner.Threads(settings.Threads, Environment.ProcessorCount);
            engine = SweepEngineChoice.Parse(settings, settings.Threads is not null);
            file = settings.Plan ?? throw new InputRefusedException("PLAN is required: the sweep plan file (docs/sweeps.md)");
            var directory = settings.Out ?? throw new InputRefusedException("--out DIR is required: where the sweep's cells are written");
            sweep = SweepDirectory.Create(directory, Plan(file), settings.Chunk);
        }
        catch (Exception error) when (error is InputRefusedException or SweepDirectoryException)
        {
            output.Error.WriteLine($"ironic-sim sweep: {error.Message}");
            return IronicSim.BadInput;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"ironic-sim sweep: --out {settings.Out}: cannot write there: {error.Message}");
            return IronicSim.BadInput;
        }

        var plan = sweep.Plan;
        output.Out.WriteLine($"sweep {file}: {Plural.Of(plan.CellCount, "cell")} ({Plural.Of(plan.PointCount, "point")} × {Plural.Of(plan.Replications, "replication")}), policies {string.Join(", ", plan.Policies)}, in {sweep.Path}");
        if (engine.Name != SweepEngineChoice.Local)
        {
            return SweepEngines.Run(engine, sweep, output, cancellationToken);
        }

        return SweepRunner.Run("sweep", sweep, [.. Enumerable.Range(0, plan.CellCount)], threads, output, console, cancellationToken);
    }

    /// <summary>Reads the plan file.</summary>
    /// <exception cref="InputRefusedException">It cannot be read, or is not a valid plan (the message has the JSON path of the fault).</exception>
    public static SweepPlan Plan(string path)
    {
        try
        {
            return SweepPlan.Load(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InputRefusedException($"{path}: {error.Message}");
        }
    }
}
