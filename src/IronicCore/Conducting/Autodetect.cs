using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// Master's <c>AutodetectDeploy.switch_interface</c> and <c>AgentBaseMixin.restore_interface</c>:
/// before a deploy's validation (and an adoption's takeover) a node on <c>autodetect</c> is switched
/// to the first of <c>[DEFAULT] autodetect_deploy_interfaces</c> whose <c>supports_deploy</c> holds
/// for it, else to the last; its <c>deploy_interface</c> shows the concrete one and remembers
/// <c>autodetect</c>, which the end of cleaning (done, skipped or failed) restores. Of the
/// candidates IronicCore runs <c>direct</c> only: a node that <c>ramdisk</c> would take (its
/// <c>instance_info</c> asks for a ramdisk deploy) or whose image is an <c>oci://</c> one that
/// <c>bootc</c> would look up in its registry is refused with an error saying so, never deployed
/// some other way. Glance images' properties are not simulated: they hold no ramdisk marker.
/// </summary>
internal sealed class Autodetect(ConductorContext context)
{
    /// <summary>Switches the node when its deploy interface is <c>autodetect</c>; nothing otherwise.</summary>
    /// <exception cref="InvalidParameterValueException">No candidate, a candidate not enabled, or one IronicCore does not simulate; nothing changed.</exception>
    public void Switch(Node node)
    {
        var driver = context.Nodes.DriverOf(node);
        if (driver.Deploy is not AutodetectDeploy)
        {
            return;
        }

        string? chosen = null;
        foreach (var name in context.Drivers.AutodetectDeployInterfaces)
        {
            if (context.Drivers.EnabledNames("deploy") is { } enabled && !enabled.Contains(name))
            {
                throw new InvalidParameterValueException(
                    $"Deploy interface '{name}' is configured in autodetect_deploy_interfaces but is not in enabled_deploy_interfaces. " +
                    $"Please add '{name}' to enabled_deploy_interfaces or remove it from autodetect_deploy_interfaces.");
            }

            chosen = name;
            if (Supports(node, name))
            {
                break;
            }
        }

        if (chosen is null)
        {
            throw new InvalidParameterValueException("No valid deploy interfaces found in autodetect_deploy_interfaces configuration.");
        }

        if (chosen != "direct")
        {
            throw new InvalidParameterValueException(
                $"autodetect would switch node {node.Uuid} to the {chosen} deploy interface, which IronicCore does not simulate " +
                "(it runs direct); set the node's deploy_interface to direct, or leave ramdisk and bootc out of autodetect_deploy_interfaces");
        }

        var concrete = context.Drivers.DriverFor(
            driver.Driver, chosen, driver.Rescue.Name, driver.Management.Name, driver.Boot.Name, inspectInterface: driver.InspectInterface, biosInterface: driver.BiosInterface);
        node.Details = node.Details with { OriginalDeployInterface = driver.Deploy.Name };
        NodeDriverRules.Apply(context, node, concrete);
    }

    /// <summary>Switches a node back to the deploy interface it was switched from, if it was.</summary>
    public void Restore(Node node)
    {
        if (node.Details.OriginalDeployInterface is not { } original)
        {
            return;
        }

        var driver = context.Nodes.DriverOf(node);
        var restored = context.Drivers.DriverFor(
            driver.Driver, original, driver.Rescue.Name, driver.Management.Name, driver.Boot.Name, restoring: true, driver.InspectInterface, driver.BiosInterface);
        node.Details = node.Details with { OriginalDeployInterface = null };
        NodeDriverRules.Apply(context, node, restored);
    }

    /// <summary>
    /// The candidates' <c>supports_deploy</c>: <c>ramdisk</c> when <c>instance_info</c> marks a
    /// ramdisk deploy (<c>ironic_ramdisk_deploy</c>) of a <c>boot_iso</c> or a kernel and ramdisk;
    /// <c>bootc</c> for an <c>oci://</c> image, which only its registry can tell (not simulated: refused);
    /// every other interface (<c>direct</c>) always.
    /// </summary>
    private static bool Supports(Node node, string name)
    {
        var info = node.Details.InstanceInfo;
        switch (name)
        {
            case "ramdisk":
                return Truthy(info, "ironic_ramdisk_deploy") && (Truthy(info, "boot_iso") || (Truthy(info, "kernel") && Truthy(info, "ramdisk")));
            case "bootc":
                if (info.TryGetProperty("image_source", out var source) && source.ValueKind == JsonValueKind.String
                    && source.GetString()!.StartsWith("oci://", StringComparison.Ordinal))
                {
                    throw new InvalidParameterValueException(
                        $"autodetect asks the registry of {source.GetString()} whether it is a bootc image, which IronicCore does not simulate; " +
                        "set the node's deploy_interface to direct, or leave bootc out of autodetect_deploy_interfaces");
                }

                return false;
            default:
                return true;
        }
    }

    private static bool Truthy(JsonElement info, string key) =>
        info.ValueKind == JsonValueKind.Object && info.TryGetProperty(key, out var value) && PythonValue.IsTruthy(value);
}
