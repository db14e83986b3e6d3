using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// <c>PUT /v1/nodes/{node}/states/provision</c>: the API's checks (Ironic's
/// <c>NodeStatesController.provision</c>), the hand-over to the part that runs the verb, and
/// Ironic's <c>do_provisioning_action</c> and <c>_do_abort</c> for the verbs that need no part
/// of their own; the concurrency limits of deploy and clean.
/// </summary>
internal sealed class Provisioning(ConductorContext context)
{
    /// <summary>Carries out a provision request after the API's checks.</summary>
    public void Request(Node node, ApiVerb verb, ProvisionRequest request)
    {
        request = CheckRequest(node, verb, request);
        switch (verb)
        {
            case ApiVerb.Active or ApiVerb.Deploy or ApiVerb.Rebuild:
                context.Deployment.Start(node, verb, request);
                break;
            case ApiVerb.Deleted or ApiVerb.Undeploy:
                context.Deployment.StartTearDown(node);
                break;
            case ApiVerb.Clean:
                context.Cleaning.StartManual(node, request);
                break;
            case ApiVerb.Rescue:
                context.Rescue.Start(node, request);
                break;
            case ApiVerb.Unrescue:
                context.Rescue.StartUnrescue(node);
                break;
            case ApiVerb.Inspect:
                context.Inspection.Start(node);
                break;
            case ApiVerb.Service:
                context.Servicing.Start(node, request);
                break;
            default:
                DoProvisioningAction(node, verb);
                break;
        }
    }

    /// <summary>A target that is no verb of this release: the lock first, then Ironic's <c>InvalidStateRequested</c>.</summary>
    public void RefuseUnknown(Node node, string target)
    {
        if (node.Reservation is { } host)
        {
            throw new NodeLockedException(node.Uuid, host);
        }

        throw context.Tasks.NotAllowed(node, target);
    }

    /// <summary>The API's pre-checks (Ironic's <c>NodeStatesController.provision</c>), before any conductor work; returns the request to carry out.</summary>
    private ProvisionRequest CheckRequest(Node node, ApiVerb verb, ProvisionRequest request)
    {
        // Master's step policy check (validate_user_steps_policy) comes first, for every verb, and
        // reads each step's interface and step before any schema check.
        if (context.Profile.ChecksStepPolicyFirst && request.Runbook is null && request.MissingStepKey is { } key)
        {
            throw new KeyErrorException(key);
        }

        var verbName = verb.ToIronicName();
        if (verb is ApiVerb.Active or ApiVerb.Rebuild && node.Maintenance
            && !context.MaintenancePolicy.AllowsRequest(node.ToView(), verb, context.Options))
        {
            throw new NodeInMaintenanceException("provisioning", node.Uuid);
        }

        var knownVerb = verb == ApiVerb.Rebuild || context.Machine.ApiVerbs.Contains(verb);
        if (!knownVerb || !context.Machine.TryFire(node.ProvisionState, ProvisionStateMachine.EventOf(verb), out _))
        {
            if (node.Reservation is { } host)
            {
                throw new NodeLockedException(node.Uuid, host);
            }

            throw context.Tasks.NotAllowed(node, verbName);
        }

        request = ProvisionAfterState.Check(node, verb, request, context.Runbooks, context.Release);

        var service = context.Profile.ServiceTakesDisableRamdisk;
        if (request.DisableRamdisk is not null && verb != ApiVerb.Clean && !(service && verb == ApiVerb.Service))
        {
            throw ProvisionAfterState.BadRequest(context.Profile, "disable_ramdisk is supported only with manual cleaning" + (service ? " or servicing" : string.Empty));
        }

        RefuseUnless(IsEmpty(request.CleanSteps) || verb == ApiVerb.Clean, "clean_steps", "clean");
        RefuseUnless(IsEmpty(request.DeploySteps) || verb is ApiVerb.Active or ApiVerb.Rebuild, "deploy_steps", "active or rebuild");
        RefuseUnless(request.RescuePassword is null || verb == ApiVerb.Rescue, "rescue_password", "rescue");
        RefuseUnless(IsEmpty(request.ServiceSteps) || verb == ApiVerb.Service, "service_steps", "service");

        switch (verb)
        {
            case ApiVerb.Active or ApiVerb.Deploy or ApiVerb.Rebuild when !IsEmpty(request.DeploySteps):
                CheckStepsSchema(request, request.DeploySteps!.Value, StepKind.Deploy, "deploy_steps");
                break;
            case ApiVerb.Rescue when string.IsNullOrWhiteSpace(request.RescuePassword):
                throw new ClientSideErrorException(
                    "A non-empty \"rescue_password\" is required when setting target provision state to rescue");
            case ApiVerb.Clean:
                CheckStepsSchema(request, Required(request.CleanSteps, "clean_steps", "clean"), StepKind.Clean, "clean_steps");
                break;
            case ApiVerb.Service:
                CheckStepsSchema(request, Required(request.ServiceSteps, "service_steps", "service"), StepKind.Service, "service_steps");
                break;
        }

        return request;

        static void RefuseUnless(bool valid, string field, string verbs)
        {
            if (!valid)
            {
                throw new ClientSideErrorException($"\"{field}\" is only valid when setting target provision state to {verbs}");
            }
        }

        static ImmutableArray<StepRequest> Required(ImmutableArray<StepRequest>? steps, string field, string verb) =>
            IsEmpty(steps)
                ? throw new ClientSideErrorException($"\"{field}\" is required when setting target provision state to {verb}")
                : steps!.Value;
    }

