namespace IronicCore.Drivers.Redfish;

/// <summary>A firmware update task's <c>TaskState</c> as the simulated BMC reports it.</summary>
public enum RedfishUpdateTaskState
{
    /// <summary><c>Running</c>: the image waits for the system's next boot.</summary>
    Running,

    /// <summary><c>Completed</c> (<c>TaskStatus</c> OK): the component's version went up.</summary>
    Completed,

    /// <summary><c>Exception</c> (<c>TaskStatus</c> Critical): the image could not be applied.</summary>
    Exception,
}
