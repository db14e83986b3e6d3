using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A hardware type's firmware interface (Ironic's <c>FirmwareInterface</c>, the node's
/// <c>firmware_interface</c>, 2023.2 on): the firmware components the machine reports, which the
/// conductor caches on the node (<c>GET /v1/nodes/{node}/firmware</c>), and the steps that update
/// them. A hardware type without one has Ironic's <c>no-firmware</c>. Calls run on the simulation's
/// thread, under the node's lock; BMC time is charged with <see cref="DriverTask.Wait"/>.
/// </summary>
public interface IFirmwareInterface
{
    /// <summary>The interface's name, e.g. <c>redfish</c>.</summary>
    string Name { get; }

    /// <summary>The interface's clean steps (Ironic's <c>@clean_step</c> methods).</summary>
    ImmutableArray<StepDefinition> CleanSteps { get; }

    /// <summary>The interface's service steps (Ironic's <c>@service_step</c> methods).</summary>
    ImmutableArray<StepDefinition> ServiceSteps { get; }

    /// <summary>The interface's deploy steps (Ironic's <c>@deploy_step</c> methods), run only when a deployment asks for them.</summary>
    ImmutableArray<StepDefinition> DeploySteps => [];

    /// <summary>
    /// Whether the conductor caches the components after each of the interface's steps (Ironic's
    /// <c>@cache_firmware_components</c> on the step method).
    /// </summary>
    bool CachesAfterStep { get; }

    /// <summary>
    /// Ironic's <c>cleaning_polling</c> (<c>servicing_polling</c>) flag as the interface set it for
    /// the node: its waiting step is ended by the interface's own poll, so the agent's heartbeats
    /// leave it alone.
    /// </summary>
    bool IsPolling(DriverTask task);

    /// <summary>
    /// Whether updates the interface started are still recorded on the node (Ironic's
    /// <c>redfish_fw_updates</c> in <c>driver_internal_info</c>): they stay after a failed deployment
    /// until the node is in maintenance, and master's power sync passes such a node over.
    /// </summary>
    bool HasUpdates(DriverTask task);

    /// <summary>Checks the node's <c>driver_info</c> without contacting the BMC.</summary>
    /// <exception cref="Errors.IronicException"><c>InvalidParameterValue</c> or <c>MissingParameterValue</c>.</exception>
    void Validate(DriverTask task);

    /// <summary>The components and versions the machine reports now (what Ironic's <c>cache_firmware_components</c> reads).</summary>
    /// <exception cref="Errors.IronicException">The BMC did not answer, or reports no component (<c>UnsupportedDriverExtension</c>).</exception>
    IReadOnlyList<KeyValuePair<string, string>> ReadComponents(DriverTask task);

    /// <summary>Runs one of the interface's steps (Ironic calls the step's method with its arguments as keywords).</summary>
    /// <param name="task">The node.</param>
    /// <param name="definition">One of the interface's steps.</param>
    /// <param name="user">The step as requested, with its arguments; null for a step run by its own priority.</param>
    /// <returns>Whether the step is done or waits for the interface's poll.</returns>
    /// <exception cref="Errors.IronicException">The step failed: its message becomes the step's failure.</exception>
    DriverStepOutcome ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user);
}
