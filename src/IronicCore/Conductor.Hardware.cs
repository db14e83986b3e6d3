using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore;

// The node sub-resources that reach the hardware through the node's console, management,
// vendor, BIOS and RAID interfaces: console, NMI, indicators, boot mode, secure boot, vendor passthru, the
// cached BIOS settings and the target RAID configuration.
public sealed partial class Conductor
{
    /// <summary>
    /// How to reach the node's console (<c>GET /v1/nodes/{node}/states/console</c>, Ironic's
    /// <c>get_console_information</c>, under a shared lock).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>Null while the console is off (Ironic's <c>NodeConsoleNotEnabled</c>, which the API answers as <c>console_enabled: false</c>); else the console interface's <c>console_info</c>.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The console is on but the hardware type has no console interface (<c>no-console</c>).</exception>
    public JsonElement? GetConsoleInformation(string ident) => context.Console.GetConsoleInformation(Find(ident));

    /// <summary>
    /// Starts or stops the node's console (<c>PUT /v1/nodes/{node}/states/console</c>, Ironic's
    /// <c>set_console_mode</c>): the console interface's validation, then, unless the console
    /// already is in that mode, the exclusive lock, <c>last_error</c> cleared and the interface's
    /// start or stop, after which <c>console_enabled</c> says so.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="enabled">Whether the console is to run.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The hardware type has no console interface (<c>no-console</c>), e.g. <c>ipmi</c> here.</exception>
    /// <exception cref="NodeLockedException">The node is reserved and the mode would change.</exception>
    public void SetConsoleMode(string ident, bool enabled) => context.Console.SetConsoleMode(Find(ident), enabled);

    /// <summary>
    /// Injects a non-maskable interrupt (<c>PUT /v1/nodes/{node}/management/inject_nmi</c>, Ironic's
    /// <c>inject_nmi</c>): exclusive lock, the management interface's validation, then the
    /// interface (ipmitool's <c>power diag</c>; fake and noop management refuse it, as in Ironic).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The management interface cannot inject an NMI.</exception>
    /// <exception cref="IronicException">The BMC did not answer: the interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    public void InjectNmi(string ident) => context.Management.InjectNmi(Find(ident));

    /// <summary>
    /// The node's indicators (<c>GET /v1/nodes/{node}/management/indicators</c>, Ironic's
    /// <c>get_supported_indicators</c> under a shared lock, without validation): by component, in the
    /// management interface's order (fake: a chassis and a system LED; redfish: the system's LED, its id
    /// the system's UUID).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The management interface has no indicators (noop, ipmitool).</exception>
    /// <exception cref="IronicException">The BMC did not answer: the interface's own error.</exception>
    public IReadOnlyList<SupportedIndicator> GetIndicators(string ident) => context.Management.GetSupportedIndicators(Find(ident));

    /// <summary>
    /// An indicator's state (<c>GET /v1/nodes/{node}/management/indicators/{name@component}</c>, Ironic's
    /// <c>get_indicator_state</c>): exclusive lock, the management interface's validation, then the interface.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="component">The hardware component: <c>system</c>, <c>chassis</c> or <c>disk</c>.</param>
    /// <param name="indicator">The indicator's id within the component.</param>
    /// <returns><c>on</c>, <c>off</c>, <c>blinking</c> or <c>unknown</c>.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="IronicException">The interface has no such indicator or none at all, or the BMC did not answer.</exception>
    public string GetIndicatorState(string ident, string component, string indicator) =>
        context.Management.GetIndicatorState(Find(ident), component, indicator);

    /// <summary>
    /// Sets an indicator (<c>PUT /v1/nodes/{node}/management/indicators/{name@component}</c>, Ironic's
    /// <c>set_indicator_state</c>), as <see cref="GetIndicatorState"/> (fake management cannot set its indicators).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="component">The hardware component.</param>
    /// <param name="indicator">The indicator's id within the component.</param>
    /// <param name="state"><c>on</c>, <c>off</c>, <c>blinking</c> or <c>unknown</c>.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="IronicException">The interface has no such indicator or state or cannot set indicators, or the BMC failed.</exception>
    public void SetIndicatorState(string ident, string component, string indicator, string state) =>
        context.Management.SetIndicatorState(Find(ident), component, indicator, state);

    /// <summary>
    /// Asks for a boot mode (<c>PUT /v1/nodes/{node}/states/boot_mode</c>, Ironic's
    /// <c>change_node_boot_mode</c>, with its API's checks first): accepted after the lock and
    /// the management interface's validation; then the change (at once): nothing when the interface
    /// reads that mode already, else it sets it and <c>boot_mode</c> says so, or its failure lands in
    /// <c>last_error</c> (fake, noop and ipmitool management refuse it, as in Ironic; redfish sets it).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="mode"><c>bios</c> or <c>uefi</c>.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="InvalidParameterValueException">The mode is neither <c>bios</c> nor <c>uefi</c>.</exception>
    /// <exception cref="ConflictException">The node is in a state with work in progress (Ironic's <c>UNSTABLE_STATES</c>).</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    public void SetBootMode(string ident, string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var node = Find(ident);
        if (mode is not ("bios" or "uefi"))
        {
            throw new InvalidParameterValueException($"Invalid boot mode {mode} requested for node. Allowed boot modes are: bios, uefi");
        }

