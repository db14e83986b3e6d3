using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Steps;

namespace IronicCore.Api.Runbooks;

/// <summary>
/// A runbook named in a <c>clean</c> or <c>service</c> request (1.92): the node must be allowed to
/// use it (one of its traits is the runbook's name; from 1.112, one of the runbook's traits),
/// then its steps and <c>disable_ramdisk</c> stand for the request's, as if the caller had sent them.
/// </summary>
internal static class RunbookUse
{
    public static ProvisionRequest Apply(SimulationState simulation, NodeView node, string target, ApiVersion version, string ident, ProvisionRequest request)
    {
        if (!version.Allows(RunbookEndpoints.Since))
        {
            throw ApiFault.NotAcceptable();
        }

        var runbook = simulation.Conductor.GetRunbook(ident);
        var nodeTraits = node.Traits;
        if (version.Allows(RunbookFields.TraitsSince))
        {
            if (runbook.Traits.Count == 0)
            {
                throw ApiFault.BadRequest($"Runbook {runbook.Uuid} has no traits configured. Please ask an administrator to add traits to the runbook.");
            }

            if (!runbook.Traits.Overlaps(nodeTraits))
            {
                throw ApiFault.BadRequest(
                    $"This runbook has not been approved for use on this node {node.Uuid}. The node does not have any of the runbook's traits " +
                    $"[{string.Join(", ", runbook.Traits.Select(t => $"'{t}'"))}]. Please ask an administrator to add a matching trait to your node.");
            }
        }
        else if (!nodeTraits.Contains(runbook.Name))
        {
            throw ApiFault.BadRequest(
                $"This runbook has not been approved for use on this node {node.Uuid}. Please ask an administrator to add it to your node traits.");
        }

        request = request with { DisableRamdisk = runbook.DisableRamdisk };
        return target switch
        {
            "clean" => WithSteps(request, runbook, StepKind.Clean, request.CleanSteps, simulation.Conductor.Release),
            "service" => WithSteps(request, runbook, StepKind.Service, request.ServiceSteps, simulation.Conductor.Release),
            _ => request,
        };
    }

    private static ProvisionRequest WithSteps(
        ProvisionRequest request, IronicCore.Runbooks.RunbookView runbook, StepKind kind, System.Collections.Immutable.ImmutableArray<StepRequest>? given, IronicCore.States.IronicRelease release)
    {
        var field = kind == StepKind.Clean ? "clean_steps" : "service_steps";
        if (given is { IsDefaultOrEmpty: false })
        {
            throw ApiFault.BadRequest($"Please provide either \"{field}\" or a runbook, but not both.");
        }

        var json = new JsonArray([.. runbook.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["interface"] = s.Interface,
            ["step"] = s.Step,
            ["args"] = Http.IronicJson.Node(s.Args),
        })]);
        var (steps, _) = StepSchema.Read(JsonSerializer.SerializeToElement(json), kind, release);
        var errors = request.StepSchemaErrors.Remove(kind);
        return kind == StepKind.Clean
            ? request with { CleanSteps = steps, StepSchemaErrors = errors }
            : request with { ServiceSteps = steps, StepSchemaErrors = errors };
    }
}
