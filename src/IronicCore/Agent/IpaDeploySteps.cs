using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>
/// The in-band deploy steps ironic-python-agent reports (the scenario format's default, as the
/// oracle's agent reports them): writing the image and injecting files, priority 0 and without
/// argument descriptions, so a deployment runs one only when asked, and with no arguments. The direct
/// deploy interface's own <c>write_image</c> shadows the agent's.
/// </summary>
internal static class IpaDeploySteps
{
    public static ImmutableArray<StepDefinition> Default { get; } =
    [
        new("deploy", "write_image", 0),
        new("deploy", "inject_files", 0),
    ];
}
