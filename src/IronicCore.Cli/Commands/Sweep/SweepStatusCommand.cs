using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using IronicCore.Sweeps;
using IronicCore.Sweeps.Engines;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Sweep;

/// <summary>
/// <c>ironic-sim sweep status DIR</c>: how many of the sweep's cells are done, failed and not run,
/// each failed cell with the first line of its error, and the tasks that still have cells to run.
/// </summary>
internal sealed class SweepStatusCommand(CliOutput output) : Command<SweepStatusCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        // Optional to Spectre, required by the command: a bad option is then named before a missing directory.
        [CommandArgument(0, "[DIR]")]
        [Description("The sweep directory.")]
        public string? Directory { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object (cells, done, failed, not_run, chunk, chunks, unfinished_chunks) instead of text.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        SweepDirectory sweep;
        try
        {
            sweep = SweepDirectory.Open(settings.Directory ?? throw new InputRefusedException("DIR is required: the sweep directory"));
        }
        catch (Exception error) when (error is InputRefusedException or SweepDirectoryException)
        {
            output.Error.WriteLine($"ironic-sim sweep status: {error.Message}");
            return IronicSim.BadInput;
        }

        var status = sweep.Status();
        var unfinished = sweep.UnfinishedChunks().ToList();
        if (settings.Json)
        {
            output.Out.WriteLine(new JsonObject
            {
                ["cells"] = status.Cells,
                ["done"] = status.Done,
                ["failed"] = new JsonArray([.. status.Failed.Select(cell => JsonValue.Create(cell))]),
                ["not_run"] = status.NotRun,
                ["chunk"] = sweep.Chunk,
                ["chunks"] = sweep.ChunkCount,
                ["unfinished_chunks"] = new JsonArray([.. unfinished.Select(task => JsonValue.Create(task))]),
            }.ToJsonString());
            return 0;
        }

        var plan = sweep.Plan;
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep {sweep.Path}: {Plural.Of(plan.CellCount, "cell")} ({Plural.Of(plan.PointCount, "point")} × {Plural.Of(plan.Replications, "replication")}) in {Plural.Of(sweep.ChunkCount, "chunk")} of {sweep.Chunk}"));
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done {status.Done}, failed {status.Failed.Length}, not run {status.NotRun}"));
        foreach (var cell in status.Failed)
        {
            output.Out.WriteLine($"failed: cell {cell}: {FirstLine(sweep.FailedFile(cell))}");
        }

        if (unfinished.Count > 0)
        {
            output.Out.WriteLine($"chunks with cells to run: {ChunkRanges.ToArraySpec(unfinished)}");
        }

        return SweepEngines.Status(sweep.Path, output);
    }

    private static string FirstLine(string file)
    {
        try
        {
            return File.ReadLines(file).FirstOrDefault() ?? string.Empty;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Removed by a worker that just succeeded, or unreadable: the status says so and goes on.
            return $"({error.Message})";
        }
    }
}
