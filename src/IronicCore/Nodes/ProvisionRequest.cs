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

    /// <summary>No optional fields.</summary>
    public static ProvisionRequest None { get; } = new();

    /// <summary>
    /// Schema errors of step lists read from the wire (<see cref="FromJson"/>), by list; the
    /// conductor raises them where Ironic's API checks the schema, after the state checks.
    /// </summary>
    internal ImmutableDictionary<StepKind, string> StepSchemaErrors { get; init; } = ImmutableDictionary<StepKind, string>.Empty;

    /// <summary>
    /// The API's checks that Ironic makes once the node's state allows the verb (a runbook in
    /// place of steps, version gates that depend on the node's state): given the node, they
    /// refuse the request or give the request to carry on with.
    /// </summary>
    internal Func<Nodes.NodeView, ProvisionRequest>? AfterStateCheck { get; init; }

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
            CleanSteps = Steps("clean_steps", StepKind.Clean),
            DeploySteps = Steps("deploy_steps", StepKind.Deploy),
            ServiceSteps = Steps("service_steps", StepKind.Service),
            DisableRamdisk = fields.TryGetProperty("disable_ramdisk", out var disable) ? disable.GetBoolean() : null,
            RescuePassword = fields.TryGetProperty("rescue_password", out var password) ? password.GetString() : null,
        };
        return request with { StepSchemaErrors = errors };
    }
}
