using System.Globalization;

namespace IronicCore.Sweeps.Engines;

/// <summary>One sbatch of a sweep: its job id and the chunks (array tasks) it asked for, a line of DIR/slurm/jobs.</summary>
/// <param name="JobId">The job id sbatch gave the array.</param>
/// <param name="Array">The chunks it asked for, as <c>sbatch --array</c> took them (<c>0-3,7</c>).</param>
public sealed record SlurmSubmission(long JobId, string Array)
{
    /// <summary>The line in DIR/slurm/jobs.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{JobId} {Array}");

    /// <summary>Reads DIR/slurm/jobs: every submission, oldest first; none when the file is missing.</summary>
    public static IReadOnlyList<SlurmSubmission> ReadAll(string sweepDirectory)
    {
        var path = SlurmPaths.Jobs(sweepDirectory);
        if (!File.Exists(path))
        {
            return [];
        }

        var submissions = new List<SlurmSubmission>();
        foreach (var line in File.ReadLines(path))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !long.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var job))
            {
                throw new SweepEngineException($"{path}: '{line}' is not a line 'JOBID ARRAY' as sweep --engine slurm writes them.");
            }

            submissions.Add(new SlurmSubmission(job, words[1]));
        }

        return submissions;
    }
}
