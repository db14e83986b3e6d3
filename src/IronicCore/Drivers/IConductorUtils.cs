using IronicCore.Configuration;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// What a deploy or rescue interface calls in the conductor, as Ironic's drivers call into
/// <c>ironic.conductor</c>: the task's <c>process_event</c> and lock, <c>utils.node_power_action</c>
/// and the error handlers, and the <c>notify_conductor_resume_*</c> that continue an operation.
/// The conductor implements it; the drivers never see its parts.
/// </summary>
internal interface IConductorUtils
{
    ConductorOptions Options { get; }

    /// <summary>The rules of the conductor's release that differ between releases.</summary>
    ReleaseProfile Profile { get; }

    IMaintenancePolicy MaintenancePolicy { get; }

    /// <summary>The clock's time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Takes the node's lock (Ironic's <c>upgrade_lock</c>).</summary>
    void Reserve(Node node);

    /// <summary>Releases the node's lock, once the simulated time the task's driver calls took has passed.</summary>
    void Release(Node node);

    /// <summary>The task's <c>process_event</c>.</summary>
    void ProcessEvent(Node node, ProvisionEvent @event);

    /// <summary>Ironic's <c>node_power_action</c>; a failure lands in <c>last_error</c> and is thrown again.</summary>
    /// <exception cref="Errors.IronicException">The power driver failed: the caller's error handler decides.</exception>
    void NodePowerAction(Node node, PowerState action);

    /// <summary>Off, unless the node has <c>disable_power_off</c>, before the machine's boot changes.</summary>
    /// <exception cref="Errors.IronicException">The power driver failed.</exception>
    void PowerOffToChangeBoot(Node node);

    /// <summary>On again after the boot changed (with <c>disable_power_off</c>, a reboot).</summary>
    /// <exception cref="Errors.IronicException">The power driver failed.</exception>
    void PowerOnAfterBootChange(Node node);

    /// <summary>Ironic's <c>populate_storage_driver_internal_info</c>: the node can boot the volume type of its boot volume, if it has one.</summary>
    /// <exception cref="Errors.IronicException">It cannot (<c>StorageError</c>), or its capabilities are malformed.</exception>
    void PopulateStorageInfo(Node node);

    /// <summary>Ironic's <c>is_fast_track</c>: the agent is up and may be reused without a reboot.</summary>
    bool IsFastTrack(Node node);

    /// <summary>Ironic's <c>rescuing_error_handler</c>: powered off, the rescue cleaned up, <c>fail</c>.</summary>
    void RescuingFailed(Node node, string error);

    /// <summary>Ironic's <c>prepare_agent_boot</c>: the boot interface's <c>prepare_ramdisk</c> with the boot device set to PXE.</summary>
    /// <exception cref="IronicCore.Errors.IronicException">It failed: the caller's error handler decides.</exception>
    void PrepareRamdisk(Node node);

    /// <summary>
    /// Ironic's <c>deploy_utils.reboot_to_finish_step</c>: the fast-track check (a power read), the
    /// agent's boot prepared again, then the reboot; the step's flags are left to the caller.
    /// </summary>
    /// <exception cref="IronicCore.Errors.IronicException">Any of them failed: the caller's error handler decides.</exception>
    void RebootToFinishStep(Node node);

    /// <summary>Sends a step to the node's agent (IPA's command API); a busy agent makes the step run again later.</summary>
    void StartAgentCommand(Node node, StepReference step);

    /// <summary>Ironic's <c>cleaning_error_handler</c> or <c>servicing_error_handler</c>, by the node's state.</summary>
    void StepsFailed(Node node, string error);

    /// <summary>Ironic's <c>set_node_cleaning_steps</c> (or servicing's) at the agent's first heartbeat.</summary>
    /// <exception cref="Errors.InvalidParameterValueException">The steps fail validation: the heartbeat's error handler words it.</exception>
    void SetSteps(Node node);

    /// <summary>
    /// An automated clean's steps worked out again from the agent's new list (they are safe to
    /// repeat), the drivers' even where a runbook's ran, as <c>_process_version_mismatch</c> does;
    /// false when that failed the cleaning.
    /// </summary>
    bool RestartCleaningSteps(Node node);

    /// <summary>Back from <c>clean wait</c> or <c>service wait</c> (the <c>resume</c> event, keeping a manual clean's target).</summary>
    void ResumeSteps(Node node);

    /// <summary>Ironic's <c>continue_node_clean</c> (or servicing's): the next step, or the same again, unless an abort waits for it.</summary>
    void ContinueSteps(Node node);

    /// <summary>Ironic's <c>deploying_error_handler</c>.</summary>
    void DeployFailed(Node node, string error);

    /// <summary>Ironic's <c>set_failed_state</c>: <c>deploy failed</c>, then powered off as configured.</summary>
    void SetFailedState(Node node, string error);

    /// <summary>
    /// Ironic's <c>notify_conductor_resume_deploy</c>: back from <c>wait call-back</c>, then the next
    /// deploy step; <paramref name="stepsJustLoaded"/> when this heartbeat read the agent's deploy
    /// steps, which <c>continue_node_deploy</c> validates the deployment's steps against first.
    /// </summary>
    void ResumeDeploy(Node node, bool stepsJustLoaded);

    /// <summary>Ironic's <c>validate_deploy_steps</c> (the fast-track deploy step's, once it read the agent's steps).</summary>
    /// <exception cref="Errors.InvalidParameterValueException">A deploy template's or the request's step is not one the node offers.</exception>
    void ValidateDeploySteps(Node node);
}
