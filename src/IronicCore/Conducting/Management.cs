using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// Calls on the node's management interface outside any worker (Ironic's <c>set_boot_device</c>,
/// <c>get_boot_device</c>, <c>get_supported_boot_devices</c>, <c>validate_driver_interfaces</c>, the
/// indicator and virtual media RPCs, and the boot mode and secure boot changes with their workers). Ironic's API waits for these; here they are answered at once, the
/// BMC's time charged to no worker.
/// </summary>
internal sealed class Management(ConductorContext context)
{
    /// <summary>Exclusive lock, the interface's validation, then the interface.</summary>
    public void SetBootDevice(Node node, string device, bool persistent)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);

        // A name that is no boot device reaches the interface in Ironic, which refuses it in these words.
        var known = IronicNames.TryParse<BootDevice>(device, out var parsed)
            ? parsed
            : throw new InvalidParameterValueException($"Invalid boot device {device} specified.");
        task.Driver.Management.SetBootDevice(task, known, persistent);
    }

    /// <summary>Exclusive lock, validation, then the interface's answer.</summary>
    public BootDeviceSetting GetBootDevice(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);
        return task.Driver.Management.GetBootDevice(task);
    }

    /// <summary>Ironic's <c>inject_nmi</c>: exclusive lock, validation, then the interface (Ironic's base refuses it).</summary>
    public void InjectNmi(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);
        task.Driver.Management.InjectNmi(task);
    }

    /// <summary>
    /// Ironic's <c>change_node_boot_mode</c> and its worker (<c>node_change_boot_mode</c>, run at
    /// once): exclusive lock, validation, <c>last_error</c> cleared; then the worker: nothing when
    /// the interface reads the mode asked for already (a failed read counts as unknown); else the
    /// interface sets it, and the node's <c>boot_mode</c> becomes it, or the failure goes to
    /// <c>last_error</c> only (no history entry). Fake, noop and ipmitool refuse it (Ironic's base class).
    /// </summary>
    public void ChangeBootMode(Node node, string mode) => Change(
        node,
        task => task.Driver.Management.TryGetBootMode(task, out var current) && current == mode,
        task => task.Driver.Management.SetBootMode(task, mode),
        $"Failed to change boot mode to '{mode}", // Ironic's own text, its missing closing quote included.
        details => details with { BootMode = mode });

    /// <summary>Ironic's <c>change_node_secure_boot</c> and its worker (<c>node_change_secure_boot</c>), as <see cref="ChangeBootMode"/>.</summary>
    public void ChangeSecureBoot(Node node, bool state) => Change(
        node,
        task => task.Driver.Management.TryGetSecureBootState(task, out var current) && current == state,
        task => task.Driver.Management.SetSecureBootState(task, state),
        $"Failed to change secure_boot state to '{(state ? "True" : "False")}'",
        details => details with { SecureBoot = state });

    /// <summary>
    /// Ironic's <c>get_supported_indicators</c> (API 1.63's indicator list) under a shared lock, without
    /// validation: every component's indicators, or the interface's refusal.
    /// </summary>
    /// <exception cref="UnsupportedDriverExtensionException">The node's management interface has no indicators.</exception>
    public IReadOnlyList<SupportedIndicator> GetSupportedIndicators(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        return task.Driver.Management.GetSupportedIndicators(task, component: null);
    }

    /// <summary>Ironic's <c>get_indicator_state</c>: exclusive lock, validation, then the interface.</summary>
    /// <exception cref="IronicException">No such indicator, the interface has none, or the BMC failed.</exception>
    public string GetIndicatorState(Node node, string component, string indicator)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);
        return task.Driver.Management.GetIndicatorState(task, component, indicator);
    }

    /// <summary>Ironic's <c>set_indicator_state</c>: exclusive lock, validation, then the interface.</summary>
    /// <exception cref="IronicException">No such indicator or state, the interface cannot set indicators, or the BMC failed.</exception>
    public void SetIndicatorState(Node node, string component, string indicator, string state)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);
        task.Driver.Management.SetIndicatorState(task, component, indicator, state);
    }

    /// <summary>A shared lock, so a reserved node answers too.</summary>
    public IReadOnlyList<BootDevice> GetSupportedBootDevices(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        return task.Driver.Management.GetSupportedBootDevices(task);
    }

    /// <summary>
    /// The boot, management or power interface's check of <c>driver_info</c>, as Ironic's
    /// <c>validate_driver_interfaces</c> does (under a shared lock); null when valid, else the error's text.
    /// </summary>
    public string? ValidateInterface(Node node, string interfaceType)
    {
        var task = context.Nodes.TaskOf(node);
        Action<DriverTask> validate = interfaceType switch
        {
            "boot" => task.Driver.Boot.Validate,
            "management" => task.Driver.Management.Validate,
            "power" => task.Driver.Power.Validate,
            "deploy" => ValidateDeploy,
            _ => throw new ArgumentOutOfRangeException(nameof(interfaceType), interfaceType, "The conductor runs boot, deploy, management and power only."),
        };
        try
        {
            validate(task);
            return null;
        }
        catch (IronicException error)
        {
            return error.Message;
        }
    }

    /// <summary>
    /// What Ironic's <c>validate_driver_interfaces</c> adds to the deploy interface's own check
    /// (which the simulated deploy interfaces pass): the instance traits, and the steps of the deploy
    /// templates they name, skipping steps only the agent could report.
    /// </summary>
    private void ValidateDeploy(DriverTask task)
    {
        DeployTemplateSteps.ValidateInstanceTraits(task.Node);
        context.TemplateSteps.Validate(task.Node, task.Driver.DeploySteps, skipMissing: true);
    }

    /// <summary>
    /// Ironic's <c>attach_virtual_media</c> (API 1.89): the exclusive lock, the management interface's
    /// validation, a node in power failure refused (<c>TemporaryFailure</c>), <c>last_error</c> cleared;
    /// then its worker (<c>do_attach_virtual_media</c>, here at once): the image published as the
    /// hardware type publishes (<c>prepare_remote_image</c>), then inserted by the management
    /// interface; a failure of either is recorded in <c>last_error</c> and the node's history.
    /// </summary>
    public void AttachVirtualMedia(Node node, string deviceType, string imageUrl, string imageDownloadSource)
    {
        var task = CheckVirtualMedia(node, "attach");
        try
        {
            var url = PrepareRemoteImage(task, deviceType, imageUrl, imageDownloadSource);
            task.Driver.Management.AttachVirtualMedia(task, deviceType, url);
        }
        catch (IronicException error)
        {
            context.History.Record(node, $"Could not attach device {deviceType} to node {node.Uuid}: {error.Message}", eventType: null);
        }
    }

    /// <summary>Ironic's <c>detach_virtual_media</c>, checked as <see cref="AttachVirtualMedia"/>; its worker runs the management interface (null detaches every device).</summary>
    public void DetachVirtualMedia(Node node, IReadOnlyList<string>? deviceTypes)
    {
        var task = CheckVirtualMedia(node, "detach");
        try
        {
            task.Driver.Management.DetachVirtualMedia(task, deviceTypes);
        }
        catch (IronicException error)
        {
            var shown = deviceTypes is null ? "None" : $"[{string.Join(", ", deviceTypes.Select(PythonRepr.Quote))}]";
            context.History.Record(node, $"Could not detach device(s) {shown} from node {node.Uuid}: {error.Message}", eventType: null);
        }
    }

    /// <summary>Ironic's <c>get_virtual_media</c> (1.93) under a shared lock: validation, then the management interface (which refuses unless it has virtual media).</summary>
    /// <exception cref="UnsupportedDriverExtensionException">The node's management interface has no virtual media.</exception>
    public IReadOnlyList<VirtualMediaSlot> GetVirtualMedia(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        task.Driver.Management.Validate(task);
        return task.Driver.Management.GetVirtualMedia(task);
    }

    private DriverTask CheckVirtualMedia(Node node, string action)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);
        if (node.Maintenance && node.Fault == NodeFault.PowerFailure)
        {
            throw new TemporaryFailureException($"Unable to {action} virtual media for node {node.Uuid} due to power failure state");
        }

        node.LastError = null;
        return task;
    }

    /// <summary>
    /// Ironic's <c>prepare_remote_image</c> after <c>cleanup_remote_image</c>: only a type that publishes
    /// images gets this far; an http(s) image (master: also nfs, cifs, smb) with a download source
    /// other than <c>local</c> is passed as it is; otherwise the conductor fetches it (not simulated:
    /// the fetch succeeds) and publishes it as <c>&lt;device&gt;-&lt;uuid&gt;.iso</c> (cdrom) or <c>.img</c>.
    /// </summary>
    private string PrepareRemoteImage(DriverTask task, string deviceType, string imageUrl, string downloadSource)
    {
        var publisher = task.Driver.Type.ImagePublisher
            ?? throw new InvalidException($"Publishing images is not supported for driver {task.DriverName}");
        var colon = imageUrl.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? imageUrl[..colon].ToLowerInvariant() : string.Empty;
        var share = scheme is "nfs" or "cifs" or "smb";
        if (share && downloadSource == "local" && context.Profile.VirtualMediaNetworkShares)
        {
            throw new InvalidParameterValueException(
                $"image_download_source is set to 'local' but the image URL {imageUrl} uses the {scheme} protocol which cannot be downloaded by the " +
                "conductor. Set image_download_source to 'http' or remove it to use the default.");
        }

        if (downloadSource != "local" && (scheme is "http" or "https" || (share && context.Profile.VirtualMediaNetworkShares)))
        {
            return imageUrl;
        }

        return publisher.Publish(task, $"{deviceType}-{task.NodeUuid}.{(deviceType == "cdrom" ? "iso" : "img")}");
    }

    /// <summary>The part of a boot mode or secure boot change before its worker: the lock, the validation, <c>last_error</c> cleared.</summary>
    private DriverTask BeginChange(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = Begin(node);
        task.Driver.Management.Validate(task);
        node.LastError = null;
        return task;
    }

    /// <summary>
    /// The shape <c>node_change_boot_mode</c> and <c>node_change_secure_boot</c> share: nothing when the
    /// interface reads the value asked for already (a failed read, logged by Ironic, counts as unknown);
    /// else the interface's change, stored on the node, or its failure after <paramref name="failure"/> in <c>last_error</c>.
    /// </summary>
    private void Change(Node node, Func<DriverTask, bool> alreadySo, Action<DriverTask> change, string failure, Func<NodeDetails, NodeDetails> store)
    {
        var task = BeginChange(node);
        try
        {
            if (alreadySo(task))
            {
                return;
            }
        }
        catch (IronicException)
        {
            // Ironic logs the failed read and goes on to the change.
        }

        try
        {
            change(task);
        }
        catch (IronicException error)
        {
            node.LastError = $"{failure}: {error.Message}";
            return;
        }

        node.Details = store(node.Details);
    }

    /// <summary>The node's task for a call outside any worker: the node is unlocked, so its time line starts now.</summary>
    private DriverTask Begin(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        task.Begin();
        return task;
    }
}
