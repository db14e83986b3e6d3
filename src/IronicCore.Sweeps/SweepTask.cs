using System.Globalization;

namespace IronicCore.Sweeps;

/// <summary>
/// Which chunk a worker runs when its command line does not say: the task number an engine gives
/// each process it starts, <c>SLURM_ARRAY_TASK_ID</c> (a Slurm job array's task) or else
/// <c>JOB_COMPLETION_INDEX</c> (a Kubernetes Indexed Job's pod).
/// </summary>
public static class SweepTask
{
    /// <summary>The variable Slurm sets in each task of a job array (<c>sbatch --array</c>).</summary>
    public const string SlurmVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The variable Kubernetes sets in each pod of an Indexed Job (<c>completionMode: Indexed</c>).</summary>
    public const string KubernetesVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The task number from the environment: <see cref="SlurmVariable"/>, or else <see cref="KubernetesVariable"/>.</summary>
    /// <param name="variable">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>); null when unset.</param>
    /// <returns>The task number; null when neither variable is set.</returns>
    /// <exception cref="FormatException">The variable is set but not a whole number from 0.</exception>
    public static int? FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var name in (ReadOnlySpan<string>)[SlurmVariable, KubernetesVariable])
        {
            if (variable(name) is { Length: > 0 } text)
            {
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var task)
                    ? task
                    : throw new FormatException($"{name}={text} is not a task number (a whole number from 0)");
            }
        }

        return null;
    }
}
