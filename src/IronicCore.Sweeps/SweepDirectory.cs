using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Sweeps;

/// <summary>
/// A sweep's directory (docs/sweeps.md, "The sweep directory"): <c>sweep.json</c> (the normalized plan,
/// the cell count and the chunk size) and <c>cells/NNNNNN.json</c>, one result per cell done, each
/// written to a temporary name and renamed, so a cell's file is whole or absent; a cell that threw
/// leaves <c>cells/NNNNNN.failed</c> (its error) until it succeeds. Any number of processes on any
/// number of hosts may fill one directory on a shared file system: a cell's result is the same bytes
/// wherever it runs.
/// </summary>
public sealed partial class SweepDirectory
{
    /// <summary>The file holding the normalized plan.</summary>
    public const string PlanFileName = "sweep.json";

    /// <summary>The folder of the cells' results.</summary>
    public const string CellsFolderName = "cells";

    /// <summary>Cells per chunk when none is given: a chunk is one task of an engine (a Slurm array task, a Kubernetes index).</summary>
    public const int DefaultChunk = 1;

    private SweepDirectory(string path, SweepPlan plan, int chunk)
    {
        Path = path;
        Plan = plan;
        Chunk = chunk;
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>The plan.</summary>
    public SweepPlan Plan { get; }

    /// <summary>Cells per chunk.</summary>
    public int Chunk { get; }

    /// <summary>How many chunks: <c>ceil(cells / chunk)</c>; tasks are numbered 0 to this − 1.</summary>
    public int ChunkCount => (int)(((long)Plan.CellCount + Chunk - 1) / Chunk);

    /// <summary>
    /// Makes <paramref name="path"/> the directory of <paramref name="plan"/>'s sweep, writing its
    /// <c>sweep.json</c>; when it is one already, opens it to resume, after checking it holds the same plan.
    /// </summary>
    /// <param name="path">The directory; created when missing.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="chunk">Cells per chunk; null for <see cref="DefaultChunk"/>, or the existing directory's.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="SweepDirectoryException">The directory holds another plan's sweep, or another chunk size.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunk"/> is below one.</exception>
    public static SweepDirectory Create(string path, SweepPlan plan, int? chunk = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(plan);
        if (chunk is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(chunk));
        }

        if (File.Exists(System.IO.Path.Combine(path, PlanFileName)))
        {
            var existing = Open(path);
            if (!JsonNode.DeepEquals(existing.Plan.ToJson(), plan.ToJson()))
            {
                throw new SweepDirectoryException(path, $"holds the sweep of another plan (its {PlanFileName} differs); give another --out, or remove the directory to start over");
            }

            if (chunk is { } asked && asked != existing.Chunk)
            {
                throw new SweepDirectoryException(path, $"holds a sweep in chunks of {existing.Chunk} cells, not {asked}; resume with --chunk {existing.Chunk}");
            }

            return existing;
        }

        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new SweepDirectoryException(path, $"is not empty and has no {PlanFileName}; a sweep needs a directory of its own");
        }

