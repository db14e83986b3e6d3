using System.Net;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Api.Tests.Redfish;

/// <summary>The API over a conductor with the redfish hardware type (virtual media published from an HTTP server), and redfish nodes made through it.</summary>
internal static class RedfishApi
{
    public const string HttpUrl = "http://192.0.2.1:8080";

    /// <summary>A served conductor of <paramref name="release"/> with fake-hardware and redfish; the type's BMCs in <paramref name="redfish"/>.</summary>
    public static SimulatorFactory Factory(IronicRelease release, out RedfishHardware redfish)
    {
        var options = new ConductorOptions(release)
        {
            Deploy = new DeployOptions { HttpUrl = HttpUrl },
            DriverSections = [new RedfishOptions(release) { UseSwift = false }],
        };
        var conductor = new Conductor(options, seed: 42);
        var network = conductor.AddPxeNetwork();
        redfish = conductor.AddRedfishHardwareType(network.Boot, network.ImageTransfer);
        return new SimulatorFactory(release, conductor: conductor);
    }

    /// <summary>Creates a redfish node with its BMC at <c>https://10.1.0.5</c> and returns its UUID.</summary>
    public static async Task<string> CreateNode(IronicClient client, string name, string address = "https://10.1.0.5")
    {
        var answer = await client.Post(
            "/v1/nodes",
            $$$"""{"driver": "redfish", "name": "{{{name}}}", "driver_info": {"redfish_address": "{{{address}}}", "redfish_username": "admin", "redfish_password": "pw"}}""");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
        return answer.Json["uuid"]!.GetValue<string>();
    }

    /// <summary>Moves the served conductor's virtual clock, as <c>POST /_sim/advance</c> does.</summary>
    public static async Task Advance(IronicClient client, int seconds)
    {
        var answer = await client.Post("/_sim/advance", $"{{\"seconds\": {seconds}}}");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
    }
}
