using System.Text.Json.Nodes;
using IronicCore.Cli;
using Spectre.Console;
using Spectre.Console.Cli;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>--help</c> of every command Spectre registered (read from its model, so a new command is
/// covered without touching this file): exit 0, every option listed whole on one line.
/// </summary>
[TestFixture]
public sealed class HelpTests
{
    /// <summary>Spectre's OpenCLI description of the registered commands, with each option's description.</summary>
    private static readonly JsonObject Model = JsonNode.Parse(Run("--help-dump-opencli").Stdout)!["command"]!.AsObject();

    private static IEnumerable<TestCaseData> Commands() =>
        IronicSim.Commands().Paths().Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    /// <summary>The options of the command <paramref name="path"/> runs (a branch: its default command's), with their descriptions.</summary>
    private static Dictionary<string, string> OptionsOf(string path)
    {
        var command = Model;
        foreach (var word in path.Split(' '))
        {
            command = command["commands"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == word)!.AsObject();
        }

        if (command["commands"]?.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == RegisteredCommand.DefaultCommandName) is { } runs)
        {
            command = runs.AsObject();
        }

        return command["options"]?.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!["description"]!.GetValue<string>()) ?? [];
    }

    [Test]
    public void EveryCommandClass_IsRegistered()
    {
        var classes = typeof(IronicSim).Assembly.GetTypes().Count(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t));
        var registered = IronicSim.Commands().Paths().Count(path => OptionsOf(path).Count > 0);

        Assert.That(registered, Is.EqualTo(classes));
    }

    [TestCaseSource(nameof(Commands))]
    public void Help_OfEveryRegisteredCommand_ExitsZero_AndListsEveryOption(string command)
    {
        var options = OptionsOf(command);

        var (code, stdout, stderr) = Run([.. command.Split(' '), "--help"]);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stderr, Is.Empty);
        Assert.That(options, Is.Not.Empty);
        Assert.That(options.Keys.Where(option => !stdout.Contains(option, StringComparison.Ordinal)), Is.Empty, stdout);
    }

    [TestCaseSource(nameof(Commands))]
    public void Help_NotOnATerminal_KeepsEachDescriptionOnOneLine_WithoutTrailingSpaces(string command)
    {
        var lines = Lines(Run([.. command.Split(' '), "--help"]).Stdout);

        Assert.Multiple(() =>
        {
            foreach (var (option, description) in OptionsOf(command))
            {
                // Spectre drops a description's last full stop.
                Assert.That(lines.Any(line => line.Contains(option, StringComparison.Ordinal) && line.EndsWith(Markup.Remove(description).TrimEnd('.'), StringComparison.Ordinal)), option);
            }

            Assert.That(lines.Where(line => line.EndsWith(' ')), Is.Empty);
        });
    }

    [Test]
    public void FsmHelp_ListsTheOptionsOfTheMachineItPrints()
    {
        var (_, stdout, _) = Run("fsm", "--help");

        Assert.That(stdout, Does.Contain("--format <FORMAT>").And.Contain("--release <RELEASE>").And.Contain("walk"));
    }

    [Test]
    public void Version_PrintsTheToolsVersion()
    {
        var (code, stdout, stderr) = Run("--version");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout.Trim(), Is.EqualTo(IronicSim.Version).And.Not.Empty);
        });
    }
}
