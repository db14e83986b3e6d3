using System.Globalization;
using System.Text;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// Chunk indexes written the way <c>sbatch --array</c> takes them: ascending, runs of consecutive
/// indexes as <c>first-last</c>, joined by commas (<c>0-3,7,9-12</c>), with Slurm's <c>%N</c>
/// throttle when only N tasks may run at once.
/// </summary>
public static class ChunkRanges
{
    /// <summary>The array specification for <paramref name="chunks"/> (distinct, any order, at least one).</summary>
    /// <param name="chunks">The chunk (task) indexes.</param>
    /// <param name="maxRunning">Slurm's throttle: at most this many tasks at once; null for none.</param>
    /// <returns>The specification, e.g. <c>0-3,7%2</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="chunks"/> is empty.</exception>
    public static string ToArraySpec(IReadOnlyCollection<int> chunks, int? maxRunning = null)
    {
        if (chunks.Count == 0)
        {
            throw new ArgumentException("A job array needs at least one chunk.", nameof(chunks));
        }

        var sorted = chunks.Order().ToArray();
        var text = new StringBuilder();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1] + 1)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(CultureInfo.InvariantCulture, $"{sorted[start]}");
            if (i - 1 > start)
            {
                text.Append(CultureInfo.InvariantCulture, $"-{sorted[i - 1]}");
            }

            start = i;
        }

        if (maxRunning is { } limit)
        {
            text.Append(CultureInfo.InvariantCulture, $"%{limit}");
        }

        return text.ToString();
    }
}
