using System.Text.RegularExpressions;
using IronicCore.Cli.Commands.Fleet;
using Spectre.Console.Cli;

namespace IronicCore.Cli;

/// <summary>
/// The one place an error leaves <c>ironic-sim</c>: one line on stderr and an exit code, never a
/// stack trace. Refused input (an unknown option, a value of the wrong kind, a bad file) exits
/// <see cref="IronicSim.BadInput"/>; Ctrl-C <see cref="IronicSim.Interrupted"/>; an I/O error or
/// a bug once the run started <see cref="IronicSim.Failed"/>.
/// </summary>
internal static partial class CliErrors
{
    /// <summary>How far an unknown option may be from a real one (edits) to be offered in its place.</summary>
    private const int MaxSuggestionDistance = 2;

    /// <summary>Writes the line <paramref name="error"/> deserves; returns the exit code. <paramref name="commands"/> (the registered commands) is read only when an option must be named.</summary>
    public static int Report(Exception error, IReadOnlyList<string> args, TextWriter stderr, Func<RegisteredCommand> commands)
    {
        var model = new Lazy<RegisteredCommand>(commands);
        var (line, code) = Describe(error, args, () => model.Value);
        stderr.WriteLine(OneLine(line));
        return code;
    }

    private static (string Line, int Code) Describe(Exception error, IReadOnlyList<string> args, Func<RegisteredCommand> commands)
    {
        switch (error)
        {
            case AggregateException { InnerExceptions: [var first, ..] }:
                return Describe(first, args, commands);
            case OperationCanceledException:
                return ("ironic-sim: interrupted", IronicSim.Interrupted);
            case UnknownOptionException unknown:
                return (Unknown(unknown.Option, args, commands()), IronicSim.BadInput);
            case CommandAppException or InputRefusedException when commands().FirstUnknownOption(args) is { } unknown:
                // A typo first: the error it caused (a missing argument, a refused combination) only follows from it.
                return (Unknown(unknown, args, commands()), IronicSim.BadInput);
            case CommandParseException when UnknownCommand().Match(error.Message) is { Success: true } unknown:
                return (UnknownSubcommand(unknown.Groups["name"].Value, args, commands()), IronicSim.BadInput);
            case CommandRuntimeException when NotConverted().Match(error.Message) is { Success: true } bad
                && BadValue(bad.Groups["value"].Value, args, commands()) is { } line:
                return (line, IronicSim.BadInput);
            case CommandAppException or FleetInputException or InputRefusedException:
                return ($"ironic-sim: {error.Message}", IronicSim.BadInput);
            case IOException or UnauthorizedAccessException:
                return ($"ironic-sim: {error.Message}", IronicSim.Failed);
            default:
                return ($"ironic-sim: internal error, please report it: {error.GetType().Name}: {error.Message}", IronicSim.Failed);
        }
    }

    /// <summary>The option <paramref name="given"/> is not the command's: name the closest, or list them.</summary>
    private static string Unknown(string given, IReadOnlyList<string> args, RegisteredCommand root)
    {
        var (path, named) = root.Find(args);
        var command = named.Runs;
        string[] valid = [.. command.Options.SelectMany(option => option.Names), "--help", .. path.Length == 0 ? ["--version"] : Array.Empty<string>()];
        return Closest(path, $"unknown option {given}", given, [.. valid.Where(option => option.StartsWith("--", StringComparison.Ordinal))], "the options are");
    }

    /// <summary>The line for a name that is not valid where it stands: the closest valid name, or all of them.</summary>
    private static string Closest(string path, string problem, string given, string[] valid, string listing)
    {
        var who = path.Length == 0 ? "ironic-sim" : $"ironic-sim {path}";
        var closest = valid.Select(name => (Name: name, Distance: Distance(given, name))).MinBy(pair => pair.Distance);
        return closest.Name is not null && closest.Distance <= MaxSuggestionDistance
            ? $"{who}: {problem}; did you mean {closest.Name}?"
            : $"{who}: {problem}; {listing} {string.Join(", ", valid)}";
    }

    /// <summary>The word <paramref name="given"/> names no command where it stands: name the closest, or list them.</summary>
    private static string UnknownSubcommand(string given, IReadOnlyList<string> args, RegisteredCommand root)
    {
        var (path, branch) = root.Find(args);
        string[] valid = [.. branch.Commands.Select(c => c.Name).Where(name => name != RegisteredCommand.DefaultCommandName)];
        return Closest(path, $"unknown command {given}", given, valid, "the commands are");
    }

    /// <summary>A value that did not convert to its option's type: name the option and what it takes; null when no typed option has it.</summary>
    private static string? BadValue(string value, IReadOnlyList<string> args, RegisteredCommand root)
    {
        var (path, named) = root.Find(args);
        var command = named.Runs;
        for (var i = 0; i < args.Count; i++)
        {
            var parts = args[i].Split('=', 2);
            var given = parts.Length == 2 ? parts[1] : i + 1 < args.Count ? args[i + 1] : null;
            if (given == value && command.Options.FirstOrDefault(option => option.Names.Contains(parts[0])) is { Expected: { } expected })
            {
                return $"ironic-sim {path}: {parts[0]}: '{value}' is not {expected}".Replace("ironic-sim :", "ironic-sim:", StringComparison.Ordinal);
            }
        }

        return null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Spectre.Console.Cli's words for a word that names no command (a test pins them).</summary>
    [GeneratedRegex("^Unknown command '(?<name>[^']+)'")]
    private static partial Regex UnknownCommand();

    /// <summary>Spectre.Console.Cli's words for a value its option's type converter refused (a test pins them).</summary>
    [GeneratedRegex("^Failed to convert '(?<value>.*)' to ")]
    private static partial Regex NotConverted();
}
