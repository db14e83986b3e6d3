using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Runbooks;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// The provision checks Ironic's API makes once the node's state allows the verb, in its order:
/// the runbook, <c>disable_ramdisk</c>'s verb and version, where a runbook's steps may go, and
/// <c>abort</c> of a deploy waiting for its agent (API 1.110).
/// </summary>
internal static class ProvisionAfterState
{
    private const string RunbookTargets = "\"runbooks\" is only valid when setting target provision state to any of ['clean', 'service']";

    /// <summary>The checked request to carry on with: a runbook's steps in place of the caller's.</summary>
    public static ProvisionRequest Check(Node node, ApiVerb verb, ProvisionRequest request, RunbookTable runbooks, IronicRelease release)
    {
        var runbook = request.Runbook;
        if (runbook is not null)
        {
            if (!ReleaseProfile.For(release).ProvisionTakesRunbook)
            {
                throw new ClientSideErrorException("Unexpected arguments: runbook");
            }

            request = RunbookUse.Apply(node, verb, request, runbook, runbooks);
        }

        var profile = ReleaseProfile.For(release);
        if (request.DisableRamdisk is not null && verb == ApiVerb.Service && profile.ServiceTakesDisableRamdisk && !request.Allows(108))
        {
            throw new NotAcceptableException("disable_ramdisk is not acceptable in this API version");
        }

        if (request.DisableRamdisk is not null && verb is not (ApiVerb.Clean or ApiVerb.Service) && runbook is not null)
        {
            throw BadRequest(profile, "disable_ramdisk is supported only with manual cleaning or servicing");
        }

        if (runbook is not null && request.CleanSteps is { IsDefaultOrEmpty: false } && verb != ApiVerb.Clean)
        {
            throw new ClientSideErrorException(RunbookTargets);
        }

        if (verb == ApiVerb.Abort && node.ProvisionState == ProvisionState.WaitCallBack && !request.Allows(110))
        {
            throw new NotAcceptableException();
        }

        if (runbook is not null && request.ServiceSteps is { IsDefaultOrEmpty: false } && verb != ApiVerb.Service)
        {
            throw new ClientSideErrorException(RunbookTargets);
        }

        return request;
    }

    /// <summary>Ironic's <c>BadRequest</c> as the release raises it.</summary>
    public static IronicException BadRequest(ReleaseProfile profile, string reason) =>
        profile.BadRequestIsInvalid ? new InvalidException(reason) : new BadRequestException(reason);
}
