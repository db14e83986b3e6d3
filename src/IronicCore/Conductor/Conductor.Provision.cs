using System.Collections.Immutable;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore;

/// <summary><c>PUT /v1/nodes/{node}/states/provision</c>: the API's checks, then the conductor's, in Ironic's order.</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Asks for a provision action, as <c>PUT /v1/nodes/{node}/states/provision</c> does.
    /// Returns once the request is accepted (HTTP 202): the first state change is stored and
    /// the node is reserved until its worker, scheduled on <see cref="Clock"/>, has run.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="verb">The target: an API verb.</param>
    /// <param name="request">The optional fields (steps, rescue password, disable_ramdisk).</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="InvalidStateRequestedException">The verb's event is not allowed in the node's state (400).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="NodeInMaintenanceException">The node is in maintenance and the verb is refused there (400).</exception>
    /// <exception cref="ClientSideErrorException">A field is missing or given with the wrong verb (400).</exception>
    /// <exception cref="InvalidParameterValueException">A step is malformed, or validation failed (400).</exception>
    /// <exception cref="NodeProtectedException">Undeploy or rebuild of a protected node (403).</exception>
    /// <exception cref="NodeIsRetiredException"><c>provide</c> of a retired node (400).</exception>
    /// <exception cref="ConcurrentActionLimitException">Too many nodes deploying or cleaning (503; 500 on 21.4).</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The driver cannot do it, e.g. abort inspection (400).</exception>
    /// <exception cref="RunbookNotFoundException">
    /// The request's runbook, or (for <c>provide</c>) the automated cleaning runbook the options choose, does not exist (404).
    /// </exception>
    /// <exception cref="NotAcceptableException">The request's <see cref="ProvisionRequest.ApiVersion"/> does not allow a field in the node's state (406).</exception>
    /// <exception cref="NodeCleaningFailureException">
    /// <c>provide</c>: <c>[conductor] automated_cleaning_step_source</c> requires a runbook and none is configured,
    /// or the runbook is not approved for the node (500).
    /// </exception>
    public void SetProvisionState(string ident, ApiVerb verb, ProvisionRequest? request = null)
    {
        request ??= ProvisionRequest.None;
        var node = Find(ident);
        request = CheckProvisionRequest(node, verb, request);
        switch (verb)
        {
            case ApiVerb.Active or ApiVerb.Deploy or ApiVerb.Rebuild:
                StartDeploy(node, verb, request);
                break;
            case ApiVerb.Deleted or ApiVerb.Undeploy:
                StartTearDown(node);
                break;
            case ApiVerb.Clean:
                StartManualClean(node, request);
                break;
            case ApiVerb.Rescue:
                StartRescue(node, request);
                break;
            case ApiVerb.Unrescue:
                StartUnrescue(node);
                break;
            case ApiVerb.Inspect:
                StartInspection(node);
                break;
            case ApiVerb.Service:
                StartService(node, request);
                break;
            default:
                DoProvisioningAction(node, verb);
                break;
        }
    }

    /// <summary>
    /// The same request with the target as the API receives it, by Ironic's name: a target
    /// that is no verb of this release is <c>InvalidStateRequested</c> (400), as in Ironic.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">The target's wire name, e.g. <c>"deleted"</c>.</param>
    /// <param name="request">The optional fields.</param>
    public void SetProvisionState(string ident, string target, ProvisionRequest? request)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IronicNames.TryParse<ApiVerb>(target, out var verb))
        {
            SetProvisionState(ident, verb, request);
            return;
        }

        var node = Find(ident);
        if (node.Reservation is { } host)
        {
            throw new NodeLockedException(node.Uuid, host);
        }

        throw NotAllowed(node, target);
    }

    /// <summary>The API's pre-checks (Ironic's <c>NodeStatesController.provision</c>), before any conductor work; returns the request to carry out.</summary>
    private ProvisionRequest CheckProvisionRequest(Node node, ApiVerb verb, ProvisionRequest request)
    {
        var verbName = verb.ToIronicName();
        if (verb is ApiVerb.Active or ApiVerb.Rebuild && node.Maintenance
            && !maintenancePolicy.AllowsRequest(node.ToView(), verb, Options))
        {
            throw new NodeInMaintenanceException("provisioning", node.Uuid);
        }

        var knownVerb = verb == ApiVerb.Rebuild || machine.ApiVerbs.Contains(verb);
        if (!knownVerb || !machine.TryFire(node.ProvisionState, ProvisionStateMachine.EventOf(verb), out _))
        {
            if (node.Reservation is { } host)
            {
                throw new NodeLockedException(node.Uuid, host);
            }

            throw NotAllowed(node, verbName);
        }

        request = ProvisionAfterState.Check(node, verb, request, RunbookTable, Release);

        var master = Release == IronicRelease.Master;
        if (request.DisableRamdisk is not null && verb != ApiVerb.Clean && !(master && verb == ApiVerb.Service))
        {
            throw new BadRequestException("disable_ramdisk is supported only with manual cleaning" + (master ? " or servicing" : string.Empty));
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

    /// <summary>Ironic's answer to an action the node's provision state does not allow: the state, and the events it does allow.</summary>
    private InvalidStateRequestedException NotAllowed(Node node, string action) =>
        new(action, node.ProvisionState.ToIronicName(), machine.AllowedEvents(node.ProvisionState), node.Uuid);

    private static bool IsEmpty(ImmutableArray<StepRequest>? steps) => steps is null or { IsDefaultOrEmpty: true };

    private void CheckStepsSchema(ProvisionRequest request, ImmutableArray<StepRequest> steps, StepKind kind, string field)
    {
        if ((request.StepSchemaErrors.GetValueOrDefault(kind) ?? StepSchema.Check(steps, kind, Release)) is { } error)
        {
            throw new InvalidParameterValueException($"Invalid {field}: {error}");
        }
    }

    /// <summary>Ironic's <c>do_provisioning_action</c>: provide, manage, adopt, abort, unhold.</summary>
    private void DoProvisioningAction(Node node, ApiVerb verb)
    {
        EnsureUnlocked(node);
        switch (verb)
        {
            case ApiVerb.Provide when node.ProvisionState == ProvisionState.Manageable:
                if (node.Maintenance && !maintenancePolicy.AllowsRequest(node.ToView(), verb, Options))
                {
                    throw new NodeInMaintenanceException("providing", node.Uuid);
                }

                if (node.Retired)
                {
                    throw new NodeIsRetiredException("providing", node.Uuid);
                }

                ChooseAutomatedCleaningSteps(node);
                SpawnWorker(node, ProvisionEvent.Provide, Worker.AutomatedClean);
                return;
            case ApiVerb.Manage when node.ProvisionState == ProvisionState.Enroll:
                SpawnWorker(node, ProvisionEvent.Manage, Worker.Verify);
                return;
            case ApiVerb.Adopt when node.ProvisionState is ProvisionState.Manageable or ProvisionState.AdoptFailed:
                SpawnWorker(node, ProvisionEvent.Adopt, Worker.Adopt);
                return;
            case ApiVerb.Abort:
                Abort(node);
                return;
            default:
                FireRequested(node, ProvisionStateMachine.EventOf(verb), verb.ToIronicName());
                return;
        }
    }

    /// <summary>Fires a requested event; a refusal names the verb as Ironic's API does.</summary>
    private void FireRequested(Node node, ProvisionEvent @event, string action, ProvisionState? target = null, Worker? worker = null, string? lastError = null)
    {
        if (!machine.TryFire(node.ProvisionState, @event, out _))
        {
            throw NotAllowed(node, action);
        }

        if (worker is { } work)
        {
            SpawnWorker(node, @event, work, target, lastError);
        }
        else
        {
            Fire(node, @event, target, lastError: lastError);
        }
    }

    private void StartDeploy(Node node, ApiVerb verb, ProvisionRequest request)
    {
        CheckConcurrency(ConcurrencyKind.Deploy);
        EnsureUnlocked(node);
        var @event = ProvisionStateMachine.EventOf(verb);
        if (node.Maintenance && !maintenancePolicy.AllowsRequest(node.ToView(), verb, Options))
        {
            throw new NodeInMaintenanceException("provisioning", node.Uuid);
        }

        if (@event == ProvisionEvent.Rebuild && node.Protected)
        {
            throw new NodeProtectedException(node.Uuid);
        }

        if (!machine.TryFire(node.ProvisionState, @event, out _))
        {
            throw NotAllowed(node, @event.ToIronicName());
        }

        var userSteps = request.DeploySteps ?? [];
        try
        {
            node.Hardware.Power.Validate(TaskOf(node));
            ValidateUserSteps(node, userSteps, node.Hardware.DeploySteps, StepKind.Deploy, skipMissing: true);
        }
        catch (InvalidParameterValueException error)
        {
            throw new InstanceDeployFailureException(
                $"Failed to validate deploy or power info for node {node.Uuid}: {error.Reason}", 400);
        }

        node.RequestedSteps = userSteps;
        FireRequested(node, @event, @event.ToIronicName(), worker: Worker.Deploy);
    }

    private void StartTearDown(Node node)
    {
        CheckConcurrency(ConcurrencyKind.Unprovision);
        EnsureUnlocked(node);
        if (node.Protected)
        {
            throw new NodeProtectedException(node.Uuid);
        }

        node.TearDownFrom = node.ProvisionState;
        FireRequested(node, ProvisionEvent.Delete, "delete", worker: Worker.TearDown);
    }

    private void StartManualClean(Node node, ProvisionRequest request)
    {
        CheckConcurrency(ConcurrencyKind.Clean);
        EnsureUnlocked(node);
        if (node.Maintenance && !maintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Clean, Options))
        {
            throw new NodeInMaintenanceException("cleaning", node.Uuid);
        }

        node.Hardware.Power.Validate(TaskOf(node));
        node.RequestedSteps = request.CleanSteps ?? [];
        node.DisableRamdisk = request.DisableRamdisk ?? false;
        FireRequested(node, ProvisionEvent.Clean, "manual clean", ProvisionState.Manageable, Worker.ManualClean);
    }

    private void StartRescue(Node node, ProvisionRequest request)
    {
        EnsureUnlocked(node);
        if (node.Maintenance && !maintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Rescue, Options))
        {
            throw new NodeInMaintenanceException("rescuing", node.Uuid);
        }

        // The agent rescue interface needs a boot interface that can boot the rescue ramdisk;
        // the fake one cannot, and no-rescue cannot rescue at all.
        if (node.Hardware.RescueInterface != "fake" && !(node.Hardware.RescueInterface == "agent" && node.Hardware.Boot.SupportsRescue))
        {
            throw new InstanceRescueFailureException(node.Uuid, node.Hardware.RescueInterface == "agent"
                ? $"Validation failed: Driver {node.Hardware.Driver} does not support rescue with boot interface {node.Hardware.Boot.Name}"
                : $"Validation failed: Driver {node.Hardware.Driver} does not support rescue (disabled or not implemented).");
        }

        node.RescuePassword = request.RescuePassword;
        FireRequested(node, ProvisionEvent.Rescue, "rescue", worker: Worker.Rescue);
    }

    private void StartUnrescue(Node node)
    {
        EnsureUnlocked(node);
        if (node.Maintenance && !maintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Unrescue, Options))
        {
            throw new NodeInMaintenanceException("unrescuing", node.Uuid);
        }

        FireRequested(node, ProvisionEvent.Unrescue, "unrescue", worker: Worker.Unrescue);
    }

    private void StartInspection(Node node)
    {
        EnsureUnlocked(node);
        node.Hardware.Power.Validate(TaskOf(node));
        FireRequested(node, ProvisionEvent.Inspect, "inspect", worker: Worker.Inspect);
    }

    private void StartService(Node node, ProvisionRequest request)
    {
        EnsureUnlocked(node);
        if (node.Maintenance && !maintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Service, Options))
        {
            throw new NodeInMaintenanceException("service", node.Uuid);
        }

        node.Hardware.Power.Validate(TaskOf(node));
        node.RequestedSteps = request.ServiceSteps ?? [];
        node.DisableRamdisk = request.DisableRamdisk ?? false;
        FireRequested(node, ProvisionEvent.Service, "service", ProvisionState.Active, Worker.Service);
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

                FireRequested(
                    node, ProvisionEvent.Abort, "abort",
                    node.TargetProvisionState == ProvisionState.Manageable ? ProvisionState.Manageable : null,
                    Worker.CleanAbort,
                    "By request, the clean operation was aborted" +
                    (node.CleanStep is { } current ? $" during or after the completion of step \"{current}\"" : string.Empty));
                return;
            case ProvisionState.RescueWait:
                SpawnWorker(node, ProvisionEvent.Abort, Worker.RescueAbort);
                return;
            case ProvisionState.InspectWait:
                throw new UnsupportedDriverExtensionException(node.Hardware.Driver, "abort");
            case ProvisionState.WaitCallBack:
                // Ironic cuts the agent off at once (every simulated deploy step is abortable, its
                // deploy steps' default), then a worker cleans the deploy up.
                node.AgentUrl = null;
                SpawnWorker(node, ProvisionEvent.Abort, Worker.DeployAbort);
                return;
            case ProvisionState.DeployHold:
                FireRequested(node, ProvisionEvent.Abort, "abort", lastError: "By request, the deploy operation was aborted");
                WipeDeployInfo(node);
                return;
            case ProvisionState.ServiceFailed when node.Maintenance:
                throw new InvalidStateException(
                    $"Node {node.Uuid} is in maintenance; the abort of servicing is refused in \"service failed\".");
            default:
                FireRequested(node, ProvisionEvent.Abort, "abort");
                return;
        }
    }
}
