using System.Diagnostics;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;

namespace IronicCore.Api.Tests.RealClients;

/// <summary>
/// The real <c>baremetal</c> CLI (python-ironicclient, installed by .ci/run from Debian) against
/// <c>ironic-sim serve</c> on loopback, with the real clock; its output is checked line by line.
/// </summary>
[NonParallelizable]
public sealed partial class BaremetalCliTests
{
    private WebApplication? server;
    private string endpoint = string.Empty;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        // A missing client fails the suite rather than skipping it: the real client is the proof.
        Assert.That(File.Exists("/usr/bin/baremetal"), Is.True, "The baremetal CLI is not installed: install Debian's python3-ironicclient (.ci/run does).");

        // 21.4, the release python-ironicclient 5.0.1 ships with (master's request ids would be
        // appended to the CLI's error lines).
        var conductor = new Conductor(ConductorOptions.ForRelease(IronicRelease.Release21_4), seed: 7, agents: new AgentBehaviour());
        (server, endpoint) = await LoopbackServer.Start(conductor);
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
    public async Task BaremetalCli_RunsTheOperatorsStory()
    {
        var uuid = (await Baremetal("node create --driver fake-hardware --name n1 -f value -c uuid")).Single();
        Expect(await Baremetal($"port create 52:54:00:12:34:56 --node {uuid} --pxe-enabled true -f value -c address -c pxe_enabled"), "52:54:00:12:34:56", "True");
        Expect(await Baremetal("node manage n1 --wait 60"), "Waiting for provision state manageable on node n1");
        Expect(await Baremetal("node maintenance set n1 --reason disk"));
        Expect(
            await Baremetal("--max-retries 0 node clean n1 --clean-steps [{\"interface\":\"deploy\",\"step\":\"erase_devices_metadata\"}]", failure: true),
            $"The cleaning operation can't be performed on node {uuid} because it's in maintenance mode. (HTTP 400)");
        Expect(await Baremetal("node maintenance unset n1"));
        Expect(await Baremetal("node provide n1 --wait 60"), "Waiting for provision state available on node n1");
        Expect(await Baremetal("node deploy n1 --wait 60"), "Waiting for provision state active on node n1");
        Expect(await Baremetal("node power off n1"));
        Expect(await Baremetal("node undeploy n1 --wait 60"), "Waiting for provision state available on node n1");
        Expect(await Baremetal("node set n1 --property cpus=4 --extra rack=r4"));
        Expect(
            await Baremetal("node list --provision-state available --driver fake-hardware --fields name provision_state extra properties -f value"),
            "n1 available {'rack': 'r4'} {'cpus': 4}");
        Expect(await Baremetal("node manage n1 --wait 60"), "Waiting for provision state manageable on node n1");
        Expect(await Baremetal("node delete n1"), "Deleted node n1");
    }

    // Ironic's destroy_node allows available when [conductor] allow_deleting_available_nodes (True
    // by default in 21.4 and master) and otherwise lists its tuple of allowed states
    // (ironic/conductor/manager.py destroy_node, ironic/common/states.py DELETE_ALLOWED_STATES).
    [Test]
    public async Task BaremetalCli_DeletesAnAvailableNode_AndRefusesAnActiveOneInIronicsWords()
    {
        Expect(await Baremetal("node create --driver fake-hardware --name d1 -f value -c name"), "d1");
        Expect(await Baremetal("node manage d1 --wait 60"), "Waiting for provision state manageable on node d1");
        Expect(await Baremetal("node provide d1 --wait 60"), "Waiting for provision state available on node d1");
        Expect(await Baremetal("node delete d1"), "Deleted node d1");
        var uuid = (await Baremetal("node create --driver fake-hardware --name d2 -f value -c uuid")).Single();
        Expect(await Baremetal("node manage d2 --wait 60"), "Waiting for provision state manageable on node d2");
        Expect(await Baremetal("node provide d2 --wait 60"), "Waiting for provision state available on node d2");
        Expect(await Baremetal("node deploy d2 --wait 60"), "Waiting for provision state active on node d2");
        var refusal = $"Can not delete node \"{uuid}\" while it is in provision state \"active\". Valid provision states to perform " +
            "deletion are: \"('manageable', 'enroll', 'adopt failed', 'available')\", or set the node into maintenance mode (HTTP 409)";
        Expect(
            await Baremetal("--max-retries 0 node delete d2", failure: true),
            $"Error contacting Ironic server: {refusal}. Attempt 1 of 1",
            $"Failed to delete node d2: {refusal}");
    }

