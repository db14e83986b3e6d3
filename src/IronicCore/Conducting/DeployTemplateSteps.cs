using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Deploy templates in a deployment (Ironic's <c>conductor/steps.py</c>, <c>_get_deployment_templates</c>
/// and its callers, and <c>conductor/utils.py validate_instance_info_traits</c>): the node's instance
/// traits (<c>instance_info.traits</c>, the subset of its traits a flavor or image asked for) name the
/// templates whose steps join the deployment, checked like a user's deploy steps.
/// </summary>
internal sealed class DeployTemplateSteps(ConductorContext context)
{
    /// <summary>The prefix Ironic's <c>_get_validated_user_deploy_steps</c> gives errors in the request's own steps (no space after it).</summary>
    public const string UserStepsPrefix = "Validation of deploy steps from \"deploy steps\" argument failed.";

    /// <summary>
    /// Ironic's <c>validate_instance_info_traits</c>: instance traits, when there are any, are a
    /// list of strings that are all traits of the node.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">They are not a list of strings, or the node lacks one.</exception>
    public static void ValidateInstanceTraits(Node node)
    {
        if (InstanceTraits(node) is not { } traits)
        {
            return;
        }

        var missing = new List<string>();
        foreach (var trait in traits.EnumerateArray())
        {
            var name = trait.ValueKind == JsonValueKind.String
                ? trait.GetString()!
                : throw new InvalidParameterValueException(
                    $"Error parsing traits from Node {node.Uuid} instance_info field. A list of strings is expected.");
            if (!node.Details.Traits.Contains(name) && !missing.Contains(name))
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            // Ironic joins a set, in no fixed order; the instance traits' own order stands in for it.
            throw new InvalidParameterValueException(
                $"Cannot specify instance traits that are not also set on the node. Node {node.Uuid} is missing traits {string.Join(", ", missing)}");
        }
    }

    /// <summary>
    /// Ironic's <c>_get_validated_steps_from_templates</c>: the steps of every template the instance
    /// traits name, checked against the driver's deploy steps, errors prefixed with the templates' names.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">A step is not valid for the node.</exception>
    public void Validate(Node node, ImmutableArray<StepDefinition> driverSteps, bool skipMissing)
    {
        if (context.DeployTemplates.All.Count == 0)
        {
            return;
        }

        var (names, steps) = Matching(node);
        if (steps.IsEmpty)
        {
            return;
        }

        var prefix = "Validation of deploy steps from deploy templates matching this node's instance traits failed. " +
            $"Matching deploy templates: {string.Join(",", names)}. Errors: ";
        context.Plans.ValidateUserSteps(node, steps, driverSteps, StepKind.Deploy, skipMissing, errorPrefix: prefix);
    }

    /// <summary>
    /// Ironic's <c>_get_all_deployment_steps</c> before the drivers' steps join: the request's
    /// steps, then the templates' steps for an interface and step the request does not name.
    /// </summary>
    public ImmutableArray<StepRequest> WithTemplateSteps(Node node, ImmutableArray<StepRequest> requested)
    {
        if (context.DeployTemplates.All.Count == 0)
        {
            return requested;
        }

        var (_, steps) = Matching(node);
        return steps.IsEmpty ? requested : Merged(requested.IsDefault ? [] : requested, steps);
    }

    // Apart from its caller, whose early return would otherwise pay for this lambda's closure.
    private static ImmutableArray<StepRequest> Merged(ImmutableArray<StepRequest> requested, ImmutableArray<StepRequest> templateSteps) =>
        [.. requested, .. templateSteps.Where(t => !requested.Any(r => r.Interface == t.Interface && r.Step == t.Step))];

    /// <summary>Ironic's <c>_get_deployment_templates</c> and <c>_get_steps_from_deployment_templates</c> (callers skip it when there are no templates).</summary>
    private (List<string> Names, ImmutableArray<StepRequest> Steps) Matching(Node node)
    {
        if (InstanceTraits(node) is not { } traits)
        {
            return ([], []);
        }

        var names = new List<string>();
        foreach (var trait in traits.EnumerateArray())
        {
            if (trait.ValueKind == JsonValueKind.String)
            {
                names.Add(trait.GetString()!);
            }
        }

        var templates = context.DeployTemplates.ByNames(names);
        return ([.. templates.Select(t => t.Name)], [.. templates.SelectMany(t => t.Steps)]);
    }

    /// <summary><c>instance_info.traits</c> when Python would find it true (a non-empty list, or another truthy value to refuse); else null.</summary>
    private static JsonElement? InstanceTraits(Node node)
    {
        if (!node.Details.InstanceInfo.TryGetProperty("traits", out var traits))
        {
            return null;
        }

        return traits.ValueKind switch
        {
            JsonValueKind.Array when traits.GetArrayLength() > 0 => traits,
            JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.False => null,
            JsonValueKind.String when traits.GetString()!.Length == 0 => null,
            JsonValueKind.Object when !traits.EnumerateObject().Any() => null,
            JsonValueKind.Number when traits.GetDouble() == 0 => null,
            _ => NotAList(node),
        };
    }

    private static JsonElement NotAList(Node node) =>
        throw new InvalidParameterValueException($"Error parsing traits from Node {node.Uuid} instance_info field. A list of strings is expected.");

    /// <summary>
    /// Ironic's <c>validate_deploy_steps</c> (<c>validate_user_deploy_steps_and_templates</c> without
    /// <c>skip_missing</c>): the deploy templates' steps and the request's, against the node's deploy
    /// steps with the agent's in-band ones (<see cref="StepPlans.AllDeploySteps"/>); then, as its
    /// <c>set_node_deployment_steps(reset_current=False)</c>, the list made again with the in-band steps
    /// the request named, the current step's index kept: the running step loop reads the new list.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">A step is not one the node offers, or its arguments are wrong.</exception>
    public void ValidateDeploySteps(Node node)
    {
        var driverSteps = context.Plans.AllDeploySteps(node);
        Validate(node, driverSteps, skipMissing: false);
        context.Plans.ValidateUserSteps(node, node.RequestedSteps, driverSteps, StepKind.Deploy, skipMissing: false, errorPrefix: UserStepsPrefix);
        node.DeployPlan = context.Plans.DeploymentSteps(node);
    }
}
