namespace IronicCore.Drivers.Redfish;

/// <summary>The <c>ResetType</c>s of <c>ComputerSystem.Reset</c> that Ironic sends.</summary>
internal enum RedfishResetType : byte
{
    On,
    ForceOff,
    GracefulShutdown,
    ForceRestart,
    GracefulRestart,
    Nmi,
}
