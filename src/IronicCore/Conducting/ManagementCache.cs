using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's <c>node_cache_vendor</c> and <c>node_cache_boot_mode</c> (<c>conductor/utils.py</c>, the
/// same in 21.4, 2025.1 and master): what the management interface reads of the hardware, kept on the
/// node. Ironic only logs a failure of either, so a BMC that does not answer changes nothing; an
/// interface that cannot read a value (Ironic's base class's refusal) leaves the vendor alone and
/// makes the boot mode or secure boot unknown.
/// </summary>
internal static class ManagementCache
{
    /// <summary><c>node_cache_vendor</c>: once <c>properties.vendor</c> is set (truthy) it is never read again; a vendor found is stored there.</summary>
    public static void CacheVendor(Node node, DriverTask task)
    {
        var properties = node.Details.Properties;
        if (properties.TryGetProperty("vendor", out var known) && PythonValue.IsTruthy(known))
        {
            return;
        }

        string? vendor;
        try
        {
            if (!task.Driver.Management.TryDetectVendor(task, out vendor))
            {
                return;
            }
        }
        catch (IronicException)
        {
            return;
        }

        if (!string.IsNullOrEmpty(vendor))
        {
            node.Details = node.Details with { Properties = JsonObjects.With(properties, "vendor", vendor) };
        }
    }

    /// <summary>
    /// <c>node_cache_boot_mode</c>: the boot mode, then the secure boot state (each unknown when the
    /// interface cannot read it); either read failing stops it with nothing stored; the node is
    /// changed only when either differs.
    /// </summary>
    public static void CacheBootMode(Node node, DriverTask task)
    {
        var management = task.Driver.Management;
        string? mode;
        bool? secureBoot;
        try
        {
            management.TryGetBootMode(task, out mode);
            management.TryGetSecureBootState(task, out secureBoot);
        }
        catch (IronicException)
        {
            return;
        }

        if (mode != node.Details.BootMode || secureBoot != node.Details.SecureBoot)
        {
            node.Details = node.Details with { BootMode = mode, SecureBoot = secureBoot };
        }
    }
}
