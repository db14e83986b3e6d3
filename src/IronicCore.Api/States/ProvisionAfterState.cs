using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Runbooks;
using IronicCore.Api.Versioning;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.States;

/// <summary>
/// The provision checks Ironic's API makes once the node's state allows the verb, in its order:
/// the runbook, <c>disable_ramdisk</c>'s verb and version, where a runbook's steps may go, and
/// <c>abort</c> of a deploy waiting for its agent (1.110).
/// </summary>
internal static class ProvisionAfterState
{
    private const string RunbookTargets = "\"runbooks\" is only valid when setting target provision state to any of ['clean', 'service']";

    public static ProvisionRequest Check(SimulationState simulation, NodeView node, string target, ApiVersion version, string? runbook, ProvisionRequest request)
    {
        if (runbook is not null)
        {
            request = RunbookUse.Apply(simulation, node, target, version, runbook, request);
        }

        if (request.DisableRamdisk is not null && target == "service" && !version.Allows(108))
        {
            throw new ApiFault(406, "disable_ramdisk is not acceptable in this API version");
        }

        if (request.DisableRamdisk is not null && target is not ("clean" or "service") && runbook is not null)
        {
            throw new BadRequestException("disable_ramdisk is supported only with manual cleaning or servicing");
        }

        if (runbook is not null && request.CleanSteps is { IsDefaultOrEmpty: false } && target != "clean")
        {
            throw new ClientSideErrorException(RunbookTargets);
        }

        if (target == "abort" && node.ProvisionState == ProvisionState.WaitCallBack && !version.Allows(110))
        {
            throw ApiFault.NotAcceptable();
        }

        if (runbook is not null && request.ServiceSteps is { IsDefaultOrEmpty: false } && target != "service")
        {
            throw new ClientSideErrorException(RunbookTargets);
        }

        return request;
    }
}
