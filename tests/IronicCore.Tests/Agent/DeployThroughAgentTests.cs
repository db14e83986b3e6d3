using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>The direct deploy interface: the agent writes the image, the conductor boots the instance (behaviour spec 5.9).</summary>
[TestFixture]
public sealed class DeployThroughAgentTests
{
    [Test]
    public void Deploy_BootsTheAgent_AndWaitsInWaitCallBack()
    {
        var conductor = Available();

        var node = conductor.Provision("n", ApiVerb.Active);

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
            Assert.That(node.TargetProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.DeployStep, Is.EqualTo(new StepReference("deploy", "deploy")));
        });
    }

    [Test]
    public void FirstHeartbeat_SendsWriteImageToTheAgent()
    {
        var conductor = Available();
        conductor.Provision("n", ApiVerb.Active);

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
            Assert.That(node.DeployStep, Is.EqualTo(new StepReference("deploy", "write_image")));
        });
    }

    [Test]
    public void WriteImageFailed_IsDeployFailed_NoMaintenance_LeftPoweredOn()
    {
        var conductor = Available();
        conductor.Provision("n", ApiVerb.Active);
        conductor.Beat();
        conductor.SetAgentResult("n", AgentCommandStatus.Failed, "Image checksum mismatch");

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(node.Maintenance, Is.False);
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(node.LastError, Does.Contain("Deploy step deploy.write_image failed").And.Contain("checksum"));
        });
    }

    [Test]
    public void FakeManagement_CannotBootFromDisk_SoTheDeployFailsAtPrepareInstanceBoot_PoweredOff()
    {
        var conductor = Available();
        conductor.Provision("n", ApiVerb.Active);
        conductor.Beat();

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOff));
            Assert.That(node.LastError, Does.StartWith("Deploy step deploy.prepare_instance_boot failed"));
        });
    }

    [TestCase(true, ProvisionState.WaitCallBack)]
    [TestCase(false, ProvisionState.DeployFailed)]
    public void HeartbeatInWaitCallBack_InMaintenance_FreezesOrFails_ByTheOption(bool allow, ProvisionState expected)
    {
        var conductor = Available(new ConductorOptions(IronicRelease.Release21_4) { AllowProvisioningInMaintenance = allow });
        conductor.Provision("n", ApiVerb.Active);
        conductor.SetMaintenance("n", "suspect");

        var node = conductor.Beat();

        Assert.That(node.ProvisionState, Is.EqualTo(expected));
    }

    [Test]
    public void Undeploy_FromDeployFailed_CleansThroughTheAgentBackToAvailable()
    {
        var conductor = Available();
        conductor.Provision("n", ApiVerb.Active);
        conductor.Beat();
        conductor.Beat();

        var cleaning = conductor.Provision("n", ApiVerb.Deleted);
        conductor.Beat();
        conductor.Beat();
        var done = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(cleaning.ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(done.ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Master)]
    public void StepsReadAgainAfterTheStepCommand_AreTheAgentsLastCommand_SoEveryHeartbeatWaits(IronicRelease release)
    {
        var conductor = Available(new ConductorOptions(release));
        conductor.Provision("n", ApiVerb.Active);
        conductor.SetAgentResult("n", AgentCommandStatus.Running);
        conductor.Beat();
        var machine = conductor.GetMachine("n");
        machine.Reachable = false;
        conductor.SetPowerState("n", PowerState.SoftRebooting, TimeSpan.FromSeconds(10));
        conductor.Clock.RunDue();
        machine.Reachable = true;

        var busy = conductor.Beat();
        conductor.SetAgentResult("n", AgentCommandStatus.Succeeded);
        var refreshed = conductor.Beat();
        var later = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(busy.LastError, Does.StartWith("Failed to change power state"), "set-up: the soft reboot failed, after its wipe of the step cache");
            Assert.That(busy.ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack), "write_image runs: get_deploy_steps refused, the step cache stays empty");
            Assert.That(refreshed.ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack), "get_deploy_steps ran after write_image: not the step command Ironic waits for");
            Assert.That((later.ProvisionState, later.DeployStep), Is.EqualTo((ProvisionState.WaitCallBack, new StepReference("deploy", "write_image"))));
        });
    }

    [Test]
    public void AgentCommandList_SurvivesASnapshot()
    {
        var conductor = Available();
        conductor.Provision("n", ApiVerb.Active);
        conductor.SetAgentResult("n", AgentCommandStatus.Running);
        conductor.Beat();
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream);

        var stillRunning = loaded.Beat();
        loaded.SetAgentResult("n", AgentCommandStatus.Succeeded);
        var done = loaded.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(stillRunning.DeployStep, Is.EqualTo(new StepReference("deploy", "write_image")), "the loaded agent's last command is write_image, still running");
            Assert.That(done.DeployStep, Is.Not.EqualTo(new StepReference("deploy", "write_image")), "its success moves the deployment on");
        });
    }

    private static IronicCore.Conductor Available(ConductorOptions? options = null)
    {
        var conductor = ConductorFixture.Create(options ?? new ConductorOptions(IronicRelease.Release21_4));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        return conductor;
    }
}