        var directory = new SweepDirectory(path, plan, chunk ?? DefaultChunk);
        Directory.CreateDirectory(System.IO.Path.Combine(path, CellsFolderName));
        WriteAtomically(System.IO.Path.Combine(path, PlanFileName), stream => stream.Write(directory.PlanFileBytes()));
        return directory;
    }

    /// <summary>Opens the sweep directory at <paramref name="path"/> (its <c>sweep.json</c>).</summary>
    /// <param name="path">The directory.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="SweepDirectoryException">It has no readable <c>sweep.json</c>, or that is not a sweep's.</exception>
    public static SweepDirectory Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = System.IO.Path.Combine(path, PlanFileName);
        try
        {
            var root = JsonNode.Parse(File.ReadAllBytes(file)) as JsonObject ?? throw new FormatException("not a JSON object");
            var plan = SweepPlan.Parse((root["plan"] ?? throw new FormatException("no plan")).ToJsonString(), null);
            var chunk = root["chunk"]?.GetValue<int>() ?? throw new FormatException("no chunk");
            if (chunk < 1 || root["cells"]?.GetValue<int>() != plan.CellCount)
            {
                throw new FormatException("its chunk or cell count does not fit its plan");
            }

            return new SweepDirectory(path, plan, chunk);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SweepDirectoryException(path, $"is not a sweep directory (no {PlanFileName}; make one with: ironic-sim sweep PLAN --out {path})");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            throw new SweepDirectoryException(path, $"{PlanFileName} cannot be read: {error.Message}");
        }
    }

    /// <summary>The result file of cell <paramref name="cell"/>: <c>cells/NNNNNN.json</c>.</summary>
    /// <param name="cell">The cell's index.</param>
    /// <returns>Its path.</returns>
    public string CellFile(int cell) => System.IO.Path.Combine(Path, CellsFolderName, Name(cell) + ".json");

    /// <summary>The file telling why cell <paramref name="cell"/> failed: <c>cells/NNNNNN.failed</c>.</summary>
    /// <param name="cell">The cell's index.</param>
    /// <returns>Its path.</returns>
    public string FailedFile(int cell) => System.IO.Path.Combine(Path, CellsFolderName, Name(cell) + ".failed");

    /// <summary>Whether cell <paramref name="cell"/> has its result.</summary>
    /// <param name="cell">The cell's index.</param>
    /// <returns>True when its result file exists.</returns>
    public bool IsDone(int cell) => File.Exists(CellFile(cell));

    /// <summary>The cells of task <paramref name="task"/>: <c>task·chunk</c> up to <c>task·chunk + chunk − 1</c>, within the plan's cells.</summary>
    /// <param name="task">The task (chunk) number, from 0 to <see cref="ChunkCount"/> − 1.</param>
    /// <returns>The cells' indexes, in order.</returns>
    /// <exception cref="SweepDirectoryException">No chunk has that number.</exception>
    public IEnumerable<int> ChunkCells(int task)
    {
        if (task < 0 || task >= ChunkCount)
        {
            throw new SweepDirectoryException(Path, string.Create(CultureInfo.InvariantCulture,
                $"task {task} names no chunk: the sweep has {ChunkCount} chunk{(ChunkCount == 1 ? string.Empty : "s")} of {Chunk} cell{(Chunk == 1 ? string.Empty : "s")}, numbered 0 to {ChunkCount - 1}"));
        }

        var first = (long)task * Chunk;
        return Enumerable.Range((int)first, (int)Math.Min(Chunk, Plan.CellCount - first));
    }

    /// <summary>The tasks (chunks) with a cell not done: what an engine resubmits so only the missing cells run again.</summary>
    /// <returns>The task numbers, in order.</returns>
    public IEnumerable<int> UnfinishedChunks() =>
        Enumerable.Range(0, ChunkCount).Where(task => ChunkCells(task).Any(cell => !IsDone(cell)));

    /// <summary>Where the sweep stands, from the files in <c>cells/</c>.</summary>
    /// <returns>The cells done and failed.</returns>
    public SweepStatus Status()
    {
        var done = 0;
        var failed = ImmutableArray.CreateBuilder<int>();
        for (var cell = 0; cell < Plan.CellCount; cell++)
        {
            if (IsDone(cell))
            {
                done++;
            }
            else if (File.Exists(FailedFile(cell)))
            {
                failed.Add(cell);
            }
        }

        return new SweepStatus(Plan.CellCount, done, failed.ToImmutable());
    }

    /// <summary>Reads cell <paramref name="cell"/>'s result.</summary>
    /// <param name="cell">A cell that is done.</param>
    /// <returns>Its result.</returns>
    /// <exception cref="FormatException">The file is not a result of this plan.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public SweepCellResult ReadCell(int cell) => SweepCellResult.Parse(Plan, File.ReadAllBytes(CellFile(cell)));

    /// <summary><c>sweep.json</c>'s bytes: the normalized plan, the cell count, the chunk size and the chunk count.</summary>
    private byte[] PlanFileBytes()
    {
        var root = new JsonObject
        {
            ["plan"] = Plan.ToJson(),
            ["cells"] = Plan.CellCount,
            ["chunk"] = Chunk,
            ["chunks"] = ChunkCount,
        };
        return Encoding.UTF8.GetBytes(root.ToJsonString(SweepJson.Indented) + "\n");
    }

    private static string Name(int cell) => cell.ToString("D6", CultureInfo.InvariantCulture);
}
