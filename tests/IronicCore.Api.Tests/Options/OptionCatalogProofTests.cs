using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Redfish;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;
using static IronicCore.Api.Tests.Options.OptionProbes;

namespace IronicCore.Api.Tests.Options;

/// <summary>
/// Every option IronicCore accepts changes a decision: for each option of the catalog (the core's
/// and the driver packages' sections) a small run with the option at its default and one with
/// another value give different results. An option added without such a proof fails here; one
/// IronicCore does not simulate must be refused by name instead (<see cref="NotSimulatedOptionAttribute"/>).
/// </summary>
[TestFixture]
public sealed class OptionCatalogProofTests
{
    /// <summary>
    /// Options the fail-paths work of issue 17 brought and owns, read by the timed agent's requests
    /// (AgentClient) and the direct deploy's tear_down_agent (AgentDeploy); their tests
    /// (tests/IronicCore.Tests/Drivers/AgentClientTests.cs, TearDownAgentTests.cs) show them, no
    /// run of this catalog test does yet. Each must be an option of the catalog.
    /// </summary>
    private static readonly ImmutableArray<string> OwnedElsewhere =
    [
        "agent.command_timeout",
        "agent.max_command_attempts",
        "agent.post_deploy_get_power_state_retries",
        "agent.post_deploy_get_power_state_retry_interval",
    ];

    /// <summary>
    /// Options read by a decision no run can reach yet, each with why: no hardware type IronicCore
    /// runs waits for an inspection callback (fake inspection finishes at once, no-inspect refuses),
    /// and a node created in inspect wait has no inspection start, which Ironic's check needs.
    /// </summary>
    private static readonly ImmutableArray<string> NotReachedYet = ["conductor.inspect_wait_timeout"];

