namespace IronicCore.Configuration;

/// <content>Rescue.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] require_rescue_password_hashed</c>: whether rescue refuses to fall back to the
    /// plain-text password for agents that cannot take the hashed one.
    /// </summary>
    /// <value>Default: <c>true</c> (21.4: <c>false</c>). Limits: none.</value>
    [IronicOption("require_rescue_password_hashed")]
    public bool RequireRescuePasswordHashed { get; init; }
}
