using IronicCore.Cli;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary>
/// A typo never runs a different experiment: an option a command does not have, a value of the
/// wrong kind or a missing value is refused with exit 2 and one line naming the option, before
/// anything runs.
/// </summary>
[TestFixture]
public sealed class StrictCommandLineTests
{
    private static IEnumerable<TestCaseData> EveryCommand() =>
        IronicSim.Commands().Paths().Select(path => new TestCaseData(path).SetArgDisplayNames(path));

    /// <summary>Every option of every registered command whose value converts to a number, with what it takes.</summary>
    private static IEnumerable<TestCaseData> EveryTypedOption()
    {
        var root = IronicSim.Commands();
        return root.Paths()
            .SelectMany(path => root.Find(path.Split(' ')).Command.Runs.Options.Where(o => o.Expected is not null).Select(o => (Path: path, Option: o)))
            .Select(c => new TestCaseData(c.Path, c.Option.Name, c.Option.Expected).SetArgDisplayNames($"{c.Path} {c.Option.Name}"));
    }

    [TestCase("--node 50 --days 1", "fleet: unknown option --node; did you mean --nodes?")]
    [TestCase("fsm --frmat json", "fsm: unknown option --frmat; did you mean --format?")]
    [TestCase("bench --node 10", "bench: unknown option --node; did you mean --nodes?")]
    [TestCase("fsm walk --frm manageable provide", "fsm walk: unknown option --frm; did you mean --from?")]
    [TestCase("serve --prot 6385", "serve: unknown option --prot; did you mean --port?")]
    [TestCase("scenario --generat 1", "scenario: unknown option --generat; did you mean --generate?")]
    [TestCase("journal run.journal --sumary", "journal: unknown option --sumary; did you mean --summary?")]
    [TestCase("--verison", ": unknown option --verison; did you mean --version?")]
    public void UnknownOption_ExitsTwo_NamingItAndTheClosest(string line, string message)
    {
        var args = line.StartsWith("--node ", StringComparison.Ordinal) ? ["fleet", .. line.Split(' ')] : line.Split(' ');

        var (code, stdout, stderr) = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo($"ironic-sim{(message.StartsWith(':') ? string.Empty : " ")}{message}\n"));
        });
    }

    [TestCaseSource(nameof(EveryCommand))]
    public void UnknownOption_IsRefused_ByEveryCommand(string command)
    {
        var (code, stdout, stderr) = Run([.. command.Split(' '), "--no-such-option"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.StartWith($"ironic-sim {command}: unknown option --no-such-option; the options are --"));
            Assert.That(Lines(stderr), Has.Length.EqualTo(1));
        });
    }

    [TestCaseSource(nameof(EveryTypedOption))]
    public void BadValue_NamesTheOptionAndWhatItTakes(string command, string option, string expected)
    {
        var (code, stdout, stderr) = Run([.. command.Split(' '), option, "abc"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo($"ironic-sim {command}: {option}: 'abc' is not {expected}\n"));
        });
    }

    [TestCase("--days=abc", "ironic-sim fleet: --days: 'abc' is not a whole number")]
    [TestCase("--seed -1", "ironic-sim fleet: --seed: '-1' is not a whole number from 0 to 18446744073709551615")]
    [TestCase("--nodes 99999999999", "ironic-sim fleet: --nodes: '99999999999' is not a whole number")]
    public void BadValue_InEitherSpelling_NamesTheOption(string options, string message)
    {
        var (code, _, stderr) = Run(["fleet", .. options.Split(' ')]);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr, Is.EqualTo(message + "\n"));
    }

    [Test]
    public void MissingValue_AtTheEnd_NamesTheOption()
    {
        var (code, _, stderr) = Run("journal", "run.journal", "--since");

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr, Does.Contain("'since'").And.Contain("no value"));
    }

    [Test]
    public void ArgumentsAfterDoubleDash_AreRefused()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "manage", "--", "provide");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo("ironic-sim: unexpected arguments after --: provide\n"));
        });
    }

    [TestCase("flet", "ironic-sim: unknown command flet; did you mean fleet?")]
    [TestCase("fsm wlk", "ironic-sim fsm: unknown command wlk; did you mean walk?")]
    [TestCase("teleport", "ironic-sim: unknown command teleport; the commands are bench, fleet, fsm, journal, scenario, serve, sweep")]
    public void UnknownCommand_ExitsTwo_NamingTheClosest(string line, string message)
    {
        var (code, stdout, stderr) = Run(line.Split(' '));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo(message + "\n"));
        });
    }

    [TestCase("fleet --policy-assembly /no/such/policies.dll", "/no/such/policies.dll")]
    [TestCase("fleet --scenario /no/such/fleet.json", "/no/such/fleet.json")]
    [TestCase("fleet --resume /no/such/run.snapshot", "/no/such/run.snapshot")]
    [TestCase("journal /no/such/run.journal", "/no/such/run.journal")]
    [TestCase("scenario /no/such/scenario.json", "/no/such/scenario.json")]
    [TestCase("serve --resume /no/such/conductor.snapshot --port 0", "/no/such/conductor.snapshot")]
    [TestCase("bench --threads 0", "--threads")]
    public void RefusedInput_IsExactlyOneLine_NamingWhatWasGiven(string line, string named)
    {
        var (code, stdout, stderr) = Run(line.Split(' '));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr.Count(c => c == '\n'), Is.EqualTo(1), stderr);
            Assert.That(stderr, Does.Contain(named));
        });
    }
}
