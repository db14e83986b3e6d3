using System.Runtime.ExceptionServices;
using IronicCore.Api.Durability;

namespace IronicCore.Api.Hosting;

/// <summary>One request's work for the conductor, and the task its request awaits.</summary>
internal sealed class QueuedWork<T>(Func<SimulationState, T> work, JournalRecord? request) : IQueuedWork
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;
    private ExceptionDispatchInfo? error;

    public Task<T> Completion => completion.Task;

    public JournalRecord? Request => request;

    public void Execute(SimulationState simulation)
    {
        try
        {
            result = work(simulation);
        }
#pragma warning disable CA1031 // Whatever the work throws belongs to its request, not to the loop.
        catch (Exception thrown)
#pragma warning restore CA1031
        {
            error = ExceptionDispatchInfo.Capture(thrown);
        }
    }

    public void Complete()
    {
        if (error is null)
        {
            completion.SetResult(result!);
        }
        else
        {
            completion.SetException(error.SourceException);
        }
    }

    /// <summary>Fails the request: its work could not be run, or ran but could not be made durable.</summary>
    public void Fail(Exception failure) => completion.TrySetException(failure);
}