    private static readonly ImmutableArray<OptionProof> Proofs =
    [
        // Decisions the oracle shows: a committed 21.4 scenario run with and without the option.
        new("conductor.allow_provisioning_in_maintenance", "false", File("agent/ipmi-wait-states-maintenance-disallowed.json", "conductor.allow_provisioning_in_maintenance")),
        new("conductor.automated_clean", "false", File("automated-clean-option-false.json", "conductor.automated_clean")),
        new("conductor.check_provision_state_interval", "300", File("differential/check-provision-interval-300.json", "conductor.check_provision_state_interval")),
        new("conductor.check_rescue_state_interval", "600", File("differential/check-rescue-interval-600.json", "conductor.check_rescue_state_interval")),
        new("conductor.clean_callback_timeout", "0", File("differential/clean-callback-timeout-disabled.json", "conductor.clean_callback_timeout")),
        new("conductor.deploy_callback_timeout", "0", File("callback-timeout-wait-call-back.json", "conductor.deploy_callback_timeout")),
        new("conductor.force_power_state_during_sync", "false", File("power-sync-force-false.json", "conductor.force_power_state_during_sync")),
        new("conductor.max_concurrent_clean", "2", File("differential/max-concurrent-clean-2.json", "conductor.max_concurrent_clean")),
        new("conductor.max_concurrent_deploy", "1", File("differential/max-concurrent-deploy-1.json", "conductor.max_concurrent_deploy")),
        new("conductor.periodic_max_workers", "1", File("differential/max-workers-option-1-power-sync.json", "conductor.periodic_max_workers")),
        new("conductor.power_failure_recovery_interval", "100", File("differential/power-failure-recovery-interval-100.json", "conductor.power_failure_recovery_interval")),
        new("conductor.power_state_sync_max_retries", "0", File("differential/power-sync-max-retries-0.json", "conductor.power_state_sync_max_retries")),
        new("conductor.rescue_callback_timeout", "0", File("differential/rescue-callback-timeout-disabled.json", "conductor.rescue_callback_timeout")),
        new("conductor.sync_power_state_interval", "30", File("differential/power-sync-interval-30.json", "conductor.sync_power_state_interval")),
        new("conductor.record_step_flows_in_history", "false", File("redfish/redfish-deploy-step-waits-for-agent-url.master.json", "conductor.record_step_flows_in_history")),
        new("conductor.clean_step_priority_override", "[\"deploy.erase_devices_metadata:0\"]", File("agent/option-erase-devices-priority-zero.json", "conductor.clean_step_priority_override")),
        new("deploy.erase_devices_metadata_priority", "5", File("agent/option-erase-devices-metadata-priority-reorder.json", "deploy.erase_devices_metadata_priority")),
        new("deploy.erase_devices_priority", "0", File("agent/option-erase-devices-priority-zero.json", "deploy.erase_devices_priority")),
        new("deploy.fast_track", "true", File("agent/heartbeat-fast-track-stable-states.json", "deploy.fast_track")),
        new("deploy.power_off_after_deploy_failure", "false", File("agent/ipmi-wait-states-maintenance-disallowed.json", "deploy.power_off_after_deploy_failure")),
        new("conductor.node_history", "false", File("bmc-unreachable-power-failure.json", "conductor.node_history")),


        // Scenarios of our own, where the oracle cannot show the option or the release is master.
        new("conductor.service_callback_timeout", "0", Text(ServiceWait)),
        new("conductor.poweroff_in_cleanfail", "true", Text(FailingStep("manageable", "clean", "clean_steps"))),
        new("conductor.poweroff_in_servicefail", "true", Text(FailingStep("active", "service", "service_steps"))),
        new("agent.require_tls", "true", Text(Heartbeat21_4("clean wait"))),
        new("api.restrict_lookup", "false", Text(Heartbeat21_4("available"))),
        new("deploy.fast_track_timeout", "60", Text(FastTrackManualClean), Base: "{\"deploy.fast_track\": true}"),
        new("api.disallow_clean_steps", "[\"bios.factory_reset\"]", Text(ManualClean)),
        new("api.disallow_deploy_steps", "[\"deploy.deploy\"]", Text(DeployWithSteps)),
        new("api.disallow_service_steps", "[\"bios.factory_reset\"]", Text(Service)),
        new("ipmi.command_retry_timeout", "10", Ipmi(BmcFault.WrongCredentials, (c, _) => PowerOn(c))),
        new("ipmi.min_command_interval", "7", Ipmi(BmcFault.WrongCredentials, (c, _) => PowerOn(c))),
        new("ipmi.use_ipmitool_retries", "true", Ipmi(BmcFault.WrongCredentials, (c, _) => PowerOn(c))),
        new("ipmi.additional_retryable_ipmi_errors", "[\"Unable to establish\"]", Ipmi(BmcFault.WrongCredentials, (c, _) => PowerOn(c)), Base: "{\"ipmi.use_ipmitool_retries\": true}"),
        new("ipmi.disable_boot_timeout", "false", Ipmi(BmcFault.None, (c, _) => c.SetProvisionState("n", ApiVerb.Provide))),
        new("conductor.power_state_change_timeout", "10", Ipmi(BmcFault.PowerActionIgnored, (c, _) => PowerOn(c))),
        new("conductor.soft_power_off_timeout", "10", Ipmi(BmcFault.None, SoftPowerOffIgnored)),

        // A conductor whose agents act by themselves.
        new("api.ramdisk_heartbeat_timeout", "60", FleetRun, Base: "{\"conductor.automated_clean\": true}"),
        new("conductor.allow_deleting_available_nodes", "false", Conductor(IronicRelease.Master, DeleteAvailable)),
        new("DEFAULT.default_conductor_group", "\"rack-7\"", Conductor(IronicRelease.Master, c => c.Node("n", ProvisionState.Enroll).ConductorGroup)),
        new("conductor.node_history_max_entries", "1", Conductor(IronicRelease.Master, ManyHistoryEntries), Base: "{\"conductor.node_history_cleanup_interval\": 600}"),
        new("conductor.node_history_cleanup_interval", "600", Conductor(IronicRelease.Master, ManyHistoryEntries), Base: "{\"conductor.node_history_max_entries\": 1}"),
        new("conductor.node_history_cleanup_batch_count", "1", Conductor(IronicRelease.Master, ManyHistoryEntries), Base: "{\"conductor.node_history_max_entries\": 1, \"conductor.node_history_cleanup_interval\": 600}"),
        new("conductor.node_history_minimum_days", "5", Conductor(IronicRelease.Master, ManyHistoryEntries), Base: "{\"conductor.node_history_max_entries\": 1, \"conductor.node_history_cleanup_interval\": 600}"),
        new("conductor.automated_cleaning_step_source", "\"hybrid\"", Conductor(IronicRelease.Master, ProvideWithRunbook), Base: "{\"conductor.automated_cleaning_runbook\": \"CUSTOM_CLEAN\"}"),
        new("conductor.automated_cleaning_runbook", "\"CUSTOM_CLEAN\"", Conductor(IronicRelease.Master, ProvideWithRunbook), Base: "{\"conductor.automated_cleaning_step_source\": \"hybrid\"}"),
        new("conductor.automated_cleaning_runbook_by_resource_class", "{\"gold\": \"CUSTOM_CLEAN\"}", Conductor(IronicRelease.Master, ProvideWithRunbook), Base: "{\"conductor.automated_cleaning_step_source\": \"hybrid\"}"),
        new("conductor.automated_cleaning_runbook_from_node", "true", Conductor(IronicRelease.Master, ProvideWithRunbook), Base: "{\"conductor.automated_cleaning_step_source\": \"hybrid\"}"),
        new("conductor.enable_health_monitoring", "false", Conductor(IronicRelease.Master, RedfishHealthAfterPowerSync)),
        new("conductor.automated_cleaning_runbook_validate_traits", "false", Conductor(IronicRelease.Master, ProvideWithUnapprovedRunbook), Base: "{\"conductor.automated_cleaning_step_source\": \"hybrid\", \"conductor.automated_cleaning_runbook\": \"CUSTOM_CLEAN\"}"),

        // The fleet: conductors, the hash ring and the worker pool.
        new("conductor.heartbeat_timeout", "600", FleetRun),
        new("DEFAULT.hash_ring_reset_interval", "600", FleetRun),
        new("DEFAULT.hash_partition_exponent", "1", FleetRun),
        new("conductor.workers_pool_size", "20", StartUp(IronicRelease.Master)),

        // The API.
        new("api.enable_ramdisk_endpoints", "false", ApiGet("/v1/lookup?addresses=52:54:00:00:00:01")),
        new("conductor.conductor_group", "\"rack-7\"", ApiGet("/v1/conductors?detail=true")),

        // Master's start-up checks.
        new("conductor.reserved_workers_pool_percentage", "50", StartUp(IronicRelease.Master), Base: "{\"conductor.workers_pool_size\": 30}"),
        new("conductor.sync_power_state_workers", "280", StartUp(IronicRelease.Master)),
        new("deploy.http_url", "\"not a url\"", StartUp(IronicRelease.Master)),
    ];

