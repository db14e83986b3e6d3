using System.Net;

namespace IronicCore.Api.Tests.States;

public sealed class DeployWaitAbortTests
{
    private static async Task<string> NodeInWaitCallBack(IronicClient client)
    {
        var uuid = await client.CreateNode("n1", ", \"deploy_interface\": \"direct\", \"automated_clean\": false");
        await Lifecycle.ToAvailable(client, "n1");
        await Lifecycle.Expect(client.Provision("n1", "active"));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("wait call-back"));
        return uuid;
    }

    [Test]
    public async Task AbortInWaitCallBack_Below1_110_Is406_AndTheDeployGoesOn()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.109");
        await NodeInWaitCallBack(client);

        var answer = await client.Provision("n1", "abort");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("wait call-back"));
    }

    [Test]
    public async Task AbortInWaitCallBack_From1_110_FailsTheDeploy_NamingTheStep()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.110");
        await NodeInWaitCallBack(client);

        var answer = await client.Provision("n1", "abort");
        var node = await client.Node("n1");
        await Lifecycle.Expect(client.Post("/_sim/advance", "{\"seconds\": 3600}"), HttpStatusCode.OK);
        var later = await client.Node("n1");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(later["provision_state"]!.GetValue<string>(), Is.EqualTo("deploy failed"), "the agent no longer reaches the conductor");
        Assert.That(node["provision_state"]!.GetValue<string>(), Is.EqualTo("deploy failed"));
        Assert.That(node["target_provision_state"]!.GetValue<string>(), Is.EqualTo("active"));
        Assert.That(node["last_error"]!.GetValue<string>(), Is.EqualTo("By request, the deploy operation was aborted during or after the completion of step \"deploy.deploy\""));
        Assert.That(node["deploy_step"]!.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task AbortInWaitCallBack_On21_4_IsNotAnEventOfTheState()
    {
        using var factory = new SimulatorFactory(IronicCore.States.IronicRelease.Release21_4);
        using var client = factory.Client("1.78");
        var uuid = await NodeInWaitCallBack(client);

        var answer = await client.Provision("n1", "abort");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"The requested action \"abort\" can not be performed on node \"{uuid}\" while it is in state \"wait call-back\"."));
    }
}
