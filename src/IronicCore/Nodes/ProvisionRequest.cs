using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Nodes;

/// <summary>
/// The optional fields of <c>PUT /v1/nodes/{node}/states/provision</c> beside the target.
/// Each is valid only with its verb, as in Ironic's API.
/// </summary>
public sealed record ProvisionRequest
{
    /// <summary><c>clean_steps</c>: required with <c>clean</c>, refused with any other verb.</summary>
    public ImmutableArray<StepRequest>? CleanSteps { get; init; }

    /// <summary><c>deploy_steps</c>: only with <c>active</c>, <c>deploy</c> or <c>rebuild</c>.</summary>
    public ImmutableArray<StepRequest>? DeploySteps { get; init; }

    /// <summary><c>service_steps</c>: required with <c>service</c> (Ironic master).</summary>
    public ImmutableArray<StepRequest>? ServiceSteps { get; init; }

    /// <summary><c>disable_ramdisk</c>: only with <c>clean</c> (and <c>service</c> on master).</summary>
    public bool? DisableRamdisk { get; init; }

    /// <summary><c>rescue_password</c>: required (non-blank) with <c>rescue</c>.</summary>
    public string? RescuePassword { get; init; }

    /// <summary>
    /// <c>runbook</c> (Ironic master, API 1.92): a runbook's UUID or name, with <c>clean</c> or
    /// <c>service</c>. Once the node's state allows the verb, the node must be approved for the
    /// runbook (from API 1.112 one of the runbook's traits is one of the node's; before, the node
    /// has a trait named like the runbook); then the runbook's steps and <c>disable_ramdisk</c>
    /// stand for the request's, as if the caller had sent them.
    /// </summary>
    public string? Runbook { get; init; }

    /// <summary>
    /// The microversion of Ironic's API the request is made with, for the checks Ironic's API makes
    /// once the node's state allows the verb: a runbook needs 1.92 and is approved by its traits
    /// from 1.112; <c>disable_ramdisk</c> with <c>service</c> needs 1.108; <c>abort</c> in
    /// <c>wait call-back</c> needs 1.110. Older versions refuse those with <c>NotAcceptable</c> (406).
    /// </summary>
    /// <value>Default: null, the newest the release serves.</value>
    public Version? ApiVersion { get; init; }

    /// <summary>No optional fields.</summary>
    public static ProvisionRequest None { get; } = new();

    /// <summary>
    /// Schema errors of step lists read from the wire (<see cref="FromJson"/>), by list; the
    /// conductor raises them where Ironic's API checks the schema, after the state checks.
    /// </summary>
    internal ImmutableDictionary<StepKind, string> StepSchemaErrors { get; init; } = ImmutableDictionary<StepKind, string>.Empty;

    /// <summary>
    /// The first key missing from a step read from the wire (<see cref="FromJson"/>), in the order
    /// Ironic master's step policy check reads them: deploy steps, clean steps, service steps.
    /// </summary>
    internal string? MissingStepKey { get; init; }

    /// <summary>Whether <see cref="ApiVersion"/> has what Ironic's API added in 1.<paramref name="minor"/>.</summary>
    internal bool Allows(int minor) => ApiVersion is not { } version || version >= new Version(1, minor);

    /// <summary>
    /// Reads the request's optional fields as Ironic's API receives them in the body's JSON
    /// (<c>clean_steps</c>, <c>deploy_steps</c>, <c>service_steps</c>, <c>disable_ramdisk</c>,
    /// <c>rescue_password</c>; other members are not read). A step list that breaks the API's schema is
    /// kept with its error, which the conductor raises where Ironic's API checks the schema: after the
    /// state checks, so a request refused for the node's state says so first.
    /// </summary>
    /// <param name="fields">The body's JSON object.</param>
    /// <param name="release">The Ironic release whose step schema applies.</param>
    /// <returns>The request, for <see cref="Conductor.SetProvisionState(string, string, ProvisionRequest?)"/>.</returns>
    /// <exception cref="InvalidOperationException"><c>disable_ramdisk</c> is not a boolean or <c>rescue_password</c> not a string.</exception>
    public static ProvisionRequest FromJson(System.Text.Json.JsonElement fields, States.IronicRelease release)
    {
        var errors = ImmutableDictionary<StepKind, string>.Empty;
        string? missingKey = null;
        foreach (var name in (ReadOnlySpan<string>)["deploy_steps", "clean_steps", "service_steps"])
        {
            missingKey ??= fields.TryGetProperty(name, out var list) ? StepSchema.MissingPolicyKey(list) : null;
        }

        ImmutableArray<StepRequest>? Steps(string name, StepKind kind)
        {
            if (!fields.TryGetProperty(name, out var list))
            {
                return null;
            }

            var (steps, error) = StepSchema.Read(list, kind, release);
            if (error is not null)
            {
                errors = errors.Add(kind, error);
            }

            return steps;
        }

        var request = new ProvisionRequest
        {
            // Read in Ironic's order of the policy check: deploy, clean, then service steps.
            DeploySteps = Steps("deploy_steps", StepKind.Deploy),
            CleanSteps = Steps("clean_steps", StepKind.Clean),
            ServiceSteps = Steps("service_steps", StepKind.Service),
            DisableRamdisk = fields.TryGetProperty("disable_ramdisk", out var disable) ? disable.GetBoolean() : null,
            RescuePassword = fields.TryGetProperty("rescue_password", out var password) ? password.GetString() : null,
        };
        return request with { StepSchemaErrors = errors, MissingStepKey = missingKey };
    }
}
