using IronicCore.Cli;
using IronicCore.States;
using IronicCore.States.Export;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

[TestFixture]
public sealed class FsmCommandTests
{
    [Test]
    public void Walk_PrintsOneJsonLinePerEvent_ARefusalKeepsTheStateAndTheWalkGoesOn()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "--from", "clean wait", "deploy", "abort", "manage");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stderr, Is.Empty);
            Assert.That(Lines(stdout), Is.EqualTo(new[]
            {
                """{"event": "deploy", "ok": false, "state": "clean wait", "error": "InvalidStateRequested"}""",
                """{"event": "abort", "ok": true, "state": "clean failed", "error": null}""",
                """{"event": "manage", "ok": true, "state": "manageable", "error": null}""",
            }));
        });
    }

    [Test]
    public void Walk_StartsFromEnrollByDefault()
    {
        var (code, stdout, _) = Run("fsm", "walk", "manage", "done");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(Lines(stdout)[^1], Does.Contain("\"state\": \"manageable\""));
        });
    }

    [Test]
    public void Walk_UnknownState_ExitsTwoBeforeAnythingRuns()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "--from", "clean-wait", "abort");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("\"clean-wait\" is not a valid provision state").And.Contain("\"clean wait\""));
        });
    }

    [Test]
    public void Walk_UnknownEventAnywhere_ExitsTwoBeforeAnythingRuns()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "--from", "manageable", "provide", "finish");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("\"finish\" is not a valid provision event").And.Contain("\"resume\""));
        });
    }

    [Test]
    public void Walk_On21_4_StateItDoesNotHave_ExitsTwo()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "--release", "21.4", "--from", "service wait", "abort");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("21.4 has no state \"service wait\""));
        });
    }

    [Test]
    public void Walk_On21_4_AbortInWaitCallBack_IsRefused()
    {
        var (_, master, _) = Run("fsm", "walk", "--from", "wait call-back", "abort");
        var (_, old, _) = Run("fsm", "walk", "--release", "21.4", "--from", "wait call-back", "abort");

        Assert.Multiple(() =>
        {
            Assert.That(master, Does.Contain("\"ok\": true, \"state\": \"deploy failed\""));
            Assert.That(old, Does.Contain("\"ok\": false, \"state\": \"wait call-back\""));
        });
    }

    [Test]
    public void Walk_UnknownRelease_ExitsTwo()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "--release", "zed", "manage");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("Unknown release \"zed\""));
        });
    }

    [TestCase("json")]
    [TestCase("mermaid")]
    [TestCase("dot")]
    public void Fsm_PrintsTheExportInTheAskedFormat(string format)
    {
        var (code, stdout, _) = Run("fsm", "--format", format);
        var expected = format switch
        {
            "json" => ProvisionStateMachineExport.ToJson(ProvisionStateMachine.Master),
            "dot" => ProvisionStateMachineExport.ToDot(),
            _ => ProvisionStateMachineExport.ToMermaid(),
        };

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Fsm_Json_For21_4_IsIronic21_4sMachine()
    {
        var (_, stdout, _) = Run("fsm", "--format", "json", "--release", "21.4");

        Assert.That(FsmDocument.Parse(stdout).Transitions, Is.EquivalentTo(FsmDocument.Release21_4.Transitions));
    }

    [Test]
    public void Fsm_UnknownFormat_ExitsTwo()
    {
        var (code, stdout, stderr) = Run("fsm", "--format", "png");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("Unknown format \"png\""));
        });
    }

    [TestCase("fsm", "--help")]
    [TestCase("fsm", "walk", "--help")]
    public void Help_DescribesTheCommandWithAnExample(params string[] args)
    {
        var (code, stdout, _) = Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("EXAMPLES:").And.Contain("ironic-sim fsm"));
        });
    }

    [Test]
    public void Walk_WithoutEvents_SaysTheyAreMissing_ExitsTwo()
    {
        var (code, stdout, stderr) = Run("fsm", "walk", "--from", "manageable");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo("ironic-sim: Command 'walk' is missing required argument 'EVENTS'.\n"));
        });
    }
}
