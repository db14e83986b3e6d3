namespace IronicCore.Agent;

/// <summary>
/// What Ironic's heartbeat checks answer at once (<c>manager.heartbeat</c>), without a thrown
/// exception: the simulated agents send a heartbeat with a token the conductor has forgotten at
/// every beat of a failed node, and throwing each refusal was a fifth of a fleet's month.
/// </summary>
internal enum HeartbeatAnswer
{
    /// <summary>Accepted: the heartbeat's worker is scheduled.</summary>
    Accepted,

    /// <summary><c>InvalidParameterValue</c> (400): the agent sent no version.</summary>
    NoVersion,

    /// <summary><c>InvalidParameterValue</c> (400): a wrong or missing agent token.</summary>
    InvalidToken,

    /// <summary><c>InvalidParameterValue</c> (400): plain HTTP where <c>[agent] require_tls</c> asks for TLS.</summary>
    TlsRequired,

    /// <summary><c>NodeLocked</c> (409): master's refusal of a first heartbeat while the node is reserved.</summary>
    NodeLocked,
}
