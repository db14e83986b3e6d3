using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting.Periodic;

/// <summary>
/// Ironic's <c>_fail_if_in_state</c> moves a timed-out node to its fail state and hands the
/// timeout's clean-up to a spawned worker. What escapes it (a power-off through a BMC that does not
/// answer, <c>poweroff_in_cleanfail</c>, <c>poweroff_in_servicefail</c>) reaches only the task's
/// <c>_write_exception</c>, which writes it to a <c>last_error</c> still empty; the node stays as
/// the clean-up left it.
/// </summary>
internal static class SpawnedWorker
{
    /// <summary>Runs the clean-up as the worker does: an escaped error is <see cref="TaskManager.WriteException"/>'s.</summary>
    /// <param name="node">The node the worker holds.</param>
    /// <param name="method">The clean-up's name in Ironic (<c>cleanup_cleanwait_timeout</c>), as the error names it.</param>
    /// <param name="cleanUp">The clean-up.</param>
    public static void Run(Node node, string method, Action cleanUp)
    {
        try
        {
            cleanUp();
        }
        catch (IronicException error)
        {
            TaskManager.WriteException(node, method, error.Message);
        }
    }
}
