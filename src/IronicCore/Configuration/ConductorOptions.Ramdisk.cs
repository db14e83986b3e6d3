namespace IronicCore.Configuration;

/// <content>The deploy ramdisk and rescue.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] deploy_kernel</c>: the deploy kernel (Glance ID, <c>http://</c> or <c>file://</c>
    /// URL) for nodes whose <c>driver_info</c> names none.
    /// </summary>
    /// <value>Default: unset. Limits: none.</value>
    [IronicOption("deploy_kernel")]
    public string? DeployKernel { get; init; }

    /// <summary>
    /// <c>[conductor] deploy_ramdisk</c>: the deploy ramdisk (Glance ID, <c>http://</c> or <c>file://</c>
    /// URL) for nodes whose <c>driver_info</c> names none.
    /// </summary>
    /// <value>Default: unset. Limits: none.</value>
    [IronicOption("deploy_ramdisk")]
    public string? DeployRamdisk { get; init; }

    /// <summary>
    /// <c>[conductor] require_rescue_password_hashed</c>: whether rescue refuses to fall back to the
    /// plain-text password for agents that cannot take the hashed one.
    /// </summary>
    /// <value>Default: <c>true</c> (21.4: <c>false</c>). Limits: none.</value>
    [IronicOption("require_rescue_password_hashed")]
    public bool RequireRescuePasswordHashed { get; init; }
}
