namespace IronicCore.Api.Hosting;

/// <summary>Work waiting in <see cref="ConductorLoop"/>'s queue.</summary>
internal interface IQueuedWork
{
    /// <summary>Runs the work on the conductor's turn, keeping its outcome.</summary>
    void Execute(SimulationState simulation);

    /// <summary>Answers the request with the outcome, once the nodes it changed are published.</summary>
    void Complete();
}
