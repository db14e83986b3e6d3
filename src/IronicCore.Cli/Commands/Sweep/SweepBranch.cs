using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// <c>ironic-sim sweep</c>: runs a plan (<c>sweep PLAN --out DIR</c>, the branch's default command), and its
/// subcommands. Spectre.Console.Cli reads a word after a branch as a subcommand's name, never as the
/// default command's argument, so <see cref="WithDefaultCommand"/> names the default command when the
/// word is no subcommand.
/// </summary>
internal static class SweepBranch
{
    public const string Name = "sweep";

    public const string Worker = "worker";

    public const string Status = "status";

    public const string Report = "report";

    public static void Configure(IConfigurator<CommandSettings> sweep)
    {
        sweep.SetDescription("Run a parameter sweep of fleet runs (a plan's grid of values × policies × replications) locally, or one task of it.");
        sweep.SetDefaultCommand<SweepCommand>();
        sweep.AddExample(Name, "samples/sweeps/small.json", "--out", "small-sweep");
        sweep.AddExample(Name, "samples/sweeps/small.json", "--out", "/shared/small-sweep", "--engine", "slurm", "--time", "30", "--mem", "2G");
        sweep.AddCommand<SweepWorkerCommand>(Worker)
            .WithDescription("Run one chunk of a sweep's cells (the task of a Slurm job array or a Kubernetes Indexed Job).")
            .WithExample(Name, Worker, "small-sweep", "--task", "0");
        sweep.AddCommand<SweepStatusCommand>(Status)
            .WithDescription("Count a sweep's cells done, failed and not run, and the chunks that still have cells to run.")
            .WithExample(Name, Status, "small-sweep");
        sweep.AddCommand<SweepReportCommand>(Report)
            .WithDescription("Merge a sweep's cells into tables with 95 % confidence intervals, CSV files, charts and an HTML report.")
            .WithExample(Name, Report, "small-sweep", "--out", "small-report");
    }

    /// <summary><paramref name="args"/>, with the default command's name put before a plan given to <c>sweep</c>.</summary>
    public static string[] WithDefaultCommand(string[] args) =>
        args is [Name, var word, ..] && !word.StartsWith('-') && word is not (Worker or Status or Report or RegisteredCommand.DefaultCommandName)
            ? [Name, RegisteredCommand.DefaultCommandName, .. args[1..]]
            : args;
}
