using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using IronicCore.Scenarios;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Persistence;
using IronicCore.States;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Journal;

/// <summary>
/// <c>ironic-sim journal FILE</c>: prints a transition journal as JSON lines, or a summary
/// (transitions per state, per node, per hour of virtual time), optionally for one node and a
/// time window. A torn last record is reported on stderr and left out.
/// </summary>
internal sealed class JournalCommand(CliOutput output, IAnsiConsole console) : Command<JournalCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The journal file, as written by a fleet run's --journal.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--summary")]
        [Description("Print counts per state reached, per node and per hour of virtual time instead of every record.")]
        public bool Summary { get; init; }

        [CommandOption("--node <UUID>")]
        [Description("Only this node's transitions.")]
        public string? Node { get; init; }

        [CommandOption("--since <TIME>")]
        [Description("Only transitions at or after this virtual time (ISO 8601, UTC), e.g. 2026-01-03T00:00:00Z.")]
        public string? Since { get; init; }

        [CommandOption("--until <TIME>")]
        [Description("Only transitions before this virtual time (ISO 8601, UTC).")]
        public string? Until { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!TryParseTime(settings.Since, "--since", out var since) || !TryParseTime(settings.Until, "--until", out var until))
        {
            return IronicSim.BadInput;
        }

        JournalContents journal;
        try
        {
            journal = TransitionJournal.ReadAll(settings.File);
        }
        catch (Exception error) when (error is PersistenceFormatException or IOException or UnauthorizedAccessException)
        {
            output.Error.WriteLine($"ironic-sim: {error.Message}");
            return IronicSim.BadInput;
        }

        if (journal.DroppedTail is { } dropped)
        {
            output.Error.WriteLine($"ironic-sim: warning: {dropped}");
        }

        var records = journal.Records.Where(r =>
            (settings.Node is null || r.NodeUuid == settings.Node)
            && (since is null || r.At >= since)
            && (until is null || r.At < until));
        if (settings.Summary)
        {
            PrintSummary([.. records]);
            return 0;
        }

        var printed = 0;
        foreach (var record in records)
        {
            printed++;
            output.Out.WriteLine(JsonLine.Format(new JsonObject
            {
                ["node"] = record.NodeUuid,
                ["from"] = record.From.ToIronicName(),
                ["event"] = record.Event.ToIronicName(),
                ["to"] = record.To.ToIronicName(),
                ["at"] = record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                ["cause"] = record.Cause.ToIronicName(),
            }));
        }

        if (printed == 0)
        {
            // Said on stderr, so that stdout stays JSON lines.
            output.Error.WriteLine(journal.Records.Length == 0
                ? $"ironic-sim journal: {settings.File} holds no transitions"
                : $"ironic-sim journal: none of the {Plural.Of(journal.Records.Length, "transition")} in {settings.File} matches {Filters(settings)}");
        }

        return 0;
    }

    /// <summary>The filters given, as they were typed.</summary>
    private static string Filters(Settings settings) => string.Join(' ', new[]
    {
        settings.Node is null ? null : $"--node {settings.Node}",
        settings.Since is null ? null : $"--since {settings.Since}",
        settings.Until is null ? null : $"--until {settings.Until}",
    }.OfType<string>());

    private bool TryParseTime(string? text, string option, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        output.Error.WriteLine($"ironic-sim: {option} wants an ISO 8601 time such as 2026-01-03T00:00:00Z, not \"{text}\".");
        return false;
    }

    private void PrintSummary(IReadOnlyList<TransitionRecord> records)
    {
        console.WriteLine($"{Plural.Of(records.Count, "transition")} of {Plural.Of(records.Select(r => r.NodeUuid).Distinct().Count(), "node")}");
        console.Write(CountTable("state reached", records.GroupBy(r => r.To.ToIronicName())));
        console.Write(CountTable("node", records.GroupBy(r => r.NodeUuid)));
        console.Write(CountTable(
            "hour (virtual, UTC)",
            records.GroupBy(r => new DateTimeOffset(r.At.UtcTicks - (r.At.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero)
                .ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture)),
            byKey: true));
    }

    private static Table CountTable(string what, IEnumerable<IGrouping<string, TransitionRecord>> groups, bool byKey = false)
    {
        var table = new Table().AddColumn(what).AddColumn(new TableColumn("transitions").RightAligned());
        var rows = byKey
            ? groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            : groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in rows)
        {
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }
}
