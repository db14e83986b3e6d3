using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

// Requests on a node's states, its agent, its boot device and its history; the driver list,
// interface validation and virtual media for the API host; a scripted agent's token.
public sealed partial class Conductor
{
    /// <summary>
    /// Asks for a provision action, as <c>PUT /v1/nodes/{node}/states/provision</c> does.
    /// Returns once the request is accepted (HTTP 202): the first state change is stored and
    /// the node is reserved until its worker, scheduled on <see cref="Clock"/>, has run.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="verb">The target: an API verb.</param>
    /// <param name="request">The optional fields (steps, rescue password, disable_ramdisk).</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="InvalidStateRequestedException">The verb's event is not allowed in the node's state (400).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    /// <exception cref="NodeInMaintenanceException">The node is in maintenance and the verb is refused there (400).</exception>
    /// <exception cref="ClientSideErrorException">A field is missing or given with the wrong verb (400).</exception>
    /// <exception cref="InvalidParameterValueException">A step is malformed, or validation failed (400).</exception>
    /// <exception cref="NodeProtectedException">Undeploy or rebuild of a protected node (403).</exception>
    /// <exception cref="NodeIsRetiredException"><c>provide</c> of a retired node (400).</exception>
    /// <exception cref="ConcurrentActionLimitException">Too many nodes deploying or cleaning (503; 500 on 21.4).</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The driver cannot do it, e.g. abort inspection (400).</exception>
    /// <exception cref="RunbookNotFoundException">
    /// The request's runbook, or (for <c>provide</c>) the automated cleaning runbook the options choose, does not exist (404).
    /// </exception>
    /// <exception cref="NotAcceptableException">The request's <see cref="ProvisionRequest.ApiVersion"/> does not allow a field in the node's state (406).</exception>
    /// <exception cref="NodeCleaningFailureException">
    /// <c>provide</c>: <c>[conductor] automated_cleaning_step_source</c> requires a runbook and none is configured,
    /// or the runbook is not approved for the node (500).
    /// </exception>
    public void SetProvisionState(string ident, ApiVerb verb, ProvisionRequest? request = null) =>
        context.Provisioning.Request(Find(ident), verb, request ?? ProvisionRequest.None);