    private static string ServiceWait => """
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "deploy_interface": "direct", "provision_state": "service wait", "power_state": "power on"}],
         "steps": [{"op": "advance", "seconds": 2000}]}
        """;

    private static string FastTrackManualClean => """
        {"format": "ironic-sim/scenario@1", "ironic_release": "21.4", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "deploy_interface": "direct", "provision_state": "manageable", "power_state": "power on"}],
         "steps": [{"op": "heartbeat", "node": "n"}, {"op": "advance", "seconds": 100},
                   {"op": "provision", "node": "n", "target": "clean", "clean_steps": [{"interface": "deploy", "step": "erase_devices_metadata"}]},
                   {"op": "heartbeat", "node": "n"}]}
        """;

    private static string ManualClean => """
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "provision_state": "manageable", "power_state": "power off"}],
         "steps": [{"op": "provision", "node": "n", "target": "clean", "clean_steps": [{"interface": "bios", "step": "factory_reset"}]}]}
        """;

    private static string DeployWithSteps => """
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "provision_state": "available", "power_state": "power off"}],
         "steps": [{"op": "provision", "node": "n", "target": "active", "deploy_steps": [{"interface": "deploy", "step": "deploy", "args": {}, "priority": 0}]}]}
        """;

    private static string Service => """
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "provision_state": "active", "power_state": "power on"}],
         "steps": [{"op": "provision", "node": "n", "target": "service", "service_steps": [{"interface": "bios", "step": "factory_reset"}]}]}
        """;

