using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A hardware type's vendor interface (Ironic's <c>VendorInterface</c>, the node's
/// <c>vendor_interface</c>): the passthru methods <c>/v1/nodes/{node}/vendor_passthru</c> calls,
/// and the steps it declares. A hardware type without one has Ironic's <c>no-vendor</c>, which has
/// no methods and no steps. Calls run on the simulation's thread, under the node's lock; BMC time
/// is charged with <see cref="DriverTask.Wait"/>.
/// </summary>
public interface IVendorInterface
{
    /// <summary>The interface's name, e.g. <c>ipmitool</c>.</summary>
    string Name { get; }

    /// <summary>The passthru methods, in Ironic's order (its <c>vendor_routes</c>).</summary>
    ImmutableArray<VendorPassthruMethod> Methods { get; }

    /// <summary>The interface's clean steps (Ironic's <c>@clean_step</c> methods).</summary>
    ImmutableArray<StepDefinition> CleanSteps => [];

    /// <summary>The interface's deploy steps (Ironic's <c>@deploy_step</c> methods).</summary>
    ImmutableArray<StepDefinition> DeploySteps => [];

    /// <summary>The interface's service steps (Ironic's <c>@service_step</c> methods).</summary>
    ImmutableArray<StepDefinition> ServiceSteps => [];

    /// <summary>
    /// Ironic's <c>validate(task, method, **kwargs)</c>: checks a call's arguments and the node's
    /// <c>driver_info</c> before the method runs; the BMC is not contacted.
    /// </summary>
    /// <param name="task">The node.</param>
    /// <param name="method">One of <see cref="Methods"/>.</param>
    /// <param name="args">The request's body, a JSON object: the method's keyword arguments.</param>
    /// <exception cref="Errors.IronicException">The call is refused (e.g. <c>MissingParameterValue</c>); nothing ran.</exception>
    void Validate(DriverTask task, string method, JsonElement args);

    /// <summary>Runs a passthru method after <see cref="Validate"/>: its return value (null: Python's <c>None</c>).</summary>
    /// <param name="task">The node.</param>
    /// <param name="method">One of <see cref="Methods"/>.</param>
    /// <param name="httpMethod">The request's HTTP method, upper case.</param>
    /// <param name="args">The request's body, a JSON object.</param>
    /// <returns>The return value.</returns>
    /// <exception cref="Errors.IronicException">The method failed (e.g. ipmitool's <c>IPMIFailure</c>, or <c>VendorPassthruException</c> for a call that does not fit its signature).</exception>
    JsonElement? Invoke(DriverTask task, string method, string httpMethod, JsonElement args);

    /// <summary>Runs one of the interface's steps (Ironic calls the step's method with the step's arguments as keywords).</summary>
    /// <param name="task">The node.</param>
    /// <param name="definition">One of the interface's steps.</param>
    /// <param name="user">The step as requested, with its arguments; null for a step run by its own priority.</param>
    /// <exception cref="Errors.IronicException">The step failed: its message becomes the step's failure.</exception>
    void ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user) =>
        throw new Errors.UnsupportedDriverExtensionException(task.DriverName, definition.Step);
}
