using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A hardware type's BIOS interface (Ironic's <c>BIOSInterface</c>, the node's
/// <c>bios_interface</c>): the settings the machine's firmware reports, which the conductor caches
/// on the node (<c>GET /v1/nodes/{node}/bios</c>), and the steps that change them. A hardware type
/// without one has Ironic's <c>no-bios</c>. Calls run on the simulation's thread, under the node's
/// lock; BMC time is charged with <see cref="DriverTask.Wait"/>.
/// </summary>
public interface IBiosInterface
{
    /// <summary>The interface's name, e.g. <c>redfish</c>.</summary>
    string Name { get; }

    /// <summary>The interface's clean steps (Ironic's <c>@clean_step</c> methods).</summary>
    ImmutableArray<StepDefinition> CleanSteps { get; }

    /// <summary>The interface's service steps (Ironic's <c>@service_step</c> methods).</summary>
    ImmutableArray<StepDefinition> ServiceSteps => [];

    /// <summary>The interface's deploy steps (Ironic's <c>@deploy_step</c> methods), run only when a deployment asks for them.</summary>
    ImmutableArray<StepDefinition> DeploySteps => [];

    /// <summary>
    /// Ironic's <c>cleaning_polling</c> (<c>servicing_polling</c>) flag as the interface set it for
    /// the node: its waiting step is resumed by the interface's own poll
    /// (<see cref="DriverTask.ResumeStep"/>), so the agent's heartbeats leave it alone. Default: false.
    /// </summary>
    bool IsPolling(DriverTask task) => false;

    /// <summary>Checks the node's <c>driver_info</c> without contacting the BMC.</summary>
    /// <exception cref="Errors.IronicException"><c>InvalidParameterValue</c> or <c>MissingParameterValue</c>.</exception>
    void Validate(DriverTask task);

    /// <summary>
    /// The settings the BMC reports now, as names and values in the BMC's order (what Ironic's
    /// <c>cache_bios_settings</c> reads before it syncs the node's cached settings).
    /// </summary>
    /// <exception cref="Errors.IronicException">The BMC did not answer, or has no BIOS resource (<c>UnsupportedDriverExtension</c>).</exception>
    IReadOnlyList<KeyValuePair<string, string?>> ReadSettings(DriverTask task);

    /// <summary>
    /// Runs one of the interface's steps (Ironic calls the step's method with its arguments as
    /// keywords); the conductor caches the settings after it, as Ironic's
    /// <c>@cache_bios_settings</c> does.
    /// </summary>
    /// <param name="task">The node.</param>
    /// <param name="definition">One of the interface's steps.</param>
    /// <param name="user">The step as requested, with its arguments; null for a step run by its own priority.</param>
    /// <returns>Whether the step is done or waits for a reboot.</returns>
    /// <exception cref="Errors.IronicException">The step failed: its message becomes the step's failure.</exception>
    DriverStepOutcome ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user);
}
