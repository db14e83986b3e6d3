using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Tests.Agent;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Drivers;

/// <summary>fake-hardware with Ironic's <c>noop</c> management interface, which the fleet's nodes use.</summary>
[TestFixture]
public sealed class NoopManagementTests
{
    [Test]
    public void DirectDeploy_WithNoopManagement_BootsTheInstanceFromDisk_Active()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ManagementInterface = "noop",
            ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });
        conductor.Provision("n", ApiVerb.Active);
        conductor.Beat();

        var node = conductor.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(node.ManagementInterface, Is.EqualTo("noop"));
            Assert.That(node.PowerState, Is.EqualTo(PowerState.PowerOn));
        });
    }

    [Test]
    public void TimedAgents_AfterTheDeploy_TheMachineRunsTheInstance_NotTheRamdisk()
    {
        var conductor = new IronicCore.Conductor(new ConductorOptions(), agents: new IronicCore.Agent.AgentBehaviour());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ManagementInterface = "noop",
            ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff,
        });

        conductor.SetProvisionState("n", ApiVerb.Active);
        conductor.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.GetMachine("n").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(conductor.GetMachine("n").Agent.Running, Is.False);
        });
    }

    [Test]
    public void CreateNode_WithAnUnknownManagementInterface_IsInvalidParameterValue_AndCreatesNothing()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions());

        Assert.Throws<InvalidParameterValueException>(() => conductor.CreateNode(new NodeCreateRequest { Name = "n", ManagementInterface = "ipmitool" }));
        Assert.That(conductor.Nodes, Is.Empty);
    }
}
