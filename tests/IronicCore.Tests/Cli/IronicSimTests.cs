using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

[TestFixture]
public sealed class IronicSimTests
{
    [Test]
    public void Help_ListsTheCommandsWithExamples()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["--help"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout.ToString(), Does.Contain("EXAMPLES:").And.Contain("fsm"));
        });
    }

    [Test]
    public void UnknownCommand_ExitsTwoWithTheReasonOnStderr()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["fleet-of-dreams"], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout.ToString(), Is.Empty);
            Assert.That(stderr.ToString(), Does.Contain("fleet-of-dreams"));
        });
    }
}
