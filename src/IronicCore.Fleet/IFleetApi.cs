using IronicCore.Errors;

namespace IronicCore.Fleet;

/// <summary>
/// What an operator's automation reaches in a fleet: Ironic's API (<see cref="IIronicClient"/>;
/// in a simulated fleet each request goes to the conductor that Ironic's hash ring gives the
/// node and takes one of its workers), the human operators' ticket queue, and the time.
/// A simulated fleet implements it (<see cref="FleetSimulation.Api"/>); so can a real one, over
/// an Ironic client, a ticket system and <see cref="TimeProvider.System"/>, and the same policy
/// then runs there.
/// </summary>
/// <remarks>
/// In a simulated fleet, a request may also be refused with
/// <see cref="NoFreeConductorWorkerException"/> when the node's conductor has no free worker, or
/// with a 500 (<c>MessagingTimeout</c>) when that conductor is dead and still on the ring.
/// Nothing changes when a request is refused.
/// </remarks>
public interface IFleetApi : IIronicClient
{
    /// <summary>The time now (virtual time in a simulated fleet).</summary>
    DateTimeOffset Now { get; }

    /// <summary>
    /// Hands the node to the human operators: one ticket, worked in turn in their hours; they
    /// repair what is broken and return the node to <c>available</c>. A node with an open
    /// ticket is the humans' until it is back; a second call is ignored.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    void OpenTicket(string ident);

    /// <summary>Whether the node has an open ticket.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>True while the humans have it.</returns>
    /// <exception cref="NodeNotFoundException">No such node.</exception>
    bool HasTicket(string ident);
}
