using Stateless.Graph;

namespace IronicCore.States.Export;

/// <summary>Stateless's UML DOT style with Ironic's state and event names as labels.</summary>
internal sealed class IronicDotStyle : UmlDotGraphStyle
{
    public override string FormatOneState(State state) =>
        $"\"{state.NodeName}\" [label=\"{IronicGraphLabels.State(state.StateName)}\"];\n";

    public override string FormatOneTransition(
        string sourceNodeName, string trigger, IEnumerable<string> actions, string destinationNodeName, IEnumerable<string> guards) =>
        base.FormatOneTransition(sourceNodeName, IronicGraphLabels.Event(trigger), actions, destinationNodeName, guards);
}
