using IronicCore.Sweeps.Engines;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>The engine <c>--engine</c> chose, with its options read and checked, before anything is written.</summary>
internal sealed record SweepEngineChoice(string Name, SlurmJobOptions? Slurm, KubernetesJobOptions? Kubernetes, bool Wait)
{
    public const string Local = "local";

    public const string SlurmName = "slurm";

    public const string KubernetesName = "kubernetes";

    /// <summary>
    /// Reads the engine options of <paramref name="settings"/>; <paramref name="threads"/> is whether
    /// <c>--threads</c> (the local engine's) was given.
    /// </summary>
    /// <exception cref="InputRefusedException">An unknown engine, an option its engine does not take, or a bad value: every problem in one message.</exception>
    public static SweepEngineChoice Parse(SweepEngineSettings settings, bool threads)
    {
        var name = settings.Engine ?? Local;
        if (name is not (Local or SlurmName or KubernetesName))
        {
            throw new InputRefusedException($"--engine must be {Local}, {SlurmName} or {KubernetesName}, not '{name}'");
        }

        var errors = new List<string>();
        (string Option, bool Given, string[] Engines)[] options =
        [
            ("--threads", threads, [Local]),
            ("--partition", settings.Partition is not null, [SlurmName]),
            ("--time", settings.Time is not null, [SlurmName]),
            ("--wait", settings.Wait, [SlurmName]),
            ("--mem", settings.Memory is not null, [SlurmName, KubernetesName]),
            ("--cpus", settings.Cpus is not null, [SlurmName, KubernetesName]),
            ("--parallel", settings.Parallel is not null, [SlurmName, KubernetesName]),
            ("--job-name", settings.JobName is not null, [SlurmName, KubernetesName]),
            ("--image", settings.Image is not null, [KubernetesName]),
            ("--pvc", settings.Claim is not null, [KubernetesName]),
            ("--subpath", settings.SubPath is not null, [KubernetesName]),
            ("--retries", settings.Retries is not null, [KubernetesName]),
        ];
        foreach (var (option, given, engines) in options)
        {
            if (given && !engines.Contains(name))
            {
                errors.Add($"{option} is for --engine {string.Join(" or ", engines)}, not {name}");
            }
        }

        if (settings.Chunk is < 1)
        {
            errors.Add($"--chunk must be at least 1, not {settings.Chunk}");
        }

        MemorySize? memory = null;
        if (settings.Memory is { } size && (memory = MemorySize.TryParse(size)) is null)
        {
            errors.Add($"--mem '{size}' must be {MemorySize.Form}");
        }

        var jobName = settings.JobName ?? SlurmJobOptions.DefaultJobName;
        SlurmJobOptions? slurm = null;
        KubernetesJobOptions? kubernetes = null;
        if (name == SlurmName)
        {
            slurm = new SlurmJobOptions
            {
                JobName = jobName,
                Partition = settings.Partition,
                Time = settings.Time,
                Memory = memory,
                CpusPerTask = settings.Cpus,
                MaxRunning = settings.Parallel,
            };
            errors.AddRange(slurm.Errors());
        }
        else if (name == KubernetesName)
        {
            kubernetes = new KubernetesJobOptions
            {
                JobName = jobName,
                Image = settings.Image,
                Claim = settings.Claim,
                SubPath = settings.SubPath,
                Parallelism = settings.Parallel,
                Retries = settings.Retries ?? KubernetesJobOptions.DefaultRetries,
                Memory = memory,
                Cpus = settings.Cpus,
            };
            errors.AddRange(kubernetes.Errors());
        }

        return errors.Count > 0
            ? throw new InputRefusedException(string.Join("; ", errors))
            : new SweepEngineChoice(name, slurm, kubernetes, settings.Wait);
    }
}
