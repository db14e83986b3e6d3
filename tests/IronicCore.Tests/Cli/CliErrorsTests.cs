using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

/// <summary>The single top-level handler: every error is one line on stderr and a documented exit code, never a stack trace.</summary>
[TestFixture]
public sealed class CliErrorsTests
{
    private static (int Code, string Line) Report(Exception error)
    {
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CliErrors.Report(error, ["fleet"], stderr, IronicSim.Commands);
        return (code, stderr.ToString());
    }

    [Test]
    public void IoError_AfterTheRunStarted_IsOneLine_ExitOne()
    {
        Assert.That(Report(new IOException("No space left on device")), Is.EqualTo((IronicSim.Failed, "ironic-sim: No space left on device\n")));
    }

    [Test]
    public void UnexpectedError_IsOneLine_NamingItAsABug_ExitOne()
    {
        Assert.That(
            Report(new InvalidOperationException("the queue is empty\n   at Somewhere()")),
            Is.EqualTo((IronicSim.Failed, "ironic-sim: internal error, please report it: InvalidOperationException: the queue is empty at Somewhere()\n")));
    }

    [Test]
    public void ErrorOfAParallelRun_IsReportedAsItsFirstCause()
    {
        Assert.That(Report(new AggregateException(new IOException("disk full"), new IOException("again"))), Is.EqualTo((IronicSim.Failed, "ironic-sim: disk full\n")));
    }

    [Test]
    public void CtrlC_ExitsOneHundredThirty()
    {
        Assert.That(Report(new OperationCanceledException()), Is.EqualTo((IronicSim.Interrupted, "ironic-sim: interrupted\n")));
    }
}
