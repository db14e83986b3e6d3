using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

/// <summary>The scheduler commands as processes: what they print, how they exit, and how a wait ends early.</summary>
public sealed class CommandRunnerTests
{
    [Test]
    public void Run_ReturnsTheExitCode_AndBothOutputs_AndTheFirstLineAsSoonAsPrinted()
    {
        var first = new List<string>();

        var result = CommandRunner.Instance.Run("sh", ["-c", "echo 4242; echo second; echo refused >&2; exit 3"], TimeSpan.FromMinutes(1), first.Add);

        Assert.That(result, Is.EqualTo(new ProcessResult(3, "4242\nsecond\n", "refused\n")));
        Assert.That(first, Is.EqualTo(new[] { "4242" }));
        Assert.That(result.FirstErrorLine, Is.EqualTo("refused"));
    }

    [Test]
    public void AProgramThatIsNotInstalled_IsAnEngineError_SayingSo() =>
        Assert.That(
            () => CommandRunner.Instance.Run("ironiccore-no-such-scheduler", [], TimeSpan.FromMinutes(1)),
            Throws.TypeOf<SweepEngineException>().With.Message.StartsWith("ironiccore-no-such-scheduler could not be started"));

    [Test]
    public void AProgramPastItsTimeout_IsKilled_AndAnEngineError() =>
        Assert.That(
            () => CommandRunner.Instance.Run("sleep", ["60"], TimeSpan.FromMilliseconds(200)),
            Throws.TypeOf<SweepEngineException>().With.Message.EqualTo("sleep did not finish in 0.2 s; killed."));

    [Test]
    public void Cancelling_KillsTheProgram_AndCancels()
    {
        using var interrupted = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(
            () => CommandRunner.Instance.Run("sleep", ["60"], Timeout.InfiniteTimeSpan, cancellationToken: interrupted.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
