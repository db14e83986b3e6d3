using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

public sealed class WorkerCommandTests
{
    [Test]
    public void UnderTheDotnetHost_TheNodeRunsDotnetWithTheToolsDll()
    {
        var command = WorkerCommand.Of("/usr/lib/dotnet/dotnet", "/opt/tool/IronicCore.Cli.dll");

        Assert.That(command.WorkerArguments("/s", "--task", "3"), Is.EqualTo(new[] { "/opt/tool/IronicCore.Cli.dll", "sweep", "worker", "/s", "--task", "3" }));
        Assert.That(command.Program, Is.EqualTo("/usr/lib/dotnet/dotnet"));
    }

    [Test]
    public void AsAnExecutable_TheNodeRunsTheExecutable()
    {
        var command = WorkerCommand.Of("/root/.dotnet/tools/ironic-sim", "/root/.dotnet/tools/.store/x/IronicCore.Cli.dll");

        Assert.That(command.ToShell("/s"), Is.EqualTo("'/root/.dotnet/tools/ironic-sim' 'sweep' 'worker' '/s'"));
    }

    [Test]
    public void ARelativeProgram_IsRefused_TheNodesDoNotShareTheCurrentDirectory() =>
        Assert.That(() => new WorkerCommand("ironic-sim"), Throws.ArgumentException);
}