        EnsureStable(node);
        context.Management.ChangeBootMode(node, mode);
    }

    /// <summary>
    /// Asks for secure boot on or off (<c>PUT /v1/nodes/{node}/states/secure_boot</c>, Ironic's
    /// <c>change_node_secure_boot</c>), as <see cref="SetBootMode"/>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="enabled">Whether secure boot is to be on.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="ConflictException">The node is in a state with work in progress (Ironic's <c>UNSTABLE_STATES</c>).</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    public void SetSecureBoot(string ident, bool enabled)
    {
        var node = Find(ident);
        EnsureStable(node);
        context.Management.ChangeSecureBoot(node, enabled);
    }

    /// <summary>
    /// The node's vendor passthru methods (<c>GET /v1/nodes/{node}/vendor_passthru/methods</c>,
    /// Ironic's <c>get_node_vendor_passthru_methods</c>): fake-hardware's fake vendor interface's,
    /// none for <c>no-vendor</c>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public ImmutableArray<VendorPassthruMethod> GetVendorPassthruMethods(string ident) => context.Vendor.Methods(Find(ident));

    /// <summary>
    /// Calls a vendor passthru method (<c>/v1/nodes/{node}/vendor_passthru?method=NAME</c>,
    /// Ironic's <c>vendor_passthru</c>).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="method">The method's name.</param>
    /// <param name="httpMethod">The request's HTTP method.</param>
    /// <param name="args">The request's body: a JSON object whose keys are the method's keyword arguments.</param>
    /// <returns>The method's answer; an asynchronous one's runs in its worker and returns nothing.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="InvalidParameterValueException">No such method (<c>No handler for method NAME</c>), or it does not answer that HTTP method.</exception>
    /// <exception cref="NodeLockedException">The method takes the exclusive lock and the node is reserved.</exception>
    /// <exception cref="MissingParameterValueException">The interface's validation refused the arguments.</exception>
    /// <exception cref="VendorPassthruException">A synchronous method failed with a Python error (arguments it does not take).</exception>
    public VendorPassthruResult VendorPassthru(string ident, string method, string httpMethod, JsonElement args)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(httpMethod);
        if (args.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The arguments are a JSON object.", nameof(args));
        }

        return context.Vendor.Call(Find(ident), method, httpMethod, args);
    }

    /// <summary>
    /// The node's cached BIOS settings (<c>GET /v1/nodes/{node}/bios</c>, read by Ironic's API from
    /// its database without a lock), in name order: what the fake BIOS interface's
    /// <c>apply_configuration</c> clean step stored, emptied by <c>factory_reset</c>; none on a
    /// node whose BIOS interface is <c>no-bios</c>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public ImmutableArray<Nodes.BiosSetting> GetBiosSettings(string ident) => Find(ident).Details.BiosSettings;

    /// <summary>
    /// The firmware components the node's firmware interface cached (Ironic's
    /// <c>firmware_information</c> rows of the node, <c>GET /v1/nodes/{node}/firmware</c>), in the
    /// order they were first stored; empty for a node whose firmware interface is <c>no-firmware</c>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public ImmutableArray<Nodes.FirmwareComponent> GetFirmwareComponents(string ident) => Find(ident).Details.FirmwareComponents;

    /// <summary>
    /// Sets the node's <c>target_raid_config</c> (<c>PUT /v1/nodes/{node}/states/raid</c>, Ironic's
    /// <c>set_target_raid_config</c>): exclusive lock; a non-empty configuration is checked by the
    /// node's RAID interface against Ironic's RAID schema (fake-hardware's <c>fake</c>; every other
    /// type has <c>no-raid</c>, which refuses it), an empty object clears it.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="targetRaidConfig">The configuration: a JSON object.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The node's RAID interface is <c>no-raid</c> (Ironic's API answers it 404).</exception>
    /// <exception cref="InvalidParameterValueException">The configuration breaks Ironic's RAID schema (<c>RAID config validation error: ...</c>) or names more than one root volume.</exception>
    public void SetTargetRaidConfig(string ident, JsonElement targetRaidConfig)
    {
        if (targetRaidConfig.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A RAID configuration is a JSON object.", nameof(targetRaidConfig));
        }

        context.Raid.SetTargetRaidConfig(Find(ident), targetRaidConfig.Clone());
    }

    /// <summary>
    /// The properties a logical disk of a RAID configuration may have, with Ironic's descriptions,
    /// in its schema's order (<c>GET /v1/drivers/{driver}/raid/logical_disk_properties</c>, Ironic's
    /// <c>get_raid_logical_disk_properties</c>): the same for every RAID interface simulated, since
    /// <c>fake</c> and <c>no-raid</c> both answer from Ironic's base RAID interface.
    /// </summary>
    public static ImmutableArray<KeyValuePair<string, string>> RaidLogicalDiskProperties => RaidConfigSchema.LogicalDiskProperties;

    /// <summary>Ironic's API refusal of a boot mode or secure boot change while the node transitions; its message keeps the placeholder Ironic never fills in.</summary>
    private void EnsureStable(Nodes.Node node)
    {
        if (context.Machine.StatesIn(ProvisionStateSet.UnstableStates).Contains(node.ProvisionState))
        {
            throw new ConflictException(
                "Node is in %(state)s state. Since node is transitioning, the boot mode will not be set as this may interfere " +
                "with ongoing changes and result in erroneous modification. Try again later.");
        }
    }
}
