namespace IronicCore.Cli.Commands.Bench;

/// <summary>
/// What the nodes of an agent lifecycle run are (<c>ironic-sim bench --hardware ipmi|redfish
/// --boot-interface NAME</c>): a hardware type and the boot interface its nodes use.
/// </summary>
/// <param name="Type">The hardware type: <c>ipmi</c> or <c>redfish</c>.</param>
/// <param name="BootInterface">The nodes' boot interface, one of the type's <see cref="BootInterfacesOf"/>.</param>
internal sealed record AgentHardware(string Type, string BootInterface)
{
    /// <summary>ipmi nodes booting the agent over PXE: the run the ipmi benchmarks time.</summary>
    public static AgentHardware Ipmi { get; } = new("ipmi", "pxe");

    /// <summary>redfish nodes booting the agent's ISO as virtual media: Ironic's default for redfish.</summary>
    public static AgentHardware Redfish { get; } = new("redfish", "redfish-virtual-media");

    /// <summary>Whether the nodes boot through the type's default interface (the node names none).</summary>
    public bool DefaultBoot => BootInterface == BootInterfacesOf(Type)[0];

    /// <summary>Whether the boot interface needs the conductor's HTTP server (<c>[deploy] http_url</c>).</summary>
    public bool NeedsHttpServer => BootInterface is "ipxe" or "redfish-virtual-media";

    /// <summary>The boot interfaces a hardware type's bench nodes may use, its default first; empty for a type without agents.</summary>
    public static string[] BootInterfacesOf(string type) => type switch
    {
        "ipmi" => ["pxe", "ipxe"],
        "redfish" => ["redfish-virtual-media", "ipxe", "pxe"],
        _ => [],
    };

    public override string ToString() => DefaultBoot ? Type : $"{Type} ({BootInterface})";
}