    /// <summary>
    /// The same request with the target as the API receives it, by Ironic's name: a target
    /// that is no verb of this release is <c>InvalidStateRequested</c> (400), as in Ironic.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">The target's wire name, e.g. <c>"deleted"</c>.</param>
    /// <param name="request">The optional fields.</param>
    public void SetProvisionState(string ident, string target, ProvisionRequest? request)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IronicNames.TryParse<ApiVerb>(target, out var verb))
        {
            SetProvisionState(ident, verb, request);
            return;
        }

        context.Provisioning.RefuseUnknown(Find(ident), target);
    }

    /// <summary>
    /// Asks for a power action, as <c>PUT /v1/nodes/{node}/states/power</c> does. Accepted
    /// (202): <c>target_power_state</c> is set, <c>last_error</c> cleared, and the action runs as
    /// a worker; a failure of the action itself lands in <c>last_error</c>.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">power on, power off, rebooting, soft power off or soft rebooting.</param>
    /// <param name="timeout">For soft actions: how long to wait (default <c>[conductor] soft_power_off_timeout</c>); at least 1 s.</param>
    /// <exception cref="NodeNotFoundException">No such node (404).</exception>
    /// <exception cref="InvalidException">The timeout is below 1 s (400).</exception>
    /// <exception cref="InvalidStateRequestedException">An invalid target, or the node is cleaning (400).</exception>
    /// <exception cref="PowerStateFailureException">Power off or soft power off of a node with <c>disable_power_off</c> (409).</exception>
    /// <exception cref="InvalidParameterValueException">The driver does not support the target (400).</exception>
    /// <exception cref="NodeLockedException">The node is locked (409).</exception>
    public void SetPowerState(string ident, PowerState target, TimeSpan? timeout = null) =>
        SetPowerState(ident, target.ToIronicName(), timeout);

    /// <summary>
    /// The same request with the target as the API receives it, by Ironic's name: an unknown
    /// target is <c>InvalidStateRequested</c> (400), after the timeout's check (<c>Invalid</c>, 400).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="target">The target's wire name, e.g. <c>"soft power off"</c>.</param>
    /// <param name="timeout">For soft actions: how long to wait; at least 1 s.</param>
    /// <exception cref="InvalidException">The timeout is below 1 s (400).</exception>
    public void SetPowerState(string ident, string target, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        context.Power.Request(Find(ident), ident, target, timeout);
    }

    /// <summary>
    /// The agent looks its node up (<c>GET /v1/lookup</c>): allowed only in
    /// <c>LOOKUP_ALLOWED_STATES</c> (with <c>[api] restrict_lookup</c>). The first lookup makes
    /// the node's agent token and returns it; later ones get it masked, so it cannot be read twice.
    /// </summary>
    /// <returns>The token, or <c>"******"</c> when one was already handed out.</returns>
    /// <exception cref="NotFoundException">The node is not in a state that allows lookup (404).</exception>
    public string Lookup(string ident) => context.RamdiskApi.Lookup(Find(ident));

    /// <summary>
    /// The agent reports in (<c>POST /v1/heartbeat/{node}</c>). Checked at once (version,
    /// token, TLS); then, as a worker, the heartbeat is recorded and acted on as Ironic does in
    /// the node's state, with maintenance deciding through the maintenance policy.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="callbackUrl">The agent's URL.</param>
    /// <param name="agentVersion">The agent's version; required.</param>
    /// <param name="agentToken">The token from <see cref="Lookup(string)"/>.</param>
    /// <exception cref="InvalidParameterValueException">No version, a wrong or missing token, or plain HTTP where TLS is required (400).</exception>
    /// <exception cref="NodeLockedException">Master: the agent's first heartbeat while the node is reserved (409); it retries.</exception>
    public void Heartbeat(string ident, string callbackUrl, string? agentVersion, string? agentToken)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        context.RamdiskApi.Heartbeat(Find(ident), callbackUrl, agentVersion, agentToken);
    }

    /// <summary>
    /// The agent token the node's ramdisk agent was handed at its lookup and still holds, as an agent
    /// remembers it (Ironic's API shows it only masked). A harness that plays the agent heartbeats with
    /// it, or looks up first when there is none.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>The token; null when none was handed out since the last one was wiped (power off or reboot unless <see cref="IsAgentTokenPregenerated"/>, end of an operation).</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public string? GetAgentToken(string ident) => Find(ident).AgentToken;

    /// <summary>
    /// Whether virtual media wrote the node's agent token into the ISO its agent boots from (Ironic's
    /// <c>agent_secret_token_pregenerated</c>): a power-off keeps such a token, and the agent holds it
    /// from boot but still looks itself up once after each boot (ironic-python-agent does; the lookup
    /// answers the token masked, and 404 in a state that allows no lookup).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>Whether the token was pregenerated; false when the node holds none.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public bool IsAgentTokenPregenerated(string ident) => Find(ident).AgentTokenPregenerated;

    /// <summary>Sets the result the node's agent reports for its latest command (or its next, if none ran since it started).</summary>
    public void SetAgentResult(string ident, AgentCommandStatus status, string? error = null) =>
        context.Nodes.MachineAt(Find(ident).Index).Agent.SetResult(status, error);

    /// <summary>Sets the boot device (<c>PUT /v1/nodes/{ident}/management/boot_device</c>): exclusive lock, the interface's validation, then the interface.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="device">Ironic's name of the device, e.g. <c>pxe</c>.</param>
    /// <param name="persistent">For every boot rather than the next one.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException">The device is unknown or not supported, or <c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the interface needs.</exception>
    /// <exception cref="IronicException">The BMC did not answer: the management interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    public void SetBootDevice(string ident, string device, bool persistent) => context.Management.SetBootDevice(Find(ident), device, persistent);

    /// <summary>The boot device as the management interface reports it (<c>GET .../management/boot_device</c>): exclusive lock, validation, then the interface.</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the interface needs.</exception>
    /// <exception cref="IronicException">The BMC did not answer: the management interface's own error, e.g. ipmitool's <c>IPMIFailure</c>.</exception>
    public BootDeviceSetting GetBootDevice(string ident) => context.Management.GetBootDevice(Find(ident));

    /// <summary>The boot devices the node's management interface can set (<c>GET .../boot_device/supported</c>): a shared lock, so a reserved node answers too.</summary>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public IReadOnlyList<BootDevice> GetSupportedBootDevices(string ident) => context.Management.GetSupportedBootDevices(Find(ident));

    /// <summary>The node's history, oldest first (Ironic's default order, by <c>created_at</c>).</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>Its entries; empty when nothing was recorded or <c>[conductor] node_history</c> is off.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public ImmutableArray<NodeHistoryEvent> GetNodeHistory(string ident) => context.History.Of(Find(ident).Index);

    /// <summary>A history entry by its UUID, whichever node it belongs to (Ironic looks it up so).</summary>
    /// <param name="uuid">The entry's UUID.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="NodeHistoryNotFoundException">No entry has this UUID.</exception>
    public NodeHistoryEvent GetNodeHistoryEvent(string uuid) => context.History.Find(uuid);

    /// <summary>
    /// The hardware types nodes may use (Ironic's <c>enabled_hardware_types</c>): <c>fake-hardware</c>
    /// first, then those given to <see cref="RegisterHardwareType"/>, in that order; after
    /// <see cref="EnableDrivers"/>, those of them it enables.
    /// </summary>
    public IEnumerable<HardwareType> HardwareTypes => context.Drivers.Served;

    /// <summary>
    /// Applies Ironic's driver configuration to the registered hardware types, as Ironic's conductor
    /// does at start-up (see <see cref="DriverEnablement"/>): afterwards only the enabled types are
    /// served, each with the enabled implementations it supports, and nodes created or reset take
    /// <c>driver_factory.default_interface</c>'s defaults. Register the types first; nodes that exist
    /// keep their interfaces.
    /// </summary>
    /// <param name="enablement">The options.</param>
    /// <returns>Per option (<c>"DEFAULT.option"</c>), the names it enables that IronicCore does not simulate and takes without effect.</returns>
    /// <exception cref="DriverConfigurationException">Ironic's conductor would not start, or would give a served type's nodes an implementation not simulated; nothing changed.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> EnableDrivers(DriverEnablement enablement)
    {
        ArgumentNullException.ThrowIfNull(enablement);
        return [.. context.Drivers.Enable(enablement).Select(note => new KeyValuePair<string, string>(note.Option, note.Note))];
    }

    /// <summary>
    /// A served hardware type's implementations per interface type (<see cref="SupportedInterfaces.InterfaceTypes"/>),
    /// each default first then the other enabled ones, as <c>GET /v1/drivers/{name}</c> lists them.
    /// </summary>
    /// <param name="hardwareType">The type's name.</param>
    /// <returns>Interface type and implementations.</returns>
    /// <exception cref="DriverNotFoundException">The type is not served.</exception>
    public ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> GetHardwareTypeInterfaces(string hardwareType) => context.Drivers.Interfaces(hardwareType);

    /// <summary>
    /// Every implementation of an interface type the driver configuration enables, simulated or not,
    /// sorted (what Ironic's <c>InterfaceNotFoundInEntrypoint</c> lists as valid); null until
    /// <see cref="EnableDrivers"/>, when every simulated implementation is.
    /// </summary>
    /// <param name="interfaceType">One of <see cref="SupportedInterfaces.InterfaceTypes"/>.</param>
    /// <returns>The names, or null.</returns>
    public ImmutableArray<string>? GetEnabledImplementations(string interfaceType) => context.Drivers.EnabledNames(interfaceType);

    /// <summary>
    /// Runs the node's boot, management or power interface's check of <c>driver_info</c>, or for
    /// <c>deploy</c> the check of its instance traits and of the deploy templates they name, as
    /// Ironic's <c>validate_driver_interfaces</c> does (under a shared lock, so a reserved node
    /// answers too); the BMC is not contacted.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="interfaceType"><c>boot</c>, <c>deploy</c>, <c>management</c> or <c>power</c>.</param>
    /// <returns>Null when valid, else the error's text.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interfaceType"/> is not one the conductor runs.</exception>
    public string? ValidateInterface(string ident, string interfaceType) => context.Management.ValidateInterface(Find(ident), interfaceType);

    /// <summary>
    /// The node's inventory record (<c>GET /v1/nodes/{node}/inventory</c>, Ironic's
    /// <c>get_inspection_data</c> with the <c>database</c> backend): what its last inspection that keeps
    /// data stored (redfish in 2025.1 and master), or null.
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>The record, or null when none was stored.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    public NodeInventory? GetNodeInventory(string ident) => Find(ident).Details.Inventory;

    /// <summary>
    /// Ironic's <c>attach_virtual_media</c> (<c>POST /v1/nodes/{node}/vmedia</c>): accepted after the lock
    /// and the management interface's validation; its worker (run at once) publishes the image as the
    /// hardware type does and has the management interface insert it, or records why not in
    /// <c>last_error</c> (every type but redfish: "Publishing images is not supported for driver ...").
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="deviceType">The device: <c>cdrom</c>, <c>floppy</c> or <c>disk</c>.</param>
    /// <param name="imageUrl">The image's URL.</param>
    /// <param name="imageDownloadSource"><c>local</c> (the conductor fetches and publishes the image), <c>http</c> or <c>swift</c> (the BMC fetches an http(s) URL itself).</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    /// <exception cref="TemporaryFailureException">The node is in maintenance for a power failure.</exception>
    public void AttachVirtualMedia(string ident, string deviceType, string imageUrl, string imageDownloadSource = "local") =>
        context.Management.AttachVirtualMedia(Find(ident), deviceType, imageUrl, imageDownloadSource);

    /// <summary>Ironic's <c>detach_virtual_media</c> (<c>DELETE /v1/nodes/{node}/vmedia</c>), as <see cref="AttachVirtualMedia"/>: the management interface ejects, or its refusal lands in <c>last_error</c>.</summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <param name="deviceTypes">The devices to detach; null for all.</param>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="NodeLockedException">The node is reserved.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    /// <exception cref="TemporaryFailureException">The node is in maintenance for a power failure.</exception>
    public void DetachVirtualMedia(string ident, IReadOnlyList<string>? deviceTypes) => context.Management.DetachVirtualMedia(Find(ident), deviceTypes);

    /// <summary>
    /// Ironic's <c>get_virtual_media</c> (<c>GET /v1/nodes/{node}/vmedia</c>): the node's virtual media
    /// devices as its management interface reads them from the BMC, under a shared lock (a reserved
    /// node is read too).
    /// </summary>
    /// <param name="ident">The node's UUID or name.</param>
    /// <returns>The devices, in the BMC's order.</returns>
    /// <exception cref="NodeNotFoundException">No node has this UUID or name.</exception>
    /// <exception cref="InvalidParameterValueException"><c>driver_info</c> is invalid.</exception>
    /// <exception cref="MissingParameterValueException"><c>driver_info</c> lacks what the management interface needs.</exception>
    /// <exception cref="UnsupportedDriverExtensionException">The node's management interface has no virtual media (every type but redfish).</exception>
    public IReadOnlyList<VirtualMediaSlot> GetVirtualMedia(string ident) => context.Management.GetVirtualMedia(Find(ident));
}