    private static IEnumerable<TestCaseData> EveryOption() =>
        new ConductorOptions(IronicRelease.Master) { DriverSections = [.. Sections] }.ToNames().Keys
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(EveryOption))]
    public void Option_ChangesADecision_OrIsOwnedElsewhere(string option)
    {
        if (OwnedElsewhere.Contains(option) || NotReachedYet.Contains(option))
        {
            Assert.Pass($"{option}: see {(OwnedElsewhere.Contains(option) ? nameof(OwnedElsewhere) : nameof(NotReachedYet))}.");
        }

        var proof = Proofs.SingleOrDefault(p => p.Option == option);
        Assert.That(proof, Is.Not.Null, $"{option} has no proof that it changes a decision: add one here, or refuse it as not simulated ([NotSimulatedOption]).");

        var atDefault = proof!.Observe(proof.Options(withOption: false));
        var atOther = proof.Observe(proof.Options(withOption: true));

        Assert.That(atOther, Is.Not.EqualTo(atDefault), $"{option} = {proof.Value} changes nothing that can be seen:\n{atDefault[..Math.Min(atDefault.Length, 3000)]}");
    }

    [Test]
    public void EveryProof_IsForAnOptionOfTheCatalog()
    {
        var names = new ConductorOptions(IronicRelease.Master) { DriverSections = [.. Sections] }.ToNames().Keys;

        Assert.That(Proofs.Select(p => p.Option).Concat(OwnedElsewhere).Concat(NotReachedYet), Is.SubsetOf(names).And.Unique);
    }

    /// <summary>A master fake-hardware node, powered on in <paramref name="state"/>, asked to run a BIOS step that fails.</summary>
    private static string FailingStep(string state, string verb, string field) => $$$"""
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "provision_state": "{{{state}}}", "power_state": "power on"}],
         "steps": [{"op": "provision", "node": "n", "target": "{{{verb}}}", "{{{field}}}": [{"interface": "bios", "step": "apply_configuration", "args": {"settings": "bad"}}]}]}
        """;

    /// <summary>A managed redfish node's health after a power sync (master reads it unless told not to).</summary>
    private static string RedfishHealthAfterPowerSync(Conductor conductor)
    {
        conductor.AddRedfishHardwareType();
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "r",
            Driver = "redfish",
            ProvisionState = ProvisionState.Manageable,
            PowerState = PowerState.PowerOff,
            DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("redfish_address", "https://10.1.0.5"),
        });
        conductor.Clock.Advance(TimeSpan.FromSeconds(121));
        return conductor.GetNode("r").Health?.ToIronicName() ?? "None";
    }

    private static string DeleteAvailable(Conductor conductor)
    {
        conductor.Node("n", ProvisionState.Available, deploy: "fake");
        conductor.DeleteNode("n");
        return string.Empty;
    }

    private static string Heartbeat21_4(string state) => $$"""
        {"format": "ironic-sim/scenario@1", "ironic_release": "21.4", "seed": 1,
         "nodes": [{"name": "n", "driver": "fake-hardware", "deploy_interface": "direct", "provision_state": "{{state}}", "power_state": "power on"}],
         "steps": [{"op": "heartbeat", "node": "n"}]}
        """;

    private static void PowerOn(Conductor conductor) => conductor.SetPowerState("n", PowerState.PowerOn);

    /// <summary>Powers the node on, then asks for a soft power off that the machine ignores.</summary>
    private static void SoftPowerOffIgnored(Conductor conductor, SimulatedBmc bmc)
    {
        PowerOn(conductor);
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));
        bmc.Faults = BmcFault.PowerActionIgnored;
        conductor.SetPowerState("n", PowerState.SoftPowerOff);
    }

    /// <summary>Six failed manual cleanings a minute apart (each a history entry), then up to 15 minutes: one clean-up pass at 600 s, none at the default day.</summary>
    private static string ManyHistoryEntries(Conductor conductor)
    {
        conductor.Node("n", ProvisionState.Manageable, deploy: "fake");
        conductor.Node("m", ProvisionState.Manageable, deploy: "fake");
        var failing = new StepRequest("bios", "apply_configuration", JsonDocument.Parse("{\"settings\": \"bad\"}").RootElement);
        for (var i = 0; i < 6; i++)
        {
            foreach (var node in new[] { "n", "m" })
            {
                conductor.SetProvisionState(node, ApiVerb.Clean, new ProvisionRequest { CleanSteps = [failing] });
                conductor.SetProvisionState(node, ApiVerb.Manage);
                conductor.ClearMaintenance(node);
            }

            conductor.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        conductor.Clock.Advance(TimeSpan.FromMinutes(9));
        return string.Empty;
    }

    private static string ProvideWithUnapprovedRunbook(Conductor conductor) => ProvideWithRunbook(conductor, "CUSTOM_SILVER");

    private static string ProvideWithRunbook(Conductor conductor) => ProvideWithRunbook(conductor, "CUSTOM_GOLD");

    /// <summary>Runbook CUSTOM_CLEAN (a failing step) with <paramref name="runbookTrait"/>; a gold node with trait CUSTOM_GOLD naming it in driver_info, provided.</summary>
    private static string ProvideWithRunbook(Conductor conductor, string runbookTrait)
    {
        conductor.FailingRunbook(runbookTrait);
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n",
            DeployInterface = "fake",
            ProvisionState = ProvisionState.Manageable,
            ResourceClass = "gold",
            DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("cleaning_runbook", "CUSTOM_CLEAN"),
        });
        conductor.AddNodeTraits("n", ["CUSTOM_GOLD"]);
        conductor.SetProvisionState("n", ApiVerb.Provide);
        conductor.Clock.Advance(TimeSpan.FromMinutes(10));
        return string.Empty;
    }
}
