using System.Net;
using IronicCore.Api.Tests.Portgroups;

namespace IronicCore.Api.Tests.Ports;

/// <summary>
/// Ironic's <c>check_port_list_policy</c>: the node or portgroup a port or portgroup list hangs under
/// is read by UUID only, whatever the release (a real Ironic 21.4 API answers so; 29.0's and master's
/// code is the same). A query filter (<c>?node=n1</c>) takes names as before.
/// </summary>
public sealed class ListParentTests
{
    private const string Ghost = "0f3a6f2e-2b3c-4d5e-8f90-0a1b2c3d4e5f";

    [TestCase("1.115")]
    [TestCase("1.78")]
    public async Task NodesPortsAndPortgroups_ByNameOrMissing_Are404_PortgroupNone(string version)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);
        var node = await client.CreateNode("n1");
        await PortgroupTests.Port(client, node, "52:54:00:00:00:01");

        foreach (var path in new[] { "/v1/nodes/n1/ports", "/v1/nodes/n1/ports/detail", "/v1/nodes/n1/portgroups", $"/v1/nodes/{Ghost}/ports", $"/v1/nodes/{Ghost}/portgroups" })
        {
            var answer = await client.Get(path);
            Assert.That((answer.Status, answer.Fault), Is.EqualTo((HttpStatusCode.NotFound, "Portgroup None could not be found.")), path);
        }

        Assert.That((await client.Get($"/v1/nodes/{node}/ports")).Json["ports"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That((await client.Get("/v1/ports?node=n1")).Json["ports"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PortgroupsPorts_ByName_Are404_NamingIt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.115");
        var node = await client.CreateNode("n1");
        var group = await PortgroupTests.Portgroup(client, node, ", \"name\": \"bond0\"");
        await PortgroupTests.Port(client, node, "52:54:00:00:00:01", $", \"portgroup_uuid\": \"{group}\"");

        var byName = await client.Get("/v1/portgroups/bond0/ports");
        var missing = await client.Get($"/v1/portgroups/{Ghost}/ports/detail");

        Assert.That((byName.Status, byName.Fault), Is.EqualTo((HttpStatusCode.NotFound, "Portgroup bond0 could not be found.")));
        Assert.That((missing.Status, missing.Fault), Is.EqualTo((HttpStatusCode.NotFound, $"Portgroup {Ghost} could not be found.")));
        Assert.That((await client.Get($"/v1/portgroups/{group}/ports")).Json["ports"]!.AsArray(), Has.Count.EqualTo(1));
    }
}
