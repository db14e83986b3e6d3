using System.Globalization;
using IronicCore.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// <c>ironic-sim sweep worker DIR</c>: what each task of an engine runs. Chunk N (from <c>--task</c>,
/// <c>SLURM_ARRAY_TASK_ID</c> or <c>JOB_COMPLETION_INDEX</c>) is cells N·chunk to N·chunk + chunk − 1
/// of the sweep in DIR; the cells already done are skipped.
/// </summary>
internal sealed class SweepWorkerCommand(CliOutput output, IAnsiConsole console) : Command<SweepWorkerSettings>
{
    public override int Execute(CommandContext context, SweepWorkerSettings settings, CancellationToken cancellationToken)
    {
        SweepDirectory sweep;
        IReadOnlyList<int> cells;
        int threads;
        try
        {
            threads = SweepRunner.Threads(settings.Threads, 1);
            sweep = SweepDirectory.Open(settings.Directory ?? throw new InputRefusedException("DIR is required: the sweep directory an engine's tasks share"));
            var task = settings.Task ?? Task();
            cells = [.. sweep.ChunkCells(task)];
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sweep worker: task {task} of {sweep.ChunkCount}, cells {cells[0]} to {cells[^1]} of {sweep.Plan.CellCount}"));
        }
        catch (Exception error) when (error is InputRefusedException or SweepDirectoryException)
        {
            output.Error.WriteLine($"ironic-sim sweep worker: {error.Message}");
            return IronicSim.BadInput;
        }

        return SweepRunner.Run("sweep worker", sweep, cells, threads, output, console, cancellationToken);
    }

    /// <summary>The task number an engine gave this process.</summary>
    /// <exception cref="InputRefusedException">Neither variable is set, or one holds no task number.</exception>
    private static int Task()
    {
        try
        {
            return SweepTask.FromEnvironment(Environment.GetEnvironmentVariable)
                ?? throw new InputRefusedException($"no task: give --task N, or run under Slurm ({SweepTask.SlurmVariable}) or a Kubernetes Indexed Job ({SweepTask.KubernetesVariable})");
        }
        catch (FormatException error)
        {
            throw new InputRefusedException(error.Message);
        }
    }
}
