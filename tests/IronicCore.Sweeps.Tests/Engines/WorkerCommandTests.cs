using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

public sealed class WorkerCommandTests
{
    [TestCase("/usr/lib/dotnet/dotnet")]
    [TestCase("/work/tests/bin/testhost")]
    public void UnderAnotherHost_TheNodeRunsDotnetWithTheToolsDll(string host)
    {
        var command = WorkerCommand.Of(host, "/opt/tool/IronicCore.Cli.dll", "/usr/lib/dotnet/dotnet");

        Assert.That(command.WorkerArguments("/s", "--task", "3"), Is.EqualTo(new[] { "/opt/tool/IronicCore.Cli.dll", "sweep", "worker", "/s", "--task", "3" }));
        Assert.That(command.Program, Is.EqualTo("/usr/lib/dotnet/dotnet"));
    }

    [TestCase("/root/.dotnet/tools/ironic-sim")]
    [TestCase("/opt/ironic-sim/IronicCore.Cli")]
    public void AsTheToolsExecutable_TheNodeRunsTheExecutable(string executable)
    {
        var command = WorkerCommand.Of(executable, "/root/.dotnet/tools/.store/x/IronicCore.Cli.dll", "/usr/lib/dotnet/dotnet");

        Assert.That(command.ToShell("/s"), Is.EqualTo($"'{executable}' 'sweep' 'worker' '/s'"));
    }

    [Test]
    public void ARelativeProgram_IsRefused_TheNodesDoNotShareTheCurrentDirectory() =>
        Assert.That(() => new WorkerCommand("ironic-sim"), Throws.ArgumentException);
}