    // Few commands: each one starts the CLI's Python (about two seconds).
    [Test]
    public async Task BaremetalCli_AddsTraits_AndAttachesAVif()
    {
        var uuid = (await Baremetal("node create --driver fake-hardware --name t1 -f value -c uuid")).Single();
        Expect(await Baremetal($"port create 52:54:00:12:34:57 --node {uuid} -f value -c address"), "52:54:00:12:34:57");
        Expect(await Baremetal("node add trait t1 CUSTOM_GOLD HW_CPU_X86_AVX2"), "Added trait CUSTOM_GOLD", "Added trait HW_CPU_X86_AVX2");
        Expect(await Baremetal("node trait list t1 -f value"), "CUSTOM_GOLD", "HW_CPU_X86_AVX2");
        Expect(await Baremetal("node vif attach t1 tenant-vif-1"));
        Expect(await Baremetal("node vif list t1 -f value"), "tenant-vif-1");
    }

    // Ironic's set_console_mode/get_console_information with the fake console, inject_nmi and
    // change_node_boot_mode on fake management (neither has them: UnsupportedDriverExtension,
    // the latter in last_error), FakeVendorB's passthru methods.
    [Test]
    public async Task BaremetalCli_ConsoleNmiBootModeAndPassthru_OnFakeHardware()
    {
        await Baremetal("node create --driver fake-hardware --name c1 -f value -c uuid");
        Expect(await Baremetal("node console enable c1"));
        Expect(await Baremetal("node console show c1 -f value -c console_enabled -c console_info"), "True", "{}");
        Expect(await Baremetal("node console disable c1"));
        Expect(await Baremetal("node console show c1 -f value -c console_enabled -c console_info"), "False", "None");
        Expect(
            await Baremetal("node inject nmi c1", failure: true),
            "Driver fake-hardware does not support inject_nmi (disabled or not implemented). (HTTP 400)");
        Expect(await Baremetal("node boot mode set c1 uefi"));
        Expect(
            await Baremetal("node show c1 -f value -c last_error"),
            "Failed to change boot mode to 'uefi: Driver fake-hardware does not support set_boot_mode (disabled or not implemented).");
        Expect(await Baremetal("node secure boot on c1"));

        // The CLI prints a passthru answer as a dict, so a method returning a boolean (as
        // FakeVendorB's do, to a real Ironic too) makes it fail after the call succeeded.
        Expect(await Baremetal("node passthru call c1 third_method_sync --arg bar=meow", failure: true), "'bool' object has no attribute 'items'");
        Expect(await Baremetal("node passthru list c1 -f value -c Name"), "second_method", "third_method_sync", "fourth_method_shared_lock");
        Expect(await Baremetal("node delete c1"), "Deleted node c1");
    }

    // Ironic's fake BIOS apply_configuration clean step writes the settings the BIOS API lists;
    // set_target_raid_config checks and stores the node's target_raid_config (the CLI sends it
    // through PUT .../states/raid); the RAID logical disk properties of the base RAID interface.
    [Test]
    public async Task BaremetalCli_BiosSettingsAndRaid_OnFakeHardware()
    {
        await Baremetal("node create --driver fake-hardware --name r1 -f value -c uuid");
        Expect(await Baremetal("node manage r1 --wait 60"), "Waiting for provision state manageable on node r1");
        Expect(
            await Baremetal("node clean r1 --wait 60 --clean-steps [{\"interface\":\"bios\",\"step\":\"apply_configuration\",\"args\":{\"settings\":[{\"name\":\"LogicalProc\",\"value\":\"Enabled\"}]}}]"),
            "Waiting for provision state manageable on node r1");
        Expect(await Baremetal("node bios setting list r1 -f value"), "LogicalProc Enabled");
        Expect(await Baremetal("node bios setting show r1 LogicalProc -f value -c value"), "Enabled");
        Expect(await Baremetal("node set r1 --target-raid-config {\"logical_disks\":[{\"raid_level\":\"1\",\"size_gb\":100}]}"));
        Expect(
            await Baremetal("node show r1 -f value -c target_raid_config"),
            "{'logical_disks': [{'raid_level': '1', 'size_gb': 100}]}");
        Expect(
            await Baremetal("node set r1 --target-raid-config {\"logical_disks\":[]}", failure: true),
            "RAID config validation error: [] is too short (HTTP 400)");
        Expect((await Baremetal("driver raid property list fake-hardware -f value -c Property")).Take(2).ToArray(), "controller", "disk_type");
        Expect(await Baremetal("node delete r1"), "Deleted node r1");
    }

    private static void Expect(IReadOnlyList<string> output, params string[] lines) => Assert.That(output, Is.EqualTo(lines));

    private async Task<IReadOnlyList<string>> Baremetal(string arguments, bool failure = false)
    {
        var start = new ProcessStartInfo("/usr/bin/baremetal")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in $"--os-auth-type none --os-endpoint {endpoint}".Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in Split(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode == 0, Is.EqualTo(!failure), $"baremetal {arguments}: {await stderr}");
        var text = failure ? await stderr : await stdout;
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
    }

    /// <summary>Splits on spaces, keeping double-quoted words whole.</summary>
    private static IEnumerable<string> Split(string arguments)
    {
        var word = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in arguments)
        {
            if (c == '"' && (quoted || word.Length == 0))
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
