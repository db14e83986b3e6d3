using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>
/// The service steps ironic-python-agent's generic hardware manager reports (the scenario
/// format's default, as the oracle's agent reports them): all priority 0, so servicing runs only
/// the steps a request names. The RAID and burn-in steps can be aborted; writing an image and the
/// RAID configuration cannot. None asks for a reboot.
/// </summary>
internal static class IpaServiceSteps
{
    public static ImmutableArray<StepDefinition> Default { get; } =
    [
        new("raid", "delete_configuration", 0, Abortable: true),
        new("raid", "apply_configuration", 0, ArgsInfo: JsonElement.Parse(
            """
            {"raid_config": {"description": "The RAID configuration to apply.", "required": true},
             "delete_existing": {"description": "Delete existing RAID configuration first (default True).", "required": false}}
            """)),
        new("raid", "create_configuration", 0, Abortable: true),
        new("deploy", "burnin_cpu", 0, Abortable: true),
        new("deploy", "burnin_gpu", 0, Abortable: true),
        new("deploy", "burnin_memory", 0, Abortable: true),
        new("deploy", "burnin_network", 0, Abortable: true),
        new("deploy", "write_image", 0),
        new("deploy", "inject_files", 0, ArgsInfo: JsonElement.Parse(
            """
            {"files": {"description": "Files to inject.", "required": false},
             "verify_ca": {"description": "Whether to verify TLS certificates.", "required": false}}
            """)),
        new("deploy", "execute_bootc_install", 0),
    ];
}
