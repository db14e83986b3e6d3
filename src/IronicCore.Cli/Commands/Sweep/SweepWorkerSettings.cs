using System.ComponentModel;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>The arguments of <c>ironic-sim sweep worker DIR</c>.</summary>
internal sealed class SweepWorkerSettings : CommandSettings
{
    // Optional to Spectre, required by the command: a bad option value is then named before a missing directory.
    [CommandArgument(0, "[DIR]")]
    [Description("The sweep directory (its sweep.json gives the plan and the chunk size).")]
    public string? Directory { get; init; }

    [CommandOption("--task <N>")]
    [Description("The chunk to run, from 0: cells N*chunk to N*chunk+chunk-1 (default: SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX).")]
    public int? Task { get; init; }

    [CommandOption("--threads <N>")]
    [Description("How many of the chunk's cells run at once (default 1: an engine gives each task its own cores).")]
    public int? Threads { get; init; }
}
