using IronicCore.Api.Durability;

namespace IronicCore.Api.Hosting;

/// <summary>Work waiting in <see cref="ConductorLoop"/>'s queue.</summary>
internal interface IQueuedWork
{
    /// <summary>The request's journal record, when the request changes state and the state is kept.</summary>
    JournalRecord? Request { get; }

    /// <summary>Runs the work on the conductor's turn, keeping its outcome.</summary>
    void Execute(SimulationState simulation);

    /// <summary>Answers the request with the outcome, once it is durable and the nodes it changed are published.</summary>
    void Complete();

    /// <summary>Fails the request: its work could not be run, or ran but could not be made durable.</summary>
    void Fail(Exception failure);
}
