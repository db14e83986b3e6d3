using System.Reflection;
using IronicCore.Cli;
using IronicCore.Cli.Commands.Bench;
using IronicCore.Cli.Commands.Fleet;
using IronicCore.Cli.Commands.Fsm;
using IronicCore.Cli.Commands.Journal;
using IronicCore.Cli.Commands.Scenario;
using IronicCore.Cli.Commands.Serve;
using Spectre.Console.Cli;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary><c>--help</c> of every command: exit 0, every option of the command listed (markup in a description must not break it).</summary>
[TestFixture]
public sealed class HelpTests
{
    private static readonly (string Command, Type Type)[] Commands =
    [
        ("fsm", typeof(FsmExportCommand)),
        ("fsm walk", typeof(FsmWalkCommand)),
        ("fleet", typeof(FleetCommand)),
        ("scenario", typeof(ScenarioCommand)),
        ("bench", typeof(BenchCommand)),
        ("journal", typeof(JournalCommand)),
        ("serve", typeof(ServeCommand)),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        Commands.Select(command => new TestCaseData(command.Command, command.Type).SetArgDisplayNames(command.Command));

    /// <summary>The settings class a command takes: the type argument of its Command or AsyncCommand base.</summary>
    private static Type SettingsOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
            {
                return settings;
            }
        }

        throw new InvalidOperationException($"{command.Name} takes no settings.");
    }

    [Test]
    public void EveryCommand_IsInThisList()
    {
        var commands = typeof(IronicSim).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ICommand).IsAssignableFrom(t));

        Assert.That(commands, Is.EquivalentTo(Commands.Select(c => c.Type)));
    }

    [TestCaseSource(nameof(Cases))]
    public void Help_ExitsZero_AndListsEveryOption(string command, Type type)
    {
        var options = SettingsOf(type).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => property.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(option => option.LongNames.Select(name => $"--{name}"))
            .ToList();

        var (code, stdout, stderr) = Run([.. command.Split(' '), "--help"]);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stderr, Is.Empty);
        Assert.That(options, Is.Not.Empty);
        Assert.That(options.Where(option => !stdout.Contains(option, StringComparison.Ordinal)), Is.Empty, stdout);
    }
}
