using IronicCore.Agent;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// The ramdisk agent's side of the API (Ironic's <c>api/controllers/v1/ramdisk.py</c> and
/// <c>manager.heartbeat</c>): lookup hands out the agent's token; a heartbeat is checked at once
/// and handed to the node's deploy interface as a worker.
/// </summary>
internal sealed class RamdiskApi(ConductorContext context)
{
    /// <summary>What a lookup answers once the token was handed out.</summary>
    public const string MaskedToken = "******";

    /// <summary>
    /// Allowed only in <c>LOOKUP_ALLOWED_STATES</c> (with <c>[api] restrict_lookup</c>). The first
    /// lookup makes the node's agent token and returns it; later ones get it masked.
    /// </summary>
    /// <exception cref="NotFoundException">The node is not in a state that allows lookup (404).</exception>
    public string Lookup(Node node) =>
        // ramdisk.py: the same NotFound as for a missing node, so that lookup does not tell which.
        TryLookup(node) ?? throw new NotFoundException("Resource could not be found.");

    /// <summary>
    /// <see cref="Lookup"/> for the simulated agents, null where the API answers 404: an agent
    /// on a node whose state does not allow lookup asks at every beat, and a thrown exception a
    /// time was most of a fleet's month.
    /// </summary>
    public string? TryLookup(Node node)
    {
        var options = context.Options;
        var allowed = options.Deploy.FastTrack ? ProvisionStateSet.FastTrackLookupAllowedStates : ProvisionStateSet.LookupAllowedStates;
        if (options.Api.RestrictLookup && !context.Machine.StatesIn(allowed).Contains(node.ProvisionState))
        {
            return null;
        }

        if (node.AgentToken is not null)
        {
            return MaskedToken;
        }

        node.AgentToken = context.Random.NewUuid().ToString("N");
        return node.AgentToken;
    }

    /// <summary>
    /// Ironic's <c>manager.heartbeat</c>: the version, token and TLS are checked at once; the
    /// heartbeat's worker then runs the deploy interface's <c>heartbeat</c>.
    /// </summary>
    /// <exception cref="InvalidParameterValueException">No version, a wrong or missing token, or plain HTTP where TLS is required (400).</exception>
    /// <exception cref="NodeLockedException">Master: the agent's first heartbeat while the node is reserved (409).</exception>
    public void Heartbeat(Node node, string callbackUrl, string? agentVersion, string? agentToken)
    {
        switch (TryHeartbeat(node, callbackUrl, agentVersion, agentToken))
        {
            case HeartbeatAnswer.NoVersion:
                throw new InvalidParameterValueException(
                    "Agent did not transmit a version, and a version is required. Please update the agent being used.");
            case HeartbeatAnswer.InvalidToken:
                throw new InvalidParameterValueException("Invalid or missing agent token received.");
            case HeartbeatAnswer.TlsRequired:
                throw new InvalidParameterValueException("TLS is required by configuration");
            case HeartbeatAnswer.NodeLocked:
                throw new NodeLockedException(node.Uuid, node.Reservation!);
        }
    }

    /// <summary>
    /// <see cref="Heartbeat"/> for the simulated agents: the refusal as an answer rather than an
    /// exception (the same checks in the same order); an accepted heartbeat schedules its worker.
    /// </summary>
    public HeartbeatAnswer TryHeartbeat(Node node, string callbackUrl, string? agentVersion, string? agentToken)
    {
        if (agentVersion is null)
        {
            return HeartbeatAnswer.NoVersion;
        }

        if (agentToken is null || agentToken != node.AgentToken)
        {
            return HeartbeatAnswer.InvalidToken;
        }

        if (context.Options.Agent.RequireTls && !callbackUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            return HeartbeatAnswer.TlsRequired;
        }

        // An agent's first heartbeat (no URL recorded yet) must not be lost to a busy node, so it
        // is refused and the agent retries soon; later ones are simply dropped.
        if (context.Profile.RefusesFirstHeartbeatWhileLocked && node.AgentUrl is null && node.Reservation is not null)
        {
            return HeartbeatAnswer.NodeLocked;
        }

        node.PendingAgentUrl = callbackUrl;
        node.PendingAgentVersion = agentVersion;
        context.Clock.Schedule(TimeSpan.Zero, context.Handler, (int)Worker.Heartbeat, node.Index, 0);
        return HeartbeatAnswer.Accepted;
    }
}
