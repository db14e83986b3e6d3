namespace IronicCore.Api.Hosting;

/// <summary>Work waiting in <see cref="ConductorLoop"/>'s queue.</summary>
internal interface IQueuedWork
{
    void Execute(SimulationState simulation);
}
