using System.Diagnostics;
using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>ironic-sim fleet --save-at T --save FILE</c>, then <c>--resume FILE</c> in a new process:
/// the tables, CSV files and journals are those of the uninterrupted run (issue 8).
/// </summary>
[TestFixture]
public sealed class FleetResumeTests
{
    /// <summary>Much goes wrong: frequent faults, a conductor death a day, agents that fail, hang, die and lose heartbeats.</summary>
    private const string FaultyScenario = """
        {
          "nodes": 300, "conductors": 3, "days": 4, "seed": 9,
          "faults": [
            { "kind": "disk", "rate_per_node_year": 2, "masked_fraction": 0.25, "transient_fraction": 0.2,
              "self_heal_time": "01:00:00", "repair_time": "12:00:00" },
            { "kind": "bmc", "rate_per_node_year": 2, "transient_fraction": 0.7, "self_heal_time": "00:20:00",
              "repair_time": "04:00:00" }
          ],
          "conductor_failures": { "mean_time_between_failures": "1.00:00:00", "restart_time": "00:30:00" },
          "agents": { "step_fails_probability": 0.05, "step_hangs_probability": 0.01, "dies_mid_step_probability": 0.01,
                      "heartbeat_loss_probability": 0.02, "heartbeat_delay_probability": 0.02 }
        }
        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("fleet-resume-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void ResumedInANewProcess_PrintsAndWritesWhatTheUninterruptedRunDoes()
    {
        var scenario = Path.Combine(directory, "faulty.json");
        File.WriteAllText(scenario, FaultyScenario);
        var snapshot = Path.Combine(directory, "day2.snapshot");

        // The one replication a snapshot holds, run without interruption.
        var whole = Process("fleet", "--scenario", scenario, "--replications", "1", "--journal", Path.Combine(directory, "whole"), "--out", Path.Combine(directory, "whole-out"));
        var saved = Process("fleet", "--scenario", scenario, "--journal", Path.Combine(directory, "resumed"), "--save-at", "2d", "--save", snapshot);
        var resumed = Process("fleet", "--resume", snapshot, "--journal", Path.Combine(directory, "resumed"), "--out", Path.Combine(directory, "resumed-out"));

        Assert.Multiple(() =>
        {
            Assert.That((whole.Code, saved.Code, resumed.Code), Is.EqualTo((0, 0, 0)), whole.Error + saved.Error + resumed.Error);
            Assert.That(saved.Out, Does.Contain("2026-01-03T00:00:00Z").And.Contain($"--resume {snapshot}"));
            Assert.That(Deterministic(resumed.Out), Is.EqualTo(Deterministic(whole.Out)));
            Assert.That(whole.Out, Does.Contain("| reparo |"));
            foreach (var policy in new[] { "hold", "reparo", "fail-fast" })
            {
                var journal = File.ReadAllBytes(Path.Combine(directory, "whole", $"{policy}.journal"));
                Assert.That(File.ReadAllBytes(Path.Combine(directory, "resumed", $"{policy}.journal")), Is.EqualTo(journal), $"{policy}.journal");
                Assert.That(journal, Has.Length.GreaterThan(100_000), "a busy run");
                Assert.That(
                    File.ReadAllBytes(Path.Combine(directory, "resumed-out", $"{policy}.csv")),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(directory, "whole-out", $"{policy}.csv"))),
                    $"{policy}.csv");
            }

            Assert.That(
                File.ReadAllBytes(Path.Combine(directory, "resumed-out", "summary.csv")),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(directory, "whole-out", "summary.csv"))));
        });
    }

    [TestCase("truncated", "the snapshot is cut off in its body")]
    [TestCase("corrupted", "the snapshot's checksum does not match its body")]
    [TestCase("foreign", "not an IronicCore snapshot")]
    [TestCase("newer", "snapshot format 99 is newer than this library reads (8)")]
    public void Resume_ADamagedSnapshot_ExitsTwo_WithTheTypedErrorsMessage(string damage, string message)
    {
        var snapshot = Path.Combine(directory, "run.snapshot");
        Assert.That(CliRun.Run("fleet", "--nodes", "50", "--days", "2", "--save-at", "1d", "--save", snapshot).Code, Is.Zero);
        var bytes = File.ReadAllBytes(snapshot);
        switch (damage)
        {
            case "truncated":
                bytes = bytes[..^100];
                break;
            case "corrupted":
                bytes[bytes.Length / 2] ^= 0x10;
                break;
            case "foreign":
                bytes[0] = (byte)'X';
                break;
            case "newer":
                bytes[4] = 99;
                break;
        }

        File.WriteAllBytes(snapshot, bytes);
        var run = CliRun.Run("fleet", "--resume", snapshot);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.Contain($"{snapshot}: {message}"));
        });
    }

    [TestCase(new[] { "--save-at", "1d" }, "--save-at and --save go together")]
    [TestCase(new[] { "--save", "x.snapshot" }, "--save-at and --save go together")]
    [TestCase(new[] { "--save-at", "12x", "--save", "x.snapshot" }, "--save-at takes a positive virtual time")]
    [TestCase(new[] { "--days", "2", "--save-at", "2d", "--save", "x.snapshot" }, "is not between where the run stands and its end")]
    [TestCase(new[] { "--resume", "x.snapshot", "--nodes", "5" }, "--resume takes the scenario, options, seed and policies from the snapshot")]
    public void SnapshotOptions_Bad_ExitTwo_AndRunNothing(string[] options, string reason)
    {
        var run = CliRun.Run(["fleet", "--nodes", "20", .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(run.Stderr, Does.Contain(reason));
        });
    }

    /// <summary>The tables before the wall-time one, which no two runs share.</summary>
    private static string Deterministic(string output) => output[..output.IndexOf("| policy | events | wall time", StringComparison.Ordinal)];

    /// <summary>Runs the built <c>ironic-sim</c> in a process of its own.</summary>
    private static (int Code, string Out, string Error) Process(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "IronicCore.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
