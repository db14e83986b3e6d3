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
