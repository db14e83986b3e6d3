using IronicCore.JournalCrashWriter;
using IronicCore.Persistence;
using IronicCore.States;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim journal</c>: the journal as JSON lines or a summary, filtered by node and time; damage reported.</summary>
[TestFixture]
public sealed class JournalCommandTests
{
    private string path = string.Empty;

    [SetUp]
    public void WriteJournal()
    {
        path = Path.Combine(Path.GetTempPath(), $"ironiccore-journal-cli-{Guid.NewGuid():N}.bin");
        using var writer = new TransitionJournalWriter(path);
        for (var n = 0; n < 5; n++)
        {
            writer.OnTransition(CrashRecords.At(n));
        }
    }

    [TearDown]
    public void DeleteJournal() => File.Delete(path);

    [Test]
    public void Journal_PrintsOneJsonLinePerTransition_WithIronicsNames()
    {
        var (code, stdout, stderr) = Run("journal", path);
        var second = CrashRecords.At(1);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stderr, Is.Empty);
            Assert.That(Lines(stdout), Has.Length.EqualTo(5));
            Assert.That(Lines(stdout)[1], Is.EqualTo(
                $$"""{"node": "00000000-0000-4000-8000-000000000001", "from": "{{second.From.ToIronicName()}}", "event": "{{second.Event.ToIronicName()}}", "to": "{{second.To.ToIronicName()}}", "at": "2026-01-01T00:00:01.0000000Z", "cause": "worker"}"""));
        });
    }

    [Test]
    public void Journal_FiltersByNodeAndVirtualTime()
    {
        var (_, byNode, _) = Run("journal", path, "--node", "00000000-0000-4000-8000-000000000003");
        var (_, byTime, _) = Run("journal", path, "--since", "2026-01-01T00:00:02Z", "--until", "2026-01-01T00:00:04Z");

        Assert.Multiple(() =>
        {
            Assert.That(Lines(byNode), Has.Length.EqualTo(1));
            Assert.That(Lines(byTime), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Summary_CountsTransitionsPerStatePerNodeAndPerHour()
    {
        var (code, stdout, _) = Run("journal", path, "--summary");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.StartWith("5 transitions of 5 nodes"));
            Assert.That(stdout, Does.Contain("state reached").And.Contain(CrashRecords.At(0).To.ToIronicName()));
            Assert.That(stdout, Does.Contain("2026-01-01 00:00").And.Contain(" 5 "));
        });
    }

    [Test]
    public void TornLastRecord_IsReportedOnStderr_AndLeftOut()
    {
        using (var file = File.Open(path, FileMode.Open))
        {
            file.SetLength(file.Length - 2);
        }

        var (code, stdout, stderr) = Run("journal", path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(Lines(stdout), Has.Length.EqualTo(4));
            Assert.That(stderr, Does.StartWith("ironic-sim: warning:").And.Contain("was dropped"));
        });
    }

    [Test]
    public void ForeignFile_ExitsTwo_WithTheTypedErrorsMessage()
    {
        File.WriteAllText(path, "not a journal");

        var (code, stdout, stderr) = Run("journal", path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain("not an IronicCore transition journal"));
        });
    }

    [Test]
    public void BadTimeFilter_ExitsTwo_BeforeReadingAnything()
    {
        var (code, _, stderr) = Run("journal", path, "--since", "yesterday");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--since wants an ISO 8601 time"));
        });
    }

    [Test]
    public void Filter_ThatMatchesNothing_SaysSoOnStderr_StdoutStaysJsonLines()
    {
        var (code, stdout, stderr) = Run("journal", path, "--node", "no-such-node", "--since", "2026-01-01T00:00:00Z");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo($"ironic-sim journal: none of the 5 transitions in {path} matches --node no-such-node --since 2026-01-01T00:00:00Z\n"));
        });
    }

    [Test]
    public void EmptyJournal_SaysSo()
    {
        var empty = path + ".empty";
        new TransitionJournalWriter(empty).Dispose();
        try
        {
            var (code, stdout, stderr) = Run("journal", empty);

            Assert.That(code, Is.Zero);
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Is.EqualTo($"ironic-sim journal: {empty} holds no transitions\n"));
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Test]
    public void Summary_OfOneTransition_SaysOneTransitionOfOneNode()
    {
        var (_, stdout, _) = Run("journal", path, "--summary", "--node", "00000000-0000-4000-8000-000000000003");

        Assert.That(stdout, Does.StartWith("1 transition of 1 node\n"));
    }
}
