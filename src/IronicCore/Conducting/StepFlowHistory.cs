using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic master's <c>log_step_flow_history</c> (<c>[conductor] record_step_flows_in_history</c>,
/// on by default): node history entries when a cleaning, deployment or servicing starts its steps
/// and when it ends, each quoting the operation's step list as Ironic holds it at that moment (its
/// <c>clean_steps</c>, <c>deploy_steps</c> or <c>service_steps</c>, in Python's notation, secrets in
/// the steps' <c>args</c> masked). An end after a step raised is an error, so it becomes
/// <c>last_error</c> too. The callers choose the moments, as Ironic's do: a list already wiped
/// is quoted empty (<c>steps=[]</c>).
/// </summary>
internal sealed class StepFlowHistory(ConductorContext context)
{
    // Ironic's words for each flow, in StepFlow's order: its value (the entries' event_type), the
    // start's words and the end's (Python's str.title() of the value's words).
    private static readonly string[] Names = ["manual_cleaning", "automated_cleaning", "deployment", "servicing"];
    private static readonly string[] Starting = [.. Names.Select(name => $"Starting {name.Replace('_', ' ')}")];
    private static readonly string[] Titles = ["Manual Cleaning", "Automated Cleaning", "Deployment", "Servicing"];
    private static readonly string[] Completing = [.. Titles.Select(title => $"{title} completed successfully")];
    private static readonly string[] StartTypes = [.. Names.Select(name => $"{name}_start")];
    private static readonly string[] EndTypes = [.. Names.Select(name => $"{name}_end")];

    // The nodes of a driver share its plans (one array: its deploy steps, its automated clean steps),
    // so each message quoting a plan is made once and shared by the entries: a fleet's history
    // holds one copy of each text. A plan's messages go when the plan does.
    private readonly ConditionalWeakTable<object, Dictionary<string, string>> messages = [];

    private bool Enabled => context.Profile.RecordsStepFlows && context.Options.RecordStepFlowsInHistory;

    /// <summary>The flow of the node's running clean or service steps: a manual clean keeps its target <c>manageable</c>.</summary>
    public static StepFlow FlowOfSteps(Node node) =>
        node.IsServicing() ? StepFlow.Servicing
        : node.TargetProvisionState == ProvisionState.Manageable ? StepFlow.ManualCleaning
        : StepFlow.AutomatedCleaning;

    /// <summary>The flow's start (<c>&lt;flow&gt;_start</c>), with the steps the node is about to run.</summary>
    public void Started(Node node, StepFlow flow)
    {
        if (Enabled)
        {
            context.History.Record(node, Message(node, flow, Starting[(int)flow]), StartTypes[(int)flow], error: false);
        }
    }

    /// <summary>
    /// Master's servicing start when checking the request failed and the ramdisk is to be booted
    /// (or the steps run as given): the request as the failed check left it.
    /// </summary>
    public void ServicingStartedUnchecked(Node node)
    {
        if (Enabled)
        {
            var flow = (int)StepFlow.Servicing;
            var steps = Python(node.RequestedSteps.Select(user => AsCheckLeftIt(node, user)));
            context.History.Record(node, $"{Starting[flow]} with steps={steps}", StartTypes[flow], error: false);
        }
    }

    /// <summary>The flow's successful end (<c>&lt;flow&gt;_end</c>).</summary>
    public void Completed(Node node, StepFlow flow)
    {
        if (Enabled)
        {
            context.History.Record(node, Message(node, flow, Completing[(int)flow]), EndTypes[(int)flow], error: false);
        }
    }

    /// <summary>
    /// The flow's end when running <paramref name="step"/> raised (before the error handler runs):
    /// an error, so also the node's <c>last_error</c>.
    /// </summary>
    public void Aborted(Node node, StepFlow flow, string step)
    {
        if (Enabled)
        {
            context.History.Record(node, Message(node, flow, $"{Titles[(int)flow]} aborted at step '{step}'"), EndTypes[(int)flow]);
        }
    }

    /// <summary>
    /// <see cref="Aborted"/> for a deploy step that raised. One that had failed the deployment
    /// itself (Ironic's <c>log_and_raise_deployment_error</c>) has wiped the list, so the entry
    /// quotes it empty; and as Ironic saves the node no more after it, the entry's <c>last_error</c>
    /// is lost: the step's own stays.
    /// </summary>
    public void DeployStepAborted(Node node, string step)
    {
        var stepError = node.LastError;
        Aborted(node, StepFlow.Deployment, step);
        if (node.ProvisionState == ProvisionState.DeployFailed)
        {
            node.LastError = stepError;
        }
    }

    /// <summary><see cref="Aborted"/> for the node's running clean or service step.</summary>
    public void StepAborted(Node node) => Aborted(node, FlowOfSteps(node), node.CurrentStep()?.Step ?? string.Empty);

    private static string Python(IEnumerable<string> steps) => $"[{string.Join(", ", steps)}]";

    /// <summary>"<paramref name="before"/> with steps=[...]", quoting the flow's list as the node holds it now.</summary>
    private string Message(Node node, StepFlow flow, string before)
    {
        var plan = flow == StepFlow.Deployment ? node.DeployPlan : node.StepPlan;
        if (ImmutableCollectionsMarshal.AsArray(plan) is not { } key)
        {
            return $"{before} with steps=[]";
        }

        var quoted = messages.GetValue(key, _ => []);
        if (!quoted.TryGetValue(before, out var message))
        {
            var steps = flow == StepFlow.Deployment
                ? plan.Select(p => p.User?.Describe(maskArgs: true) ?? p.Step.DescribeDeployStep())
                : plan.Select(p => Describe(node, p.Step, p.User));
            message = $"{before} with steps={Python(steps)}";
            quoted.Add(before, message);
        }

        return message;
    }

    /// <summary>
    /// A clean or service step as its list holds it: the user's dictionary with what validation
    /// copied in, a step run as given as the failed check left it, else the driver's or the agent's own.
    /// </summary>
    private string Describe(Node node, StepDefinition step, StepRequest? user) =>
        step.IsAsGiven ? AsCheckLeftIt(node, user!)
        : user is not null ? user.Describe(step.Abortable, step.Priority, maskArgs: true)
        : context.Nodes.DriverOf(node).RunsInAgent(step) ? step.Describe()
        : step.DescribeCleanStep();

    /// <summary>
    /// A requested service step after a failed check: Ironic's validation writes the driver step's
    /// <c>abortable</c> and <c>priority</c> into each user step it matched before it raises for
    /// the others, and the list keeps them so; reserved names are not looked up.
    /// </summary>
    private string AsCheckLeftIt(Node node, StepRequest user)
    {
        var matched = context.Plans.IsReservedStep(user)
            ? null
            : context.Plans.AllServiceSteps(node).FirstOrDefault(s => s.Interface == user.Interface && s.Step == user.Step);
        return matched is null ? user.Describe(maskArgs: true) : user.Describe(matched.Abortable, matched.Priority, maskArgs: true);
    }
}
