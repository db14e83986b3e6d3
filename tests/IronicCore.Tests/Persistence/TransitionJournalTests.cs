using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.JournalCrashWriter;
using IronicCore.Persistence;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Persistence;

/// <summary>
/// The transition journal (issue 8): every transition appended in batches, length-prefixed and
/// checksummed; a torn last record dropped with a warning and nothing before it lost; damage
/// elsewhere, foreign and newer files refused with a typed error.
/// </summary>
[TestFixture]
public sealed class TransitionJournalTests
{
    private string path = string.Empty;

    [SetUp]
    public void CreatePath() => path = Path.Combine(Path.GetTempPath(), $"ironiccore-journal-{Guid.NewGuid():N}.bin");

    [TearDown]
    public void DeletePath() => File.Delete(path);

    [Test]
    public void Journal_HoldsEveryTransition_InOrder_WithItsCause()
    {
        var conductor = ConductorFixture.Create();
        var log = new TransitionLog();
        using (var writer = new TransitionJournalWriter(path, batchSize: 3))
        using (conductor.Subscribe(writer))
        using (conductor.Subscribe(log))
        {
            conductor.Enroll("n");
            conductor.Provision("n", ApiVerb.Manage);
            conductor.Provision("n", ApiVerb.Provide);
            conductor.Provision("n", ApiVerb.Active);
        }

        var journal = TransitionJournal.ReadAll(path);

        Assert.Multiple(() =>
        {
            Assert.That(journal.Records, Is.EqualTo(log.Records));
            Assert.That(journal.DroppedTail, Is.Null);
            Assert.That(journal.Records[0].Cause, Is.EqualTo(TransitionCause.Request), "manage: enroll -> verifying, before the 202");
            Assert.That(journal.Records[1].Cause, Is.EqualTo(TransitionCause.Worker), "verifying -> manageable, in the worker");
        });
    }

    [Test]
    public void Acknowledged_CountsOnlyWholeBatchesOnTheDisk()
    {
        using var writer = new TransitionJournalWriter(path, batchSize: 4);
        for (var n = 0; n < 6; n++)
        {
            writer.OnTransition(CrashRecords.At(n));
        }

        Assert.That(writer.Acknowledged, Is.EqualTo(4));
        writer.Flush();
        Assert.That(writer.Acknowledged, Is.EqualTo(6));
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(9)]
    public void TornLastRecord_IsDropped_WithAWarning_AndEveryRecordBeforeItKept(int bytesCut)
    {
        Write(10);
        using (var file = File.Open(path, FileMode.Open))
        {
            file.SetLength(file.Length - bytesCut);
        }

        var journal = TransitionJournal.ReadAll(path);

        Assert.Multiple(() =>
        {
            Assert.That(journal.Records, Is.EqualTo(Enumerable.Range(0, 9).Select(n => CrashRecords.At(n))));
            Assert.That(journal.DroppedTail, Does.Contain("the last record").And.Contain("was dropped"));
        });
    }

    [Test]
    public void CorruptLastRecord_IsDropped_WithAWarning()
    {
        Write(10);
        FlipByte(fromEnd: 2);

        var journal = TransitionJournal.ReadAll(path);

        Assert.Multiple(() =>
        {
            Assert.That(journal.Records, Has.Length.EqualTo(9));
            Assert.That(journal.DroppedTail, Does.Contain("checksum"));
        });
    }

    [Test]
    public void CorruptRecordWithRecordsAfterIt_IsRefused_AsCorrupted()
    {
        Write(10);
        FlipByte(fromStart: JournalHeaderAndSomeOfTheFirstRecord);

        var error = Assert.Throws<PersistenceFormatException>(() => TransitionJournal.ReadAll(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Error, Is.EqualTo(PersistenceFormatError.Corrupted));
            Assert.That(error.Message, Does.Contain("records follow it"));
        });
    }

    [Test]
    public void ForeignFile_IsRefused_AsForeign()
    {
        File.WriteAllText(path, "{\"format\": \"ironic-sim/scenario@1\"}");

        var error = Assert.Throws<PersistenceFormatException>(() => TransitionJournal.ReadAll(path));

        Assert.That(error!.Error, Is.EqualTo(PersistenceFormatError.Foreign));
    }

    [Test]
    public void NewerFormatVersion_IsRefused_AsNewerVersion()
    {
        File.WriteAllBytes(path, [.. "IRJL"u8, 2, 0, 0, 0]);

        var error = Assert.Throws<PersistenceFormatException>(() => TransitionJournal.ReadAll(path));

        Assert.That(error!.Error, Is.EqualTo(PersistenceFormatError.NewerVersion));
    }

    [Test]
    public void FileShorterThanItsHeader_IsRefused_AsTruncated()
    {
        File.WriteAllBytes(path, [.. "IRJ"u8]);

        var error = Assert.Throws<PersistenceFormatException>(() => TransitionJournal.ReadAll(path));

        Assert.That(error!.Error, Is.EqualTo(PersistenceFormatError.Truncated));
    }

    [Test]
    public void ReopeningATornJournal_DropsTheTornRecord_AndAppendsAfterTheLastIntactOne()
    {
        Write(10);
        using (var file = File.Open(path, FileMode.Open))
        {
            file.SetLength(file.Length - 3);
        }

        using (var writer = new TransitionJournalWriter(path))
        {
            Assert.That(writer.Recovered, Does.Contain("was dropped"));
            Assert.That(writer.Acknowledged, Is.EqualTo(9));
            writer.OnTransition(CrashRecords.At(9));
        }

        var journal = TransitionJournal.ReadAll(path);

        Assert.Multiple(() =>
        {
            Assert.That(journal.Records, Is.EqualTo(Enumerable.Range(0, 10).Select(n => CrashRecords.At(n))));
            Assert.That(journal.DroppedTail, Is.Null);
        });
    }

    [Test]
    public void WriterKilledAtRandomPoints_NeverLosesAnAcknowledgedRecord()
    {
        var random = new Random(20261125);
        var writerDll = Path.Combine(TestContext.CurrentContext.TestDirectory, "IronicCore.JournalCrashWriter.dll");
        var acknowledged = 0L;
        for (var run = 0; run < 12; run++)
        {
            var killAfter = random.Next(1, 30);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList = { "exec", writerDll, path, random.Next(1, 200).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            for (var seen = 0; seen < killAfter && process.StandardOutput.ReadLine() is { } line; seen++)
            {
                acknowledged = long.Parse(line["ack ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }

            Thread.SpinWait(random.Next(0, 200_000));
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            var journal = TransitionJournal.ReadAll(path);
            Assert.That(journal.Records, Has.Length.AtLeast(acknowledged), $"run {run}: acknowledged records lost");
            for (var n = 0; n < journal.Records.Length; n++)
            {
                Assert.That(journal.Records[n], Is.EqualTo(CrashRecords.At(n)), $"run {run}: record {n}");
            }
        }
    }

    private const int JournalHeaderAndSomeOfTheFirstRecord = 8 + 8 + 4;

    private void Write(int count)
    {
        using var writer = new TransitionJournalWriter(path);
        for (var n = 0; n < count; n++)
        {
            writer.OnTransition(CrashRecords.At(n));
        }
    }

    private void FlipByte(int? fromStart = null, int? fromEnd = null)
    {
        var bytes = File.ReadAllBytes(path);
        var at = fromStart ?? (bytes.Length - fromEnd!.Value);
        bytes[at] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
