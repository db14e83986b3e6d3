namespace IronicCore.Api.Hosting;

/// <summary>One request's work for the conductor, and the task its request awaits.</summary>
internal sealed class QueuedWork<T>(Func<SimulationState, T> work) : IQueuedWork
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Completion => completion.Task;

    public void Execute(SimulationState simulation)
    {
        try
        {
            completion.SetResult(work(simulation));
        }
#pragma warning disable CA1031 // Whatever the work throws belongs to its request, not to the loop.
        catch (Exception error)
#pragma warning restore CA1031
        {
            completion.SetException(error);
        }
    }
}
