using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// The sweep as a Kubernetes Indexed Job, DIR/kubernetes/job.yaml: one completion index per chunk
/// (the worker reads its chunk from <c>JOB_COMPLETION_INDEX</c>, which Kubernetes sets in every pod of
/// an Indexed Job), the sweep directory on a PersistentVolumeClaim mounted at
/// <see cref="KubernetesJobOptions.MountPath"/>, <c>restartPolicy: Never</c> and
/// <c>backoffLimitPerIndex</c> so a failed index is retried alone (Kubernetes 1.29 or later).
/// Applying it is the user's step: <c>kubectl apply -f DIR/kubernetes/job.yaml</c>.
/// </summary>
public static class KubernetesManifest
{
    /// <summary>DIR/kubernetes/job.yaml.</summary>
    public static string PathIn(string sweepDirectory) => Path.Combine(sweepDirectory, "kubernetes", "job.yaml");

    /// <summary>Writes the manifest to DIR/kubernetes/job.yaml (atomically: a temporary file renamed).</summary>
    /// <param name="sweepDirectory">The sweep directory.</param>
    /// <param name="chunks">How many chunks the sweep has: the Job's completions.</param>
    /// <param name="options">The image, the volume, the resources.</param>
    /// <returns>The manifest's path.</returns>
    /// <exception cref="SweepEngineException">The options are bad (every problem in the message).</exception>
    public static string WriteTo(string sweepDirectory, int chunks, KubernetesJobOptions options)
    {
        var manifest = Write(chunks, options);
        var path = PathIn(sweepDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".tmp", manifest, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(path + ".tmp", path, overwrite: true);
        return path;
    }

    /// <summary>The manifest for a sweep of <paramref name="chunks"/> chunks.</summary>
    /// <param name="chunks">How many chunks, at least one: the Job's completions.</param>
    /// <param name="options">The image, the volume, the resources.</param>
    /// <returns>The manifest, YAML.</returns>
    /// <exception cref="SweepEngineException">The options are bad (every problem in the message).</exception>
    public static string Write(int chunks, KubernetesJobOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        if (options.Errors() is { Count: > 0 } errors)
        {
            throw new SweepEngineException(string.Join("; ", errors));
        }

        var yaml = new StringBuilder();
        void Line(int indent, string text) => yaml.Append(' ', indent).Append(text).Append('\n');
        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        Line(0, "# Written by ironic-sim sweep --engine kubernetes: one index per chunk of cells. Apply it with");
        Line(0, "# kubectl apply -f; a pod runs ironic-sim sweep worker on the sweep directory, which must be on the");
        Line(0, "# volume below, and skips the cells already done there.");
        Line(0, "apiVersion: batch/v1");
        Line(0, "kind: Job");
        Line(0, "metadata:");
        Line(2, "name: " + Quote(options.JobName));
        Line(2, "labels:");
        Line(4, "app.kubernetes.io/name: ironic-sim");
        Line(4, "app.kubernetes.io/component: sweep-worker");
        Line(0, "spec:");
        Line(2, "completionMode: Indexed");
        Line(2, "completions: " + Number(chunks));
        Line(2, "parallelism: " + Number(Math.Min(options.Parallelism ?? chunks, chunks)));
        Line(2, "backoffLimitPerIndex: " + Number(options.Retries));

        // Exit 2 is the worker refusing its input (no sweep directory on the volume, another
        // tool's directory): a retry would only fail again. A pod evicted by a node drain or a
        // preemption is no failure of its index: it is rerun without using a retry.
        Line(2, "podFailurePolicy:");
        Line(4, "rules:");
        Line(6, "- action: FailIndex");
        Line(8, "onExitCodes:");
        Line(10, "containerName: worker");
        Line(10, "operator: In");
        Line(10, "values: [2]");
        Line(6, "- action: Ignore");
        Line(8, "onPodConditions:");
        Line(10, "- type: DisruptionTarget");
        Line(2, "template:");
        Line(4, "metadata:");
        Line(6, "labels:");
        Line(8, "app.kubernetes.io/name: ironic-sim");
        Line(8, "app.kubernetes.io/component: sweep-worker");
        Line(4, "spec:");
        Line(6, "restartPolicy: Never");
        Line(6, "containers:");
        Line(8, "- name: worker");
        Line(10, "image: " + Quote(options.Image!));
        // The worker runs its chunk's cells on as many threads as the pod asks cores.
        var threads = options.Cpus is { } cores ? ", \"--threads\", " + Quote(Number(cores)) : "";
        Line(10, "args: [\"sweep\", \"worker\", " + Quote(KubernetesJobOptions.MountPath) + threads + "]");
        if (options.Cpus is not null || options.Memory is not null)
        {
            Line(10, "resources:");
            Line(12, "requests:");
            if (options.Cpus is { } cpus)
            {
                Line(14, "cpu: " + Quote(Number(cpus)));
            }

            if (options.Memory is { } memory)
            {
                Line(14, "memory: " + Quote(memory.ToKubernetes()));
                Line(12, "limits:");
                Line(14, "memory: " + Quote(memory.ToKubernetes()));
            }
        }

        Line(10, "volumeMounts:");
        Line(12, "- name: sweep");
        Line(14, "mountPath: " + Quote(KubernetesJobOptions.MountPath));
        if (options.SubPath is { } subPath)
        {
            Line(14, "subPath: " + Quote(subPath));
        }

        Line(6, "volumes:");
        Line(8, "- name: sweep");
        Line(10, "persistentVolumeClaim:");
        Line(12, "claimName: " + Quote(options.Claim!));
        return yaml.ToString();
    }

    /// <summary>A YAML double-quoted scalar: JSON's string syntax is YAML's.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
