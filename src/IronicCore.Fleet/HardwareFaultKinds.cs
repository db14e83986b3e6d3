namespace IronicCore.Fleet;

/// <summary>Which machines a fault kind strikes and who sees it.</summary>
internal static class HardwareFaultKinds
{
    /// <summary>
    /// Whether the kind is a Redfish BMC's own (<see cref="HardwareFaultKind.CredentialsRejected"/>,
    /// <see cref="HardwareFaultKind.ResetFails"/>, <see cref="HardwareFaultKind.InsertMediaFails"/>):
    /// it strikes redfish nodes only, drawn apart from the faults every machine can have.
    /// </summary>
    public static bool IsRedfish(HardwareFaultKind kind) => kind >= HardwareFaultKind.CredentialsRejected;

    /// <summary>Whether the fault is in the BMC: a tenant's running instance does not feel it, and it is never masked.</summary>
    public static bool IsBmc(HardwareFaultKind kind) => kind == HardwareFaultKind.Bmc || IsRedfish(kind);

    /// <summary>The kind as a scenario file spells it (<c>disk</c>, <c>credentials_rejected</c>).</summary>
    public static string Name(HardwareFaultKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
