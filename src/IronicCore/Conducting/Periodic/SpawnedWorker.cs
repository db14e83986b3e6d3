using IronicCore.Errors;

namespace IronicCore.Conducting.Periodic;

/// <summary>
/// Ironic's <c>_fail_if_in_state</c> moves a timed-out node to its fail state and hands the
/// timeout's error handler to a spawned worker: what escapes the handler (a power-off through a
/// BMC that does not answer, <c>poweroff_in_cleanfail</c>, <c>poweroff_in_servicefail</c>) is only
/// logged, and the node stays as the handler left it, with the power action's own <c>last_error</c>.
/// </summary>
internal static class SpawnedWorker
{
    public static void Run(Action handler)
    {
        try
        {
            handler();
        }
        catch (IronicException)
        {
            // Logged by Ironic's worker; nothing reaches the periodic task or the node.
        }
    }
}
