using System.ComponentModel;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>The options of <c>ironic-sim fleet</c>; each overrides the scenario's value.</summary>
internal sealed class FleetSettings : CommandSettings
{
    /// <summary>
    /// Replications without <c>--replications</c>: the README's main job (10,000 nodes, 30 days,
    /// three policies) stays under a minute on two cores (measured in docs/fleet.md).
    /// </summary>
    public const int DefaultReplications = 5;

    /// <summary>The most <c>--replications</c> takes: every run's samples stay in memory for the tables and files.</summary>
    public const int MaxReplications = 1_000;

    /// <summary>The most <c>--threads</c> takes: far more than any machine's cores, few enough to catch a typo.</summary>
    public const int MaxThreads = 1_024;

    [CommandOption("--nodes <N>")]
    [Description("How many nodes (default 10,000).")]
    public int? Nodes { get; init; }

    [CommandOption("--days <DAYS>")]
    [Description("How many days of virtual time (default 30).")]
    public int? Days { get; init; }

    [CommandOption("--policies <LIST>")]
    [Description("Comma-separated policy names (default: hold,reparo,fail-fast, then any from --policy-assembly).")]
    public string? Policies { get; init; }

    [CommandOption("--hardware <MIX>")]
    [Description("The nodes' hardware types and their shares, e.g. fake-hardware=0.5,ipmi=0.25,redfish=0.25, or one type (default: the scenario's, fake-hardware).")]
    public string? Hardware { get; init; }

    [CommandOption("--fault-rates <RATES>")]
    [Description("Fault kinds' rates per node per year, e.g. credentials_rejected=0.05,reset_fails=0.02,insert_media_fails=0.02 (a Redfish BMC's own kinds strike redfish nodes; default: the scenario's).")]
    public string? FaultRates { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seeds every random draw (default 42).")]
    public ulong? Seed { get; init; }

    [CommandOption("--scenario <FILE>")]
    [Description("A fleet scenario file (JSON; see docs/fleet.md).")]
    public string? Scenario { get; init; }

    [CommandOption(ConfigFileOption.Template)]
    [Description(ConfigFileOption.Description)]
    public string[] ConfigFiles { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("Writes summary.csv, one CSV per policy and fleet.png there.")]
    public string? Out { get; init; }

    [CommandOption("--policy-assembly <PATH>")]
    [Description("A .NET assembly whose public IFleetPolicy classes (with a parameterless constructor) join the run.")]
    public string[] PolicyAssemblies { get; init; } = [];

    [CommandOption("--save-at <TIME>")]
    [Description("Stops the run at this virtual time from its start (e.g. 12d, 36h) and writes --save FILE instead of the table.")]
    public string? SaveAt { get; init; }

    [CommandOption("--save <FILE>")]
    [Description("Where --save-at writes the snapshot of every policy's run.")]
    public string? Save { get; init; }

    [CommandOption("--resume <FILE>")]
    [Description("Continues the runs a --save wrote, to their end (the snapshot holds the scenario and policies).")]
    public string? Resume { get; init; }

    [CommandOption("--journal <DIR>")]
    [Description("Appends every transition to DIR/<policy>.journal, or DIR/<policy>.<replication>.journal with several replications (resuming appends to the saving run's journals).")]
    public string? Journal { get; init; }

    [CommandOption("--replications <N>")]
    [Description("Runs every policy on N seeds derived from --seed, with common random numbers, and reports means with 95 % intervals (default 5; 1 with --save-at or --resume).")]
    public int? Replications { get; init; }

    [CommandOption("--threads <N>")]
    [Description("How many runs (policies x replications) go at once, each on its own thread (default: one per core); the results are the same for any value.")]
    public int? Threads { get; init; }

    [CommandOption("--baseline <POLICY>")]
    [Description("The policy the others' paired differences are taken to (default hold, or the first policy when hold is not run).")]
    public string? Baseline { get; init; }
}
