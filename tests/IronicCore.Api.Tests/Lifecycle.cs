using System.Net;

namespace IronicCore.Api.Tests;

/// <summary>Walks a node through the API to the states tests start from.</summary>
internal static class Lifecycle
{
    public static async Task ToAvailable(IronicClient client, string node)
    {
        await Expect(client.Provision(node, "manage"));
        await Expect(client.Provision(node, "provide"));
        await Settled(client, node, "available");
    }

    public static async Task ToActive(IronicClient client, string node)
    {
        await ToAvailable(client, node);
        await Expect(client.Provision(node, "active"));
        await Settled(client, node, "active");
    }

    public static async Task Expect(Task<IronicClient.Answer> request, HttpStatusCode status = HttpStatusCode.Accepted)
    {
        var answer = await request;
        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
    }

    /// <summary>Moves virtual time on until the node reaches the state (fake-hardware needs little).</summary>
    public static async Task Settled(IronicClient client, string node, string state)
    {
        for (var i = 0; i < 20; i++)
        {
            if ((await client.Node(node))["provision_state"]!.GetValue<string>() == state)
            {
                return;
            }

            await Expect(client.Post("/_sim/advance", "{\"seconds\": 60}"), HttpStatusCode.OK);
        }

        Assert.Fail($"{node} never reached {state}: {(await client.Node(node)).ToJsonString()}");
    }
}
