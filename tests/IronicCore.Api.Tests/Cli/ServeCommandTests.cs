using IronicCore.Cli;

namespace IronicCore.Api.Tests.Cli;

public sealed class ServeCommandTests
{
    [TestCase("--clock", "sometimes")]
    [TestCase("--speed", "0")]
    [TestCase("--auth", "keystone")]
    [TestCase("--auth", "http_basic")]
    [TestCase("--host", "localhost")]
    [TestCase("--release", "zed")]
    public void BadOption_IsRefusedBeforeListening(string option, string value)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["serve", option, value], stdout, stderr);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stdout.ToString(), Is.Empty);
        Assert.That(stderr.ToString(), Does.StartWith("ironic-sim: "));
    }
}
