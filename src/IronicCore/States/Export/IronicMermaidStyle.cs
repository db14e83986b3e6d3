using Stateless.Graph;

namespace IronicCore.States.Export;

/// <summary>Stateless's Mermaid style with Ironic's state and event names as labels.</summary>
internal sealed class IronicMermaidStyle(StateGraph graph) : MermaidGraphStyle(graph, MermaidGraphDirection.LeftToRight)
{
    // Stateless ends the direction line without a line break, gluing it to the first state.
    public override string GetPrefix() => base.GetPrefix().TrimEnd() + "\n";

    public override string FormatOneState(State state) =>
        $"\t{state.NodeName} : {IronicGraphLabels.State(state.StateName)}\n";

    public override string FormatOneTransition(
        string sourceNodeName, string trigger, IEnumerable<string> actions, string destinationNodeName, IEnumerable<string> guards) =>
        base.FormatOneTransition(sourceNodeName, IronicGraphLabels.Event(trigger), actions, destinationNodeName, guards);
}
