using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Stateless.Graph;

namespace IronicCore.States.Export;

/// <summary>
/// Renders the provision state machine from its one definition: JSON in the shape of
/// <c>ironic-provision-fsm.json</c>, and Mermaid and Graphviz DOT diagrams drawn by
/// Stateless from the same definition, labelled with Ironic's names.
/// </summary>
public static class ProvisionStateMachineExport
{
    /// <summary>The <c>source</c> line of the JSON export.</summary>
    public const string Source = "IronicCore: OpenStack Ironic provision state machine";

    /// <summary>
    /// The machine as JSON: <c>source</c>, <c>initial_state_for_new_nodes</c>, <c>states</c>,
    /// <c>transitions</c>, <c>api_verbs</c>, <c>sets</c> and <c>power_states</c>, states and
    /// transitions ordered by wire name as in Ironic's export.
    /// </summary>
    public static string ToJson(ProvisionStateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("source", $"{Source} (release {machine.Release.ToIronicName()})");
            json.WriteString("initial_state_for_new_nodes", ProvisionStateMachine.InitialState.ToIronicName());

            json.WriteStartArray("states");
            foreach (var state in machine.States.OrderBy(s => s.ToIronicName(), StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", state.ToIronicName());
                json.WriteBoolean("stable", machine.IsStable(state));
                if (machine.TargetOf(state) is { } target)
                {
                    json.WriteString("target", target.ToIronicName());
                }
                else
                {
                    json.WriteNull("target");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("transitions");
            foreach (var transition in machine.Transitions
                .OrderBy(t => t.From.ToIronicName(), StringComparer.Ordinal)
                .ThenBy(t => t.Event.ToIronicName(), StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("from", transition.From.ToIronicName());
                json.WriteString("event", transition.Event.ToIronicName());
                json.WriteString("to", transition.To.ToIronicName());
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("api_verbs");
            foreach (var verb in machine.ApiVerbs)
            {
                json.WriteString(verb.ToIronicName(), ProvisionStateMachine.EventOf(verb).ToIronicName());
            }

            json.WriteEndObject();

            json.WriteStartObject("sets");
            foreach (var set in Enum.GetValues<ProvisionStateSet>())
            {
                json.WriteStartArray(set.ToIronicName());
                foreach (var name in machine.StatesIn(set).Select(s => s.ToIronicName()).Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();

            json.WriteStartArray("power_states");
            foreach (var power in Enum.GetValues<PowerState>().Where(p => p != PowerState.Error))
            {
                json.WriteStringValue(power.ToIronicName());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// The definition as a Mermaid <c>stateDiagram-v2</c>. Transitions Ironic 21.4 lacks carry
    /// the guard <c>[Ironic master only]</c>.
    /// </summary>
    public static string ToMermaid() => Render(graph => new IronicMermaidStyle(graph));

    /// <summary>The definition as a Graphviz DOT digraph, guards labelled as in <see cref="ToMermaid"/>.</summary>
    public static string ToDot() => Render(_ => new IronicDotStyle());

    private static string Render(Func<StateGraph, GraphStyleBase> style)
    {
        var current = ProvisionStateMachine.InitialState;
        var machine = ProvisionStateMachineDefinition.Build(IronicRelease.Master, () => current, s => current = s);
        var graph = new StateGraph(machine.GetInfo());
        return graph.ToGraph(style(graph)).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
