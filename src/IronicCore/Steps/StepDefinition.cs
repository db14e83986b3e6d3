using System.Collections.Immutable;

namespace IronicCore.Steps;

/// <summary>
/// A step a driver interface declares (Ironic's <c>@clean_step</c>/<c>@deploy_step</c>):
/// its interface and name, priority, whether it can be aborted, whether it needs the
/// ramdisk agent, and the arguments it takes (name → required).
/// </summary>
internal sealed record StepDefinition(
    string Interface,
    string Step,
    int Priority,
    bool Abortable = false,
    bool RequiresRamdisk = true,
    ImmutableDictionary<string, bool>? ArgsInfo = null)
{
    /// <summary>The step as a node's <c>clean_step</c>/<c>deploy_step</c> shows it; made once, shared by every node.</summary>
    public Nodes.StepReference Reference { get; } = new(Interface, Step);
}
