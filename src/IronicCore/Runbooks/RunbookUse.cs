using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Runbooks;

/// <summary>
/// A runbook named in a <c>clean</c> or <c>service</c> request (Ironic API's <c>_handle_runbook</c>):
/// the node must be approved for it (one of its traits is the runbook's name; from API 1.112, one
/// of the runbook's traits), then its steps and <c>disable_ramdisk</c> stand for the request's,
/// as if the caller had sent them. Any other verb keeps its own fields, the runbook's
/// <c>disable_ramdisk</c> aside.
/// </summary>
internal static class RunbookUse
{
    /// <summary>The API version that has runbooks.</summary>
    private const int Since = 92;

    /// <summary>The API version that approves runbooks by their traits.</summary>
    private const int TraitsSince = 112;

    /// <exception cref="NotAcceptableException">The request's API version has no runbooks (406).</exception>
    /// <exception cref="RunbookNotFoundException">No runbook has the ident (404).</exception>
    /// <exception cref="InvalidUuidOrNameException">The ident is neither a UUID nor a logical name (400).</exception>
    /// <exception cref="ClientSideErrorException">The node is not approved for the runbook, or steps were given too (400).</exception>
    public static ProvisionRequest Apply(Node node, ApiVerb verb, ProvisionRequest request, string ident, RunbookTable runbooks)
    {
        if (!request.Allows(Since))
        {
            throw new NotAcceptableException();
        }

        var runbook = runbooks.Get(ident);
        var nodeTraits = node.Details.Traits;
        if (request.Allows(TraitsSince))
        {
            if (runbook.Traits.Count == 0)
            {
                throw new ClientSideErrorException($"Runbook {runbook.Uuid} has no traits configured. Please ask an administrator to add traits to the runbook.");
            }

            if (!runbook.Traits.Overlaps(nodeTraits))
            {
                throw new ClientSideErrorException(
                    $"This runbook has not been approved for use on this node {node.Uuid}. The node does not have any of the runbook's traits " +
                    $"{TraitList(runbook.Traits)}. Please ask an administrator to add a matching trait to your node.");
            }
        }
        else if (!nodeTraits.Contains(runbook.Name))
        {
            throw new ClientSideErrorException(
                $"This runbook has not been approved for use on this node {node.Uuid}. Please ask an administrator to add it to your node traits.");
        }

        request = request with { DisableRamdisk = runbook.DisableRamdisk };
        return verb switch
        {
            ApiVerb.Clean => WithSteps(request, runbook, StepKind.Clean, request.CleanSteps),
            ApiVerb.Service => WithSteps(request, runbook, StepKind.Service, request.ServiceSteps),
            _ => request,
        };
    }

    /// <summary>Ironic's <c>convert_steps</c>: a runbook's steps as a user's, keeping their <c>args</c> and <c>order</c>.</summary>
    public static ImmutableArray<StepRequest> Steps(Runbook runbook) =>
        [.. runbook.Steps.Select(s => new StepRequest(s.Interface, s.Step, s.Args) { Order = s.Order })];

    /// <summary>A sorted list of traits as Python prints it, as Ironic's messages show the runbook's.</summary>
    public static string TraitList(ImmutableSortedSet<string> traits) => $"[{string.Join(", ", traits.Select(PythonRepr.Quote))}]";

    private static ProvisionRequest WithSteps(ProvisionRequest request, Runbook runbook, StepKind kind, ImmutableArray<StepRequest>? given)
    {
        if (given is { IsDefaultOrEmpty: false })
        {
            var field = kind == StepKind.Clean ? "clean_steps" : "service_steps";
            throw new ClientSideErrorException($"Please provide either \"{field}\" or a runbook, but not both.");
        }

        var steps = Steps(runbook);
        var errors = request.StepSchemaErrors.Remove(kind);
        return kind == StepKind.Clean
            ? request with { CleanSteps = steps, StepSchemaErrors = errors }
            : request with { ServiceSteps = steps, StepSchemaErrors = errors };
    }
}
