namespace IronicCore.Drivers.Redfish;

/// <content>
/// The BMC's <c>UpdateService</c> and <c>TaskService</c>: <c>SimpleUpdate</c> starts a task that
/// runs until its system next boots; then the component's version goes up (the last number of it,
/// keeping its width), or, with <see cref="RedfishSystem.FirmwareUpdateFails"/>, the task ends in
/// <c>Exception</c>; with <see cref="RedfishSystem.FirmwareUpdateNeverCompletes"/> it runs on.
/// </content>
public sealed partial class RedfishBmc
{
    private readonly List<RedfishUpdateTask> updateTasks = [];

    /// <summary>The firmware update tasks started so far, in order.</summary>
    public IReadOnlyList<RedfishUpdateTask> UpdateTasks => updateTasks;

    /// <summary><c>UpdateService.SimpleUpdate</c> for one system: its task, running.</summary>
    internal RedfishUpdateTask SimpleUpdate(RedfishSystem system, string image)
    {
        var path = Uri.TryCreate(image, UriKind.Absolute, out var uri) ? uri.AbsolutePath : image;
        var component = path.Contains("bmc", StringComparison.OrdinalIgnoreCase) ? "bmc" : "bios";
        var task = new RedfishUpdateTask(updateTasks.Count + 1, system.Id, component, image);
        updateTasks.Add(task);
        return task;
    }

    /// <summary>The task a monitor path names, or null when the BMC has none such.</summary>
    internal RedfishUpdateTask? TaskAt(string monitorPath)
    {
        foreach (var task in updateTasks)
        {
            if (task.MonitorPath == monitorPath)
            {
                return task;
            }
        }

        return null;
    }

    /// <summary>A snapshot's task, as it was.</summary>
    internal void RestoreTask(string systemId, string component, string image, RedfishUpdateTaskState state) =>
        updateTasks.Add(new RedfishUpdateTask(updateTasks.Count + 1, systemId, component, image) { State = state });

    /// <summary>The system booted: its running tasks end.</summary>
    internal void FinishUpdateTasks(RedfishSystem system)
    {
        foreach (var task in updateTasks)
        {
            if (task.State != RedfishUpdateTaskState.Running || task.SystemId != system.Id || system.FirmwareUpdateNeverCompletes)
            {
                continue;
            }

            if (system.FirmwareUpdateFails)
            {
                task.State = RedfishUpdateTaskState.Exception;
                continue;
            }

            task.State = RedfishUpdateTaskState.Completed;
            if (task.Component == "bmc")
            {
                system.Firmware.BmcVersion = Bumped(system.Firmware.BmcVersion);
            }
            else
            {
                system.Firmware.BiosVersion = Bumped(system.Firmware.BiosVersion);
            }
        }
    }

    /// <summary>The version after an update: its last dot-separated number one higher, as wide as before; else <c>.1</c> appended.</summary>
    private static string Bumped(string version)
    {
        var dot = version.LastIndexOf('.');
        var last = version[(dot + 1)..];
        if (last.Length == 0 || !last.All(char.IsAsciiDigit))
        {
            return version + ".1";
        }

        var head = dot < 0 ? string.Empty : version[..dot];
        var next = (System.Numerics.BigInteger.Parse(last, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{head}.{next.PadLeft(last.Length, '0')}";
    }
}
