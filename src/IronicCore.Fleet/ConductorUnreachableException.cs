using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Fleet;

/// <summary>
/// The API's RPC call went to a conductor that has died but is still on the hash ring (until
/// <c>[conductor] heartbeat_timeout</c> passes and the ring is rebuilt): oslo.messaging's
/// <c>MessagingTimeout</c>, an HTTP 500 to the client. Nothing changed.
/// </summary>
internal sealed class ConductorUnreachableException : IronicException
{
    public ConductorUnreachableException(string host)
        : base("MessagingTimeout", 500, $"Timed out waiting for a reply from conductor {host}.")
    {
        Host = host;
    }

    /// <summary>The dead conductor.</summary>
    public string Host { get; }
}
