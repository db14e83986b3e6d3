using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace IronicCore.States;

/// <summary>
/// Ironic's provision state machine for one release, compiled from its Stateless definition
/// into a dense, immutable table (state × event → state) that every node shares. Firing an
/// event is one array read and allocates nothing. Immutable and thread-safe.
/// </summary>
public sealed class ProvisionStateMachine
{
    private const byte NoTransition = byte.MaxValue;
    private static readonly int StateCount = Enum.GetValues<ProvisionState>().Length;
    private static readonly int EventCount = Enum.GetValues<ProvisionEvent>().Length;

    /// <summary>Each release's machine, indexed by release.</summary>
    private static readonly ProvisionStateMachine[] Machines = [.. Enum.GetValues<IronicRelease>().Select(r => new ProvisionStateMachine(r))];

    private readonly byte[] next;
    private readonly ImmutableArray<ProvisionEvent>[] allowed;
    private readonly StateDescription?[] descriptions;
    private readonly FrozenSet<ProvisionState>[] sets;

    private ProvisionStateMachine(IronicRelease release)
    {
        Release = release;
        var profile = ReleaseProfile.For(release);
        descriptions = new StateDescription?[StateCount];
        foreach (var description in ProvisionStateMachineDefinition.States)
        {
            if (profile.HoldsAndServicing || !description.HoldOrService)
            {
                descriptions[(int)description.State] = description;
            }
        }

        States = [.. ProvisionStateMachineDefinition.States.Where(d => Exists(d.State)).Select(d => d.State)];
        next = Compile(release, States);
        allowed = new ImmutableArray<ProvisionEvent>[StateCount];
        var transitions = ImmutableArray.CreateBuilder<ProvisionTransition>();
        for (var state = 0; state < StateCount; state++)
        {
            var events = ImmutableArray.CreateBuilder<ProvisionEvent>();
            for (var @event = 0; @event < EventCount; @event++)
            {
                var to = next[(state * EventCount) + @event];
                if (to != NoTransition)
                {
                    events.Add((ProvisionEvent)@event);
                    transitions.Add(new((ProvisionState)state, (ProvisionEvent)@event, (ProvisionState)to));
                }
            }

            allowed[state] = events.ToImmutable();
        }

        Transitions = transitions.ToImmutable();
        ApiVerbs = [.. Enum.GetValues<ApiVerb>().Where(v =>
            v != ApiVerb.Rebuild && (profile.HoldsAndServicing || !ProvisionStateMachineDefinition.IsHoldOrServiceVerb(v)))];
        sets = [.. Enum.GetValues<ProvisionStateSet>().Select(set =>
            ProvisionStateSetDefinition.Of(set, profile).Where(Exists).ToFrozenSet())];
    }

    /// <summary>Ironic master's machine (the default).</summary>
    public static ProvisionStateMachine Master => Machines[(int)IronicRelease.Master];

    /// <summary>The state every new node starts in: <see cref="ProvisionState.Enroll"/>.</summary>
    public static ProvisionState InitialState => ProvisionStateMachineDefinition.InitialState;

    /// <summary>The release this machine follows.</summary>
    public IronicRelease Release { get; }

    /// <summary>The states this release has, in the order of their wire names.</summary>
    public ImmutableArray<ProvisionState> States { get; }

    /// <summary>Every transition, ordered by state, then event.</summary>
    public ImmutableArray<ProvisionTransition> Transitions { get; }

    /// <summary>The verbs of Ironic's <c>VERBS</c> table in this release (<c>rebuild</c> is not one).</summary>
    public ImmutableArray<ApiVerb> ApiVerbs { get; }

    /// <summary>The machine of <paramref name="release"/>.</summary>
    public static ProvisionStateMachine For(IronicRelease release) =>
        (uint)release < (uint)Machines.Length ? Machines[(int)release] : throw new ArgumentOutOfRangeException(nameof(release), release, null);

    /// <summary>The event an API verb fires (<c>active</c> and <c>deploy</c> both fire <c>deploy</c>).</summary>
    public static ProvisionEvent EventOf(ApiVerb verb) => ProvisionStateMachineDefinition.EventOf(verb);

    /// <summary>Whether this release has <paramref name="state"/> (21.4 has no hold or service states).</summary>
    public bool Exists(ProvisionState state) => (uint)state < (uint)StateCount && descriptions[(int)state] is not null;

    /// <summary>Whether <paramref name="state"/> is stable: a node rests there until asked to move.</summary>
    public bool IsStable(ProvisionState state) => Describe(state).Stable;

    /// <summary>The stable state <paramref name="state"/> heads for (<c>target_provision_state</c>), or null for a stable state.</summary>
    public ProvisionState? TargetOf(ProvisionState state) => Describe(state).Target;

    /// <summary>The events allowed in <paramref name="state"/>, in event order.</summary>
    public ImmutableArray<ProvisionEvent> AllowedEvents(ProvisionState state) => allowed[(int)state];

    /// <summary>The states of one of Ironic's named sets, as this release has them.</summary>
    public FrozenSet<ProvisionState> StatesIn(ProvisionStateSet set) => sets[(int)set];

    /// <summary>Looks up the state <paramref name="event"/> leads to from <paramref name="from"/>; false when it is not allowed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFire(ProvisionState from, ProvisionEvent @event, out ProvisionState to)
    {
        var index = ((int)from * EventCount) + (int)@event;
        var target = (uint)index < (uint)next.Length ? next[index] : NoTransition;
        to = target == NoTransition ? from : (ProvisionState)target;
        return target != NoTransition;
    }

    private StateDescription Describe(ProvisionState state) =>
        Exists(state)
            ? descriptions[(int)state]!.Value
            : throw new ArgumentOutOfRangeException(nameof(state), state, $"Ironic {Release.ToIronicName()} has no such state.");

    /// <summary>
    /// Asks the Stateless definition, state by state and event by event, where each event leads;
    /// guards are evaluated here, once, so the table holds only what this release permits.
    /// </summary>
    private static byte[] Compile(IronicRelease release, ImmutableArray<ProvisionState> states)
    {
        var table = new byte[StateCount * EventCount];
        Array.Fill(table, NoTransition);
        var current = ProvisionStateMachineDefinition.InitialState;
        var machine = ProvisionStateMachineDefinition.Build(release, () => current, s => current = s);
        foreach (var state in states)
        {
            for (var @event = 0; @event < EventCount; @event++)
            {
                current = state;
                if (machine.CanFire((ProvisionEvent)@event))
                {
                    machine.Fire((ProvisionEvent)@event);
                    table[((int)state * EventCount) + @event] = (byte)current;
                }
            }
        }

        return table;
    }
}
