using System.ComponentModel;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>The arguments of <c>ironic-sim sweep PLAN</c>.</summary>
internal sealed class SweepSettings : SweepEngineSettings
{
    // Optional to Spectre, required by the command: a bad option value is then named before a missing plan.
    [CommandArgument(0, "[PLAN]")]
    [Description("The sweep plan (JSON; see docs/sweeps.md).")]
    public string? Plan { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("The sweep directory: sweep.json and one result per cell in cells/. Rerun on the same DIR to resume.")]
    public string? Out { get; init; }

    [CommandOption("--threads <N>")]
    [Description("How many cells run at once (default: every core).")]
    public int? Threads { get; init; }
}
