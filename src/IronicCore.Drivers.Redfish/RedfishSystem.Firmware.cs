namespace IronicCore.Drivers.Redfish;

/// <content>At a boot, the system's firmware update tasks end.</content>
public sealed partial class RedfishSystem
{
    partial void OnBooted() => Bmc.FinishUpdateTasks(this);
}
