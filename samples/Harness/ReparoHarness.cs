using IronicCore;
using IronicCore.Errors;
using IronicCore.Fleet;
using IronicCore.Fleet.Policies;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace Harness;

/// <summary>
/// The team's deployment of its remediation tool, Reparo (<see cref="ReparoPolicy"/>, the same
/// code <c>ironic-sim fleet</c> compares), against one Ironic: Reparo looks at the nodes every
/// <see cref="PollInterval"/> until they settle; the tickets it opens go to the team's queue
/// (<see cref="NeedHuman"/>); what Ironic refused and the nodes put back in the pool are
/// recorded for the tests. Every call reaches <paramref name="ironic"/> through
/// <see cref="IIronicClient"/>, the calls the real tool makes over Ironic's REST API;
/// <paramref name="sleep"/> is how it waits between looks (Thread.Sleep in production,
/// virtual time in the tests).
/// </summary>
public sealed class ReparoHarness(Conductor ironic, Action<TimeSpan> sleep) : IFleetApi
{
    // One round of cleaning: fake-hardware's bios.factory_reset needs no arguments.
    private static readonly ProvisionRequest OneCleanRound = new() { CleanSteps = [new StepRequest("bios", "factory_reset")] };
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private const int MaxPolls = 180;

    private readonly ReparoPolicy reparo = new(OneCleanRound);

    public List<(string Node, IronicException Refusal)> Refusals { get; } = []; // what Ironic said no to
    public List<string> Returned { get; } = [];  // cleaned and sent back to the pool (`provide`)
    public List<string> NeedHuman { get; } = []; // the team's ticket queue: someone has to look

    public DateTimeOffset Now => ironic.Clock.GetUtcNow();

    /// <summary>Reparo's looks, until no node in maintenance waits for it and none is mid-operation.</summary>
    public void RunOnce()
    {
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            reparo.Run(this);
            if (Settled())
            {
                return;
            }

            sleep(PollInterval);
        }

        throw new TimeoutException("Reparo's nodes did not settle.");
    }

    public IReadOnlyList<NodeView> ListNodes(bool? maintenance = null, ProvisionState? provisionState = null) =>
        ironic.ListNodes(maintenance, provisionState);

    public NodeView GetNode(string ident) => ironic.GetNode(ident);

    public void SetProvisionState(string ident, ApiVerb verb, ProvisionRequest? request = null)
    {
        Record(ident, () => ironic.SetProvisionState(ident, verb, request));
        if (verb == ApiVerb.Provide)
        {
            Returned.Add(NameOf(ident));
        }
    }

    public void SetMaintenance(string ident, string? reason = null) => Record(ident, () => ironic.SetMaintenance(ident, reason));

    public void ClearMaintenance(string ident) => Record(ident, () => ironic.ClearMaintenance(ident));

    public void SetPowerState(string ident, PowerState target, TimeSpan? timeout = null) =>
        Record(ident, () => ironic.SetPowerState(ident, target, timeout));

    public void OpenTicket(string ident)
    {
        if (!HasTicket(ident))
        {
            NeedHuman.Add(NameOf(ident));
        }
    }

    public bool HasTicket(string ident) => NeedHuman.Contains(NameOf(ident));

    // Settled: every node in maintenance has a ticket, and none is between stable states.
    private bool Settled() =>
        ironic.ListNodes(maintenance: true).All(node => HasTicket(node.Uuid))
        && ironic.ListNodes().All(node => node.ProvisionState is ProvisionState.Available or ProvisionState.Manageable
            or ProvisionState.Active or ProvisionState.Enroll or ProvisionState.CleanFailed);

    private string NameOf(string ident) => ironic.GetNode(ident) is var node ? node.Name ?? node.Uuid : ident;

    private void Record(string ident, Action request)
    {
        try
        {
            request();
        }
        catch (IronicException refusal)
        {
            Refusals.Add((NameOf(ident), refusal));
            throw;
        }
    }
}
