using System.Collections.Immutable;
using IronicCore.States;

namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>InvalidStateRequested</c> (HTTP 400): the requested action is not possible in
/// the node's current state (a provision event the state machine does not allow there, or a
/// power action during cleaning). Nothing was changed.
/// </summary>
public sealed class InvalidStateRequestedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="action">The refused action in Ironic's words: an event or verb (<c>"deploy"</c>) or a power target.</param>
    /// <param name="state">The state it was refused in, by Ironic's name.</param>
    /// <param name="allowedEvents">The provision events that state allows (empty when not about provisioning).</param>
    /// <param name="node">The node as the request named it (Ironic's power API echoes the name or UUID given; its provision API, the UUID), when there is a node.</param>
    public InvalidStateRequestedException(
        string action, string state, ImmutableArray<ProvisionEvent> allowedEvents, string? node = null)
        : base("InvalidStateRequested", 400, FormatMessage(action, state, node))
    {
        Action = action;
        State = state;
        AllowedEvents = allowedEvents;
        Node = node;
    }

    /// <summary>The refused action, e.g. <c>"done"</c>, <c>"manual clean"</c> or <c>"power on"</c>.</summary>
    public string Action { get; }

    /// <summary>The state the action was refused in, by Ironic's name, e.g. <c>"clean wait"</c>.</summary>
    public string State { get; }

    /// <summary>The provision events the state allows (not part of the message: Ironic's does not list them).</summary>
    public ImmutableArray<ProvisionEvent> AllowedEvents { get; }

    /// <summary>The node as the request named it, or null when the refusal came from the bare state machine.</summary>
    public string? Node { get; }

    /// <summary>Ironic's <c>InvalidStateRequested</c> text: the action, the node, the state, and nothing more.</summary>
    private static string FormatMessage(string action, string state, string? node) =>
        node is null
            ? $"The requested action \"{action}\" can not be performed while it is in state \"{state}\"."
            : $"The requested action \"{action}\" can not be performed on node \"{node}\" while it is in state \"{state}\".";
}