    private static bool IsEmpty(ImmutableArray<StepRequest>? steps) => steps is null or { IsDefaultOrEmpty: true };

    /// <summary>The API's <c>_check_*_steps</c>: the steps' schema, then (master) the operator's <c>[api] disallow_*_steps</c>.</summary>
    private void CheckStepsSchema(ProvisionRequest request, ImmutableArray<StepRequest> steps, StepKind kind, string field)
    {
        if ((request.StepSchemaErrors.GetValueOrDefault(kind) ?? StepSchema.Check(steps, kind, context.Release)) is { } error)
        {
            throw new InvalidParameterValueException($"Invalid {field}: {error}");
        }

        var disallowed = context.Plans.DisallowedSteps(kind);
        foreach (var step in steps)
        {
            if (StepPlans.IsDisallowed(disallowed, step.Interface, step.Step))
            {
                throw new StepNotAllowedException($"{step.Interface}.{step.Step}", kind.ToString().ToLowerInvariant());
            }
        }
    }

    /// <summary>Ironic's <c>do_provisioning_action</c>: provide, manage, adopt, abort, unhold.</summary>
    private void DoProvisioningAction(Node node, ApiVerb verb)
    {
        context.Tasks.EnsureUnlocked(node);
        switch (verb)
        {
            case ApiVerb.Provide when node.ProvisionState == ProvisionState.Manageable:
                if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), verb, context.Options))
                {
                    throw new NodeInMaintenanceException("providing", node.Uuid);
                }

                if (node.Retired)
                {
                    throw new NodeIsRetiredException("providing", node.Uuid);
                }

                context.Cleaning.ChooseAutomatedCleaningSteps(node);
                context.Tasks.SpawnWorker(node, ProvisionEvent.Provide, Worker.AutomatedClean);
                return;
            case ApiVerb.Manage when node.ProvisionState == ProvisionState.Enroll:
                context.Tasks.SpawnWorker(node, ProvisionEvent.Manage, Worker.Verify);
                return;
            case ApiVerb.Adopt when node.ProvisionState is ProvisionState.Manageable or ProvisionState.AdoptFailed:
                context.Tasks.SpawnWorker(node, ProvisionEvent.Adopt, Worker.Adopt);
                return;
            case ApiVerb.Abort:
                Abort(node);
                return;
            case ApiVerb.Unhold when node.ProvisionState == ProvisionState.ServiceHold:
                context.Tasks.FireRequested(node, ProvisionEvent.Unhold, "unhold", worker: Worker.ServiceUnhold);
                return;
            default:
                context.Tasks.FireRequested(node, ProvisionStateMachine.EventOf(verb), verb.ToIronicName());
                return;
        }
    }

    /// <summary>Ironic's <c>_do_abort</c>, and the plain <c>abort</c> event elsewhere.</summary>
    private void Abort(Node node)
    {
        switch (node.ProvisionState)
        {
            case ProvisionState.CleanWait or ProvisionState.CleanHold:
                if (node.CleanStep is { } step && !node.StepAbortable)
                {
                    node.AbortAfterStep = true;
                    return;
                }

                context.Tasks.FireRequested(
                    node, ProvisionEvent.Abort, "abort",
                    node.TargetProvisionState == ProvisionState.Manageable ? ProvisionState.Manageable : null,
                    Worker.CleanAbort,
                    StepRunner.AbortedByRequest("clean", node.CleanStep));
                return;
            case ProvisionState.ServiceWait or ProvisionState.ServiceHold when context.Profile.AbortsServiceStep:
                context.Servicing.Abort(node);
                return;
            case ProvisionState.RescueWait:
                context.Tasks.SpawnWorker(node, ProvisionEvent.Abort, Worker.RescueAbort);
                return;
            case ProvisionState.InspectWait:
                throw new UnsupportedDriverExtensionException(node.Interfaces.Driver, "abort");
            case ProvisionState.WaitCallBack:
                if (context.Profile.DeployAbortWaitsForUserStep && node.DeployStepIndex is { } current
                    && current < node.DeployPlan.Length && node.DeployPlan[current].User is not null)
                {
                    // Master waits for a step the user asked for: the deployment aborts once it completes.
                    node.AbortAfterStep = true;
                    return;
                }

                // Ironic cuts the agent off at once (the driver's own deploy steps are abortable, the
                // decorator's default), then a worker cleans the deploy up.
                node.AgentUrl = null;
                context.Tasks.SpawnWorker(node, ProvisionEvent.Abort, Worker.DeployAbort);
                return;
            case ProvisionState.DeployHold:
                // Ironic cuts the agent off, then tears the deployment down from deploy failed
                // (_do_node_tear_down, whose closing clean event that state refuses).
                node.AgentUrl = null;
                node.TearDownFrom = ProvisionState.DeployHold;
                context.Tasks.FireRequested(node, ProvisionEvent.Abort, "abort", worker: Worker.TearDown);
                return;
            case ProvisionState.ServiceFailed when node.Maintenance:
                throw new InvalidStateException(
                    $"Can not abort service on node \"{node.Uuid}\" while it is in maintenance mode. Please remove the node " +
                    "from maintenance prior to issuing the request to abort the service operation.");
            case ProvisionState.ServiceFailed:
                context.Tasks.FireRequested(node, ProvisionEvent.Abort, "abort", worker: Worker.ServiceAbort);
                return;
            default:
                context.Tasks.FireRequested(node, ProvisionEvent.Abort, "abort");
                return;
        }
    }
    public void CheckConcurrency(ConcurrencyKind kind)
    {
        var (count, limit, task) = kind switch
        {
            ConcurrencyKind.Deploy => (
                context.Nodes.CountIn(ProvisionState.Deploying) + context.Nodes.CountIn(ProvisionState.WaitCallBack), context.Options.MaxConcurrentDeploy, "provisioning"),
            _ => (
                context.Nodes.CountIn(ProvisionState.Deleting) + context.Nodes.CountIn(ProvisionState.Cleaning) + context.Nodes.CountIn(ProvisionState.CleanWait),
                context.Options.MaxConcurrentClean,
                kind == ConcurrencyKind.Clean ? "cleaning" : "unprovisioning"),
        };
        if (count >= limit)
        {
            throw new ConcurrentActionLimitException(task, context.Profile.ConcurrentActionLimitStatus);
        }
    }
}
