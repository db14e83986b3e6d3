using BenchmarkDotNet.Attributes;
using IronicCore.Errors;
using IronicCore.States;
using Stateless;

namespace IronicCore.Benchmarks.States;

/// <summary>
/// Firing the same seeded random walk of valid events through raw Stateless (the baseline)
/// and through the compiled transition table that nodes use.
/// </summary>
[MemoryDiagnoser]
public class ProvisionStateMachineBenchmark
{
    private const int WalkLength = 4096;
    private readonly ProvisionStateMachine table = ProvisionStateMachine.Master;
    private ProvisionEvent[] walk = [];
    private StateMachine<ProvisionState, ProvisionEvent> stateless = null!;
    private ProvisionState statelessState;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var state = ProvisionStateMachine.InitialState;
        walk = new ProvisionEvent[WalkLength];
        for (var i = 0; i < WalkLength; i++)
        {
            var allowed = table.AllowedEvents(state);
            walk[i] = allowed[random.Next(allowed.Length)];
            state = table.Fire(state, walk[i]);
        }

        stateless = ProvisionStateMachineDefinition.Build(IronicRelease.Master, () => statelessState, s => statelessState = s);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = WalkLength)]
    public ProvisionState Stateless()
    {
        statelessState = ProvisionStateMachine.InitialState;
        foreach (var @event in walk)
        {
            stateless.Fire(@event);
        }

        return statelessState;
    }

    [Benchmark(OperationsPerInvoke = WalkLength)]
    public ProvisionState CompiledTable()
    {
        var state = ProvisionStateMachine.InitialState;
        foreach (var @event in walk)
        {
            table.TryFire(state, @event, out state);
        }

        return state;
    }
}
