using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Conductor;

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
}
