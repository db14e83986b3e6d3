using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;

namespace IronicCore.Api.Tests.RealClients;

/// <summary>
/// The real <c>baremetal</c> CLI against <c>ironic-sim serve</c>'s conductor with the redfish hardware
/// type (21.4, python-ironicclient 5.0.1's release; the wall clock at ten virtual seconds a second,
/// agent steps of a second): a redfish node created with its driver_info, managed (its BIOS settings
/// cached from the BMC), inspected out of band (properties and a port per NIC), cleaned with the
/// redfish BIOS step (settings applied at the reboot), provided, deployed over virtual media and
/// undeployed; its boot mode and secure boot changed; its vendor cached at verification.
/// </summary>
[NonParallelizable]
public sealed class BaremetalCliRedfishTests
{
    private WebApplication? server;
    private string endpoint = string.Empty;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Assert.That(File.Exists("/usr/bin/baremetal"), Is.True, "The baremetal CLI is not installed: install Debian's python3-ironicclient (.ci/run does).");
        var options = new ConductorOptions(IronicRelease.Release21_4)
        {
            // An HTTP server to publish virtual media from; no automated cleaning, so provide is quick.
            Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" },
            // ... and not through Swift, 21.4's [redfish] default, which is not simulated (as the oracle's configuration).
            DriverSections = [new RedfishOptions(IronicRelease.Release21_4) { UseSwift = false }],
            AutomatedClean = false,
        };
        var agents = new AgentBehaviour { StepDurations = ImmutableDictionary<string, TimeSpan>.Empty, DefaultStepDuration = TimeSpan.FromSeconds(1) };
        var conductor = new Conductor(options, seed: 7, agents: agents);
        var network = conductor.AddPxeNetwork();
        conductor.AddRedfishHardwareType(network.Boot, network.ImageTransfer);
        // Ten virtual seconds a second: the agents' boots and heartbeats (minutes in Ironic's time) take seconds.
        (server, endpoint) = await LoopbackServer.Start(conductor, api => api.Speed = 10);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Test]
    public async Task BaremetalCli_RedfishNode_BiosInspectionAndLifecycle()
    {
        Expect(
            await Baremetal("node", "create", "--driver", "redfish", "--name", "r1", "--driver-info", "redfish_address=https://10.1.0.5",
                "--driver-info", "redfish_username=admin", "--driver-info", "redfish_password=pw", "-f", "value", "-c", "bios_interface", "-c", "inspect_interface"),
            "redfish", "redfish");
        Expect(await Baremetal("node", "manage", "r1", "--wait", "60"), "Waiting for provision state manageable on node r1");
        Expect(
            await Baremetal("node", "bios", "setting", "list", "r1", "-f", "value"),
            "BootMode Uefi", "EmbeddedSata Raid", "NicBoot1 NetworkBoot", "NicBoot2 Disabled", "ProcTurboMode Enabled", "ProcVirtualization Enabled",
            "QuietBoot True", "SriovGlobalEnable Disabled");

        Expect(await Baremetal("node", "inspect", "r1", "--wait", "60"), "Waiting for provision state manageable on node r1");
        Expect(
            await Baremetal("node", "show", "r1", "-f", "value", "-c", "properties"),
            "{'vendor': 'Contoso', 'memory_mb': '16384', 'cpus': 8, 'cpu_arch': 'x86_64', 'local_gb': '99', 'capabilities': 'boot_mode:uefi'}");
        Expect(await Baremetal("port", "list", "--node", "r1", "-f", "value", "-c", "Address"), "52:54:00:00:00:01", "52:54:00:00:00:02");

        Expect(
            await Baremetal("node", "clean", "r1", "--clean-steps",
                """[{"interface": "bios", "step": "apply_configuration", "args": {"settings": [{"name": "ProcTurboMode", "value": "Disabled"}]}}]""", "--wait", "120"),
            "Waiting for provision state manageable on node r1");
        Expect(await Baremetal("node", "bios", "setting", "show", "r1", "ProcTurboMode", "-f", "value", "-c", "value"), "Disabled");

        Expect(await Baremetal("node", "provide", "r1", "--wait", "60"), "Waiting for provision state available on node r1");
        Expect(await Baremetal("node", "set", "r1", "--instance-info", "image_source=http://192.0.2.1:8080/img.qcow2", "--instance-info", "image_checksum=abc"));
        Expect(await Baremetal("node", "deploy", "r1", "--wait", "120"), "Waiting for provision state active on node r1");
        Expect(await Baremetal("node", "undeploy", "r1", "--wait", "120"), "Waiting for provision state available on node r1");
        Expect(await Baremetal("node", "show", "r1", "-f", "value", "-c", "provision_state", "-c", "last_error"), "None", "available");
    }

    [Test]
    public async Task BaremetalCli_RedfishVendorPassthru_ListsAndCallsEjectVmedia()
    {
        Expect(
            await Baremetal("node", "create", "--driver", "redfish", "--name", "r2", "--driver-info", "redfish_address=https://10.1.0.6",
                "-f", "value", "-c", "vendor_interface"),
            "redfish");
        Expect(await Baremetal("node", "passthru", "list", "r2", "-f", "value", "-c", "Name", "-c", "Supported HTTP methods", "-c", "Async"), "eject_vmedia POST True");
        Expect(await Baremetal("node", "passthru", "call", "r2", "eject_vmedia"));
        var refused = await ClientProcess.Run(
            "/usr/bin/baremetal", ["--os-auth-type", "none", "--os-endpoint", endpoint, "node", "passthru", "call", "r2", "eject_vmedia", "--arg", "boot_device=cd"], TimeSpan.FromMinutes(1));
        Assert.That(refused.Errors, Does.Contain("Boot device cd is not a valid value  (HTTP 400)"));
    }

    [Test]
    public async Task BaremetalCli_RedfishSecureBootAndBootMode_ReachTheBmc_AndLegacyBootRefusesSecureBoot()
    {
        Expect(
            await Baremetal("node", "create", "--driver", "redfish", "--name", "r3", "--driver-info", "redfish_address=https://10.1.0.7", "-f", "value", "-c", "name"),
            "r3");
        Expect(await Baremetal("node", "secure", "boot", "on", "r3"));
        Expect(await Baremetal("node", "boot", "mode", "set", "r3", "bios"));
        Expect(await Baremetal("node", "show", "r3", "-f", "value", "-c", "boot_mode", "-c", "secure_boot", "-c", "last_error"), "bios", "None", "True");

        var uuid = (await Baremetal("node", "show", "r3", "-f", "value", "-c", "uuid"))[0];
        Expect(await Baremetal("node", "secure", "boot", "off", "r3"));
        Expect(
            await Baremetal("node", "show", "r3", "-f", "value", "-c", "last_error"),
            $"Failed to change secure_boot state to 'False': Redfish exception occurred. Error: Configuring secure boot requires UEFI for node {uuid}");
    }

    private static void Expect(IReadOnlyList<string> output, params string[] lines) => Assert.That(output, Is.EqualTo(lines));

    private async Task<IReadOnlyList<string>> Baremetal(params string[] arguments)
    {
        var run = await ClientProcess.Run("/usr/bin/baremetal", ["--os-auth-type", "none", "--os-endpoint", endpoint, .. arguments], TimeSpan.FromMinutes(5));
        Assert.That(run.ExitCode, Is.Zero, $"baremetal {string.Join(' ', arguments)}: {run.Errors}");
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
    }
}
