namespace IronicCore.Agent;

/// <summary>
/// What a simulated agent reaches beyond its own machine: Ironic's ramdisk API (lookup and
/// heartbeat, as IPA calls them) and the provisioning network it boots and downloads over. Nodes
/// are named by slot, as the machine knows its own.
/// </summary>
internal interface IAgentEnvironment
{
    /// <summary>
    /// <c>GET /v1/lookup</c>: the agent's token, or <c>"******"</c> when it was handed out already;
    /// null when the node's state does not allow lookup (the API's 404).
    /// </summary>
    /// <exception cref="Errors.NotFoundException">The node no longer exists.</exception>
    string? TryLookup(int slot);

    /// <summary>The token virtual media wrote into the ISO the agent booted from, if it did (Ironic's pregenerated token); else null.</summary>
    string? PregeneratedToken(int slot);

    /// <summary><c>POST /v1/heartbeat/{node}</c>: accepted, or the API's refusal (a wrong or missing token; master: a first heartbeat while the node is busy) as an answer.</summary>
    /// <exception cref="Errors.NotFoundException">The node no longer exists.</exception>
    HeartbeatAnswer TryHeartbeat(int slot, string callbackUrl, string agentVersion, string? agentToken);

    /// <summary>The time the BMC commands of the worker that powered the machine on still take: the machine boots after them.</summary>
    TimeSpan PowerOnDelay(int slot);

    /// <summary>Starts the machine's fetch of the agent's kernel and ramdisk; false when its hardware has no image transfer.</summary>
    bool BeginRamdiskFetch(int slot, long generation);

    /// <summary>Starts the agent's download of the instance image; false when its hardware has no image transfer.</summary>
    bool BeginImageDownload(int slot, long generation);
}
