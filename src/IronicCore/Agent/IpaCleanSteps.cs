using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>
/// The clean steps ironic-python-agent's generic hardware manager reports (behaviour spec 5.8):
/// only the two erase steps have a priority, so automated cleaning runs
/// <c>erase_devices_metadata</c> (99) then <c>erase_devices</c> (10). All can be aborted.
/// </summary>
internal static class IpaCleanSteps
{
    public static ImmutableArray<StepDefinition> Default { get; } =
    [
        Deploy("erase_devices_metadata", 99),
        Deploy("erase_devices", 10),
        Deploy("erase_devices_express", 0),
        Deploy("erase_pstore", 0),
        Deploy("clean_uefi_nvram", 0),
        Deploy("burnin_cpu", 0),
        Deploy("burnin_gpu", 0),
        Deploy("burnin_disk", 0),
        Deploy("burnin_memory", 0),
        Deploy("burnin_network", 0),
        new("raid", "delete_configuration", 0, Abortable: true),
        new("raid", "create_configuration", 0, Abortable: true),
    ];

    private static StepDefinition Deploy(string step, int priority) => new("deploy", step, priority, Abortable: true);
}
