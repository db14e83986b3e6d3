using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace IronicCore.Cli;

/// <summary>
/// How far a long run is, shown as the console allows: on a terminal a live bar per task; elsewhere
/// (a pipe, a file, CI) one line on stderr every <see cref="CliOutput.ProgressInterval"/>, so a log
/// shows the run is alive. Every report also checks Ctrl-C: the run stops at its next step with
/// <see cref="OperationCanceledException"/>, and the live display, ended by it, shows the cursor again.
/// Reports come from the runs' threads, several at once.
/// </summary>
internal sealed class RunProgress(string command, IReadOnlyList<string> tasks, CliOutput output, CancellationToken cancellationToken)
{
    private readonly double[] done = new double[tasks.Count];
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private TimeSpan nextLine = output.ProgressInterval;

    /// <summary>Runs <paramref name="run"/>, which reports each task's progress (0 to 1) to the action it is given.</summary>
    public void Run(IAnsiConsole console, Action<Action<int, double>> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            run(Line);
            return;
        }

        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var bars = tasks.Select(task => progress.AddTask(task, maxValue: 1)).ToList();
                run((task, value) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    bars[task].Value = value;
                });
            });
    }

    private void Line(int task, double value)
    {
        cancellationToken.ThrowIfCancellationRequested();
        done[task] = value;
        lock (gate)
        {
            if (watch.Elapsed < nextLine)
            {
                return;
            }

            nextLine = watch.Elapsed + output.ProgressInterval;
            var each = string.Join(", ", tasks.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} {done[i]:P0}")));
            output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ironic-sim {command}: {done.Average():P0} done after {watch.Elapsed.TotalSeconds:F0} s ({each})"));
        }
    }
}
