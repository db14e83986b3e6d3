using System.ComponentModel;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// The options of <c>ironic-sim sweep PLAN --out DIR</c> that choose where the cells run and what a
/// cluster gives each task (docs/sweeps.md, "On Slurm" and "On Kubernetes"); each is refused with
/// an engine it does not apply to.
/// </summary>
internal abstract class SweepEngineSettings : CommandSettings
{
    [CommandOption("--engine <ENGINE>")]
    [Description("Where the cells run: local (default: this machine's cores), slurm (submits a job array) or kubernetes (writes an Indexed Job manifest to apply).")]
    public string? Engine { get; init; }

    [CommandOption("--chunk <N>")]
    [Description("Cells per task of an engine (a Slurm array task, a Kubernetes index; default 1); a resumed DIR keeps its own.")]
    public int? Chunk { get; init; }

    [CommandOption("--partition <NAME>")]
    [Description("slurm: the partition (or several, comma-separated); default the cluster's.")]
    public string? Partition { get; init; }

    [CommandOption("--time <TIME>")]
    [Description("slurm: each task's time limit, in Slurm's forms (minutes, hours:minutes:seconds, days-hours ...).")]
    public string? Time { get; init; }

    [CommandOption("--mem <SIZE>")]
    [Description("slurm, kubernetes: each task's memory, a number with K, M, G or T (binary units; M without).")]
    public string? Memory { get; init; }

    [CommandOption("--cpus <N>")]
    [Description("slurm, kubernetes: each task's cores (--cpus-per-task, the pod's cpu request); the worker runs that many cells at once.")]
    public int? Cpus { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("slurm, kubernetes: at most N tasks at once (the array's %N, the Job's parallelism); default all.")]
    public int? Parallel { get; init; }

    [CommandOption("--job-name <NAME>")]
    [Description("slurm, kubernetes: the job's name (default ironic-sweep).")]
    public string? JobName { get; init; }

    [CommandOption("--wait")]
    [Description("slurm: waits for the job array to end (sbatch --wait), then says which cells are missing.")]
    public bool Wait { get; init; }

    [CommandOption("--image <IMAGE>")]
    [Description("kubernetes: the tool's image (deploy/Dockerfile), as the cluster pulls it.")]
    public string? Image { get; init; }

    [CommandOption("--pvc <CLAIM>")]
    [Description("kubernetes: the PersistentVolumeClaim that holds the sweep directory, mounted at /sweep.")]
    public string? Claim { get; init; }

    [CommandOption("--subpath <PATH>")]
    [Description("kubernetes: the sweep directory's path inside the volume (default: the volume's root).")]
    public string? SubPath { get; init; }

    [CommandOption("--retries <N>")]
    [Description("kubernetes: how often a failed index is retried, alone (backoffLimitPerIndex; default 2).")]
    public int? Retries { get; init; }
}
