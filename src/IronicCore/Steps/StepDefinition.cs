using System.Collections.Immutable;

namespace IronicCore.Steps;

/// <summary>
/// A step a driver interface or the ramdisk agent declares (Ironic's <c>@clean_step</c> and
/// <c>@deploy_step</c>, IPA's <c>get_clean_steps</c>): its interface and name, priority
/// (0: only on request), whether it can be aborted, whether it needs the ramdisk agent,
/// whether the machine must reboot after it, and the arguments it takes (name → required).
/// </summary>
/// <param name="Interface">The interface owning the step, e.g. <c>deploy</c>.</param>
/// <param name="Step">The step's name, e.g. <c>erase_devices</c>.</param>
/// <param name="Priority">Its priority; 0 keeps it out of automated cleaning.</param>
/// <param name="Abortable">Whether <c>abort</c> stops it at once (else after it ends).</param>
/// <param name="RequiresRamdisk">Whether it needs the agent (false allows <c>disable_ramdisk</c>).</param>
/// <param name="ArgsInfo">Its arguments, name → required.</param>
/// <param name="RebootRequested">Whether the machine reboots into the agent after it.</param>
public sealed record StepDefinition(
    string Interface,
    string Step,
    int Priority,
    bool Abortable = false,
    bool RequiresRamdisk = true,
    ImmutableDictionary<string, bool>? ArgsInfo = null,
    bool RebootRequested = false)
{
    /// <summary>The step as a node's <c>clean_step</c>/<c>deploy_step</c> shows it; made once, shared by every node.</summary>
    public StepReference Reference { get; } = new(Interface, Step);

    /// <summary>
    /// The step's dictionary as the ramdisk agent reports it and Ironic stores it in
    /// <c>clean_step</c> (Python's notation), which Ironic's messages quote.
    /// </summary>
    internal string Describe()
    {
        var argsInfo = ArgsInfo is null
            ? "None"
            : $"{{{string.Join(", ", ArgsInfo.Select(a => $"{PythonRepr.Quote(a.Key)}: {{'required': {(a.Value ? "True" : "False")}}}"))}}}";
        return $"{{'interface': {PythonRepr.Quote(Interface)}, 'step': {PythonRepr.Quote(Step)}, 'priority': {Priority}, " +
            $"'reboot_requested': {Bool(RebootRequested)}, 'abortable': {Bool(Abortable)}, 'argsinfo': {argsInfo}, " +
            $"'requires_ramdisk': {Bool(RequiresRamdisk)}}}";

        static string Bool(bool value) => value ? "True" : "False";
    }

    /// <summary>The same step with another priority (an option's override).</summary>
    internal StepDefinition WithPriority(int priority) => priority == Priority ? this : this with { Priority = priority };
}
