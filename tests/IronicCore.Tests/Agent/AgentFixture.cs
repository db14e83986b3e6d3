using IronicCore.Nodes;

namespace IronicCore.Tests.Agent;

/// <summary>A scripted agent's part in the tests.</summary>
internal static class AgentFixture
{
    /// <summary>The node's agent heartbeats as a real one does (looking itself up when it holds no token), and the work settles.</summary>
    public static NodeView Beat(this IronicCore.Conductor conductor, string name = "n")
    {
        var token = conductor.GetAgentToken(name) ?? conductor.Lookup(name);
        conductor.Heartbeat(name, conductor.GetMachine(name).AgentCallbackUrl, "9.4.0", token);
        conductor.Clock.RunDue();
        return conductor.GetNode(name);
    }
}
