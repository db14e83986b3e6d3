using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace IronicCore.Cli;

/// <summary>
/// A command as Spectre.Console.Cli registered it, read from its OpenCLI description
/// (<c>--help-dump-opencli</c>): its name, options and subcommands. A branch's default command
/// (<c>fsm</c> without <c>walk</c>) is the subcommand named <see cref="DefaultCommandName"/>.
/// </summary>
internal sealed record RegisteredCommand(string Name, ImmutableArray<RegisteredOption> Options, ImmutableArray<RegisteredCommand> Commands)
{
    public const string DefaultCommandName = "__default_command";

    /// <summary>The root (the application, named "") from the OpenCLI document.</summary>
    public static RegisteredCommand Parse(string openCli) =>
        FromJson(JsonNode.Parse(openCli)?["command"]?.AsObject() ?? throw new FormatException("not an OpenCLI document"));

    /// <summary>What runs when this command is named: itself, or a branch's default command.</summary>
    public RegisteredCommand Runs => Commands.FirstOrDefault(c => c.Name == DefaultCommandName) ?? this;

    /// <summary>
    /// The command <paramref name="args"/> name, by their first words (the subcommands), and those words
    /// joined ("" for the application itself).
    /// </summary>
    public (string Path, RegisteredCommand Command) Find(IReadOnlyList<string> args)
    {
        var command = this;
        var words = new List<string>();
        foreach (var arg in args)
        {
            if (command.Commands.FirstOrDefault(c => c.Name == arg && c.Name != DefaultCommandName) is not { } next)
            {
                break;
            }

            command = next;
            words.Add(arg);
        }

        return (string.Join(' ', words), command);
    }

    /// <summary>
    /// The first option in <paramref name="args"/> that the command they run does not have, as given;
    /// null when there is none. Read the way Spectre reads them: an option that takes a value takes the
    /// next word (or its <c>=value</c>), nothing after <c>--</c> is an option.
    /// </summary>
    public string? FirstUnknownOption(IReadOnlyList<string> args)
    {
        var (path, named) = Find(args);
        var command = named.Runs;
        for (var i = path.Length == 0 ? 0 : path.Split(' ').Length; i < args.Count && args[i] != "--"; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (name.Length < 2 || name[0] != '-' || char.IsAsciiDigit(name[1]) || name is "-h" or "--help" || (path.Length == 0 && name is "-v" or "--version"))
            {
                continue;
            }

            if (command.Options.FirstOrDefault(option => option.Names.Contains(name)) is not { } known)
            {
                return name;
            }

            i += known.ValueName is not null && name == args[i] ? 1 : 0;
        }

        return null;
    }

    /// <summary>Every command a user can name, with its words: the subcommands, depth first, and each branch (which runs its default command).</summary>
    public IEnumerable<string> Paths(string prefix = "")
    {
        foreach (var command in Commands.Where(c => c.Name != DefaultCommandName))
        {
            var path = prefix.Length == 0 ? command.Name : $"{prefix} {command.Name}";
            yield return path;
            foreach (var below in command.Paths(path))
            {
                yield return below;
            }
        }
    }

    private static RegisteredCommand FromJson(JsonObject command) => new(
        command["name"]?.GetValue<string>() ?? string.Empty,
        [.. Array(command, "options").Select(option => new RegisteredOption(
            option["name"]!.GetValue<string>(),
            [.. Array(option, "aliases").Select(alias => alias.GetValue<string>())],
            Array(option, "arguments").FirstOrDefault()?["name"]?.GetValue<string>(),
            Array(Array(option, "arguments").FirstOrDefault(), "metadata")
                .FirstOrDefault(meta => meta["name"]?.GetValue<string>() == "ClrType")?["value"]?.GetValue<string>()))],
        [.. Array(command, "commands").Select(child => FromJson(child.AsObject()))]);

    private static IEnumerable<JsonNode> Array(JsonNode? node, string name) =>
        node is JsonObject entry && entry[name] is JsonArray array ? array.OfType<JsonNode>() : [];
}
