namespace IronicCore.States;

/// <summary>
/// A node's <c>provision_state</c>: the 30 states of Ironic's provision state machine
/// (<c>ironic/common/states.py</c>). <see cref="IronicNames.ToIronicName(ProvisionState)"/>
/// gives the wire name, e.g. <c>"clean wait"</c> for <see cref="CleanWait"/>.
/// </summary>
public enum ProvisionState : byte
{
    /// <summary><c>active</c>: an instance is deployed (stable).</summary>
    [IronicName("active")] Active,

    /// <summary><c>adopt failed</c>: adoption of a running machine failed.</summary>
    [IronicName("adopt failed")] AdoptFailed,

    /// <summary><c>adopting</c>: taking over a machine that already runs an instance.</summary>
    [IronicName("adopting")] Adopting,

    /// <summary><c>available</c>: clean and ready for deployment (stable).</summary>
    [IronicName("available")] Available,

    /// <summary><c>clean failed</c>: cleaning failed; only <c>manage</c> leads on.</summary>
    [IronicName("clean failed")] CleanFailed,

    /// <summary><c>clean hold</c>: cleaning paused by a <c>hold</c> step.</summary>
    [IronicName("clean hold")] CleanHold,

    /// <summary><c>clean wait</c>: cleaning waits for the ramdisk agent to call back.</summary>
    [IronicName("clean wait")] CleanWait,

    /// <summary><c>cleaning</c>: clean steps are running.</summary>
    [IronicName("cleaning")] Cleaning,

    /// <summary><c>deleting</c>: the instance is being torn down.</summary>
    [IronicName("deleting")] Deleting,

    /// <summary><c>deploy failed</c>: deployment failed.</summary>
    [IronicName("deploy failed")] DeployFailed,

    /// <summary><c>deploy hold</c>: deployment paused by a <c>hold</c> step.</summary>
    [IronicName("deploy hold")] DeployHold,

    /// <summary><c>deploying</c>: deploy steps are running.</summary>
    [IronicName("deploying")] Deploying,

    /// <summary><c>enroll</c>: the state of a new node (stable).</summary>
    [IronicName("enroll")] Enroll,

    /// <summary><c>error</c>: tear-down failed (stable).</summary>
    [IronicName("error")] Error,

    /// <summary><c>inspect failed</c>: hardware inspection failed.</summary>
    [IronicName("inspect failed")] InspectFailed,

    /// <summary><c>inspect wait</c>: waiting for inspection data.</summary>
    [IronicName("inspect wait")] InspectWait,

    /// <summary><c>inspecting</c>: hardware inspection runs.</summary>
    [IronicName("inspecting")] Inspecting,

    /// <summary><c>manageable</c>: under the operator's control (stable).</summary>
    [IronicName("manageable")] Manageable,

    /// <summary><c>rescue</c>: booted into the rescue ramdisk (stable).</summary>
    [IronicName("rescue")] Rescue,

    /// <summary><c>rescue failed</c>: rescue failed.</summary>
    [IronicName("rescue failed")] RescueFailed,

    /// <summary><c>rescue wait</c>: waiting for the rescue agent to call back.</summary>
    [IronicName("rescue wait")] RescueWait,

    /// <summary><c>rescuing</c>: preparing the rescue ramdisk.</summary>
    [IronicName("rescuing")] Rescuing,

    /// <summary><c>service failed</c>: a service step failed.</summary>
    [IronicName("service failed")] ServiceFailed,

    /// <summary><c>service hold</c>: servicing paused by a <c>hold</c> step.</summary>
    [IronicName("service hold")] ServiceHold,

    /// <summary><c>service wait</c>: servicing waits for the ramdisk agent.</summary>
    [IronicName("service wait")] ServiceWait,

    /// <summary><c>servicing</c>: service steps run on an active node.</summary>
    [IronicName("servicing")] Servicing,

    /// <summary><c>unrescue failed</c>: leaving rescue failed.</summary>
    [IronicName("unrescue failed")] UnrescueFailed,

    /// <summary><c>unrescuing</c>: returning from rescue to the instance.</summary>
    [IronicName("unrescuing")] Unrescuing,

    /// <summary><c>verifying</c>: checking power credentials after <c>manage</c> from <c>enroll</c>.</summary>
    [IronicName("verifying")] Verifying,

    /// <summary><c>wait call-back</c>: deployment waits for the ramdisk agent to call back.</summary>
    [IronicName("wait call-back")] WaitCallBack,
}
