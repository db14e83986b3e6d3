using System.Text.Json;

namespace IronicCore.Steps;

/// <summary>
/// A step a driver interface or the ramdisk agent declares (Ironic's <c>@clean_step</c> and
/// <c>@deploy_step</c>, IPA's <c>get_clean_steps</c>): its interface and name, priority
/// (0: only on request), whether it can be aborted, whether it needs the ramdisk agent,
/// whether the machine must reboot after it, and the arguments it takes (its <c>argsinfo</c>).
/// </summary>
/// <param name="Interface">The interface owning the step, e.g. <c>deploy</c>.</param>
/// <param name="Step">The step's name, e.g. <c>erase_devices</c>.</param>
/// <param name="Priority">Its priority; 0 keeps it out of automated cleaning.</param>
/// <param name="Abortable">Whether <c>abort</c> stops it at once (else after it ends).</param>
/// <param name="RequiresRamdisk">Whether it needs the agent (false allows <c>disable_ramdisk</c>).</param>
/// <param name="ArgsInfo">
/// Its arguments as the driver or agent declares them, a JSON object
/// <c>{"name": {"description": "...", "required": true}}</c> (its order is kept: Ironic's
/// messages list the missing arguments, with their descriptions, in that order), or null.
/// </param>
/// <param name="RebootRequested">Whether the machine reboots into the agent after it.</param>
public sealed record StepDefinition(
    string Interface,
    string Step,
    int Priority,
    bool Abortable = false,
    bool RequiresRamdisk = true,
    JsonElement? ArgsInfo = null,
    bool RebootRequested = false)
{
    /// <summary>The step as a node's <c>clean_step</c>/<c>deploy_step</c> shows it; made once, shared by every node.</summary>
    public StepReference Reference { get; } = new(Interface, Step);

    /// <summary>
    /// The step's dictionary as the ramdisk agent reports it and Ironic stores it in
    /// <c>clean_step</c> (Python's notation), which Ironic's messages quote.
    /// </summary>
    internal string Describe() =>
        $"{{'interface': {PythonRepr.Quote(Interface)}, 'step': {PythonRepr.Quote(Step)}, 'priority': {Priority}, " +
        $"'reboot_requested': {Bool(RebootRequested)}, 'abortable': {Bool(Abortable)}, " +
        $"'argsinfo': {(ArgsInfo is { } info ? PythonRepr.Of(info) : "None")}, 'requires_ramdisk': {Bool(RequiresRamdisk)}}}";

    /// <summary>
    /// The step's dictionary as a driver declares a deploy step and Ironic keeps it in the
    /// deployment's <c>deploy_steps</c> (Python's notation). A deploy step a driver runs unasked is
    /// abortable, the decorator's default (the one that is not, <c>firmware.update</c>, runs only when
    /// asked for, as the user's dictionary).
    /// </summary>
    internal string DescribeDeployStep() =>
        $"{{'step': {PythonRepr.Quote(Step)}, 'priority': {Priority}, 'abortable': True, " +
        $"'argsinfo': {(ArgsInfo is { } info ? PythonRepr.Of(info) : "None")}, 'interface': {PythonRepr.Quote(Interface)}}}";

    /// <summary>
    /// The step's dictionary as a driver interface declares a clean step (Ironic's <c>clean_step</c>
    /// decorator, which automated cleaning lists as is), in Python's notation.
    /// </summary>
    internal string DescribeCleanStep() =>
        $"{{'step': {PythonRepr.Quote(Step)}, 'priority': {Priority}, 'abortable': {Bool(Abortable)}, " +
        $"'argsinfo': {(ArgsInfo is { } info ? PythonRepr.Of(info) : "None")}, 'interface': {PythonRepr.Quote(Interface)}, " +
        $"'requires_ramdisk': {Bool(RequiresRamdisk)}}}";

    /// <summary>
    /// The declared arguments in their order: whether each is required and its description
    /// (Ironic reads <c>required</c> and <c>description</c> of each, as truthy values).
    /// </summary>
    internal IEnumerable<(string Name, bool Required, string? Description)> Arguments =>
        ArgsInfo is { ValueKind: JsonValueKind.Object } info
            ? info.EnumerateObject().Select(a => (a.Name, Truthy(a.Value, "required"), Description(a.Value)))
            : [];

    /// <summary>
    /// Whether the step stands for a user's step run as given, unchecked against any driver
    /// (Ironic master's servicing when the deploy interface boots no ramdisk): such a step has no
    /// definition of its own and a priority no declared step has.
    /// </summary>
    internal bool IsAsGiven => Priority < 0;

    /// <summary>The place-holder definition of a user's step run as given (see <see cref="IsAsGiven"/>).</summary>
    internal static StepDefinition AsGiven(StepRequest user) => new(user.Interface, user.Step, -1);

    /// <summary>The same step with another priority (an option's override).</summary>
    internal StepDefinition WithPriority(int priority) => priority == Priority ? this : this with { Priority = priority };

    private static string Bool(bool value) => value ? "True" : "False";

    private static bool Truthy(JsonElement info, string key) =>
        info.ValueKind == JsonValueKind.Object && info.TryGetProperty(key, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => value.GetString()!.Length > 0,
            JsonValueKind.Number => value.GetDouble() != 0,
            JsonValueKind.Object => value.EnumerateObject().Any(),
            JsonValueKind.Array => value.GetArrayLength() > 0,
            _ => false,
        };

    private static string? Description(JsonElement info) =>
        Truthy(info, "description") ? PythonStr(info.GetProperty("description")) : null;

    private static string PythonStr(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : PythonRepr.Of(value);
}
