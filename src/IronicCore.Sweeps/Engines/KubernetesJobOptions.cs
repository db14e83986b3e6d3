using System.Text.RegularExpressions;

namespace IronicCore.Sweeps.Engines;

/// <summary>What the sweep's Indexed Job asks of Kubernetes: the image, the volume holding the sweep directory, resources.</summary>
public sealed partial record KubernetesJobOptions
{
    /// <summary>Where the worker container mounts the volume, and so the sweep directory the worker reads.</summary>
    public const string MountPath = "/sweep";

    /// <summary>How often a failed index is retried when not said: a lost node should not fail a sweep.</summary>
    public const int DefaultRetries = 2;

    /// <summary>The Job's name (<c>metadata.name</c>): a DNS label, as Indexed Jobs name their pods NAME-INDEX-....</summary>
    public string JobName { get; init; } = SlurmJobOptions.DefaultJobName;

    /// <summary>The tool's image (deploy/Dockerfile), whose entry point is <c>ironic-sim</c>.</summary>
    public string? Image { get; init; }

    /// <summary>The PersistentVolumeClaim that holds the sweep directory, shared by every pod (ReadWriteMany).</summary>
    public string? Claim { get; init; }

    /// <summary>The sweep directory inside the volume (<c>subPath</c>); null when it is the volume's root.</summary>
    public string? SubPath { get; init; }

    /// <summary><c>parallelism</c>: how many pods run at once; null runs every index at once.</summary>
    public int? Parallelism { get; init; }

    /// <summary><c>backoffLimitPerIndex</c>: how often one failed index is retried, alone.</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>Each pod's memory request and limit.</summary>
    public MemorySize? Memory { get; init; }

    /// <summary>Each pod's CPU request.</summary>
    public int? Cpus { get; init; }

    /// <summary>Every problem with these options, one line each; empty when Kubernetes will take them.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (JobName.Length > 63 || !DnsLabel().IsMatch(JobName))
        {
            errors.Add($"job name '{JobName}' must be a DNS label for Kubernetes: at most 63 lower-case letters, digits or '-', starting and ending with a letter or digit");
        }

        if (string.IsNullOrEmpty(Image))
        {
            errors.Add("the kubernetes engine needs --image: the tool's image (deploy/Dockerfile) as the cluster pulls it");
        }
        else if (Image.Any(char.IsWhiteSpace))
        {
            errors.Add($"image '{Image}' must not contain white space");
        }

        if (string.IsNullOrEmpty(Claim))
        {
            errors.Add("the kubernetes engine needs --pvc: the PersistentVolumeClaim that holds the sweep directory");
        }
        else if (Claim.Length > 253 || !DnsSubdomain().IsMatch(Claim))
        {
            errors.Add($"PersistentVolumeClaim name '{Claim}' must be a DNS subdomain: lower-case letters, digits, '-' and '.'");
        }

        if (SubPath is { } subPath && (subPath.Length == 0 || subPath.StartsWith('/') || subPath.Split('/').Contains("..") || subPath.Any(char.IsControl)))
        {
            errors.Add($"the sweep directory's path in the volume '{subPath}' must be relative, without '..'");
        }

        if (Parallelism is < 1)
        {
            errors.Add($"parallelism must be at least 1, not {Parallelism}");
        }

        if (Retries is < 0 or > 100)
        {
            errors.Add($"retries per index must be 0 to 100, not {Retries}");
        }

        if (Cpus is < 1 or > SlurmJobOptions.MaxCpus)
        {
            errors.Add($"cpus must be from 1 to {SlurmJobOptions.MaxCpus}, not {Cpus}");
        }

        if (Memory is { Amount: 0 })
        {
            errors.Add("memory 0 means a whole node's to Slurm; Kubernetes needs a size");
        }

        return errors;
    }

    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"\A[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}
