using System.Collections.Immutable;

namespace IronicCore.Nodes;

/// <summary>
/// One of a node's cached firmware components (Ironic's <c>FirmwareComponent</c> object, the
/// <c>firmware_information</c> table), as the node's firmware interface reported it. Immutable.
/// </summary>
/// <param name="Component">The component's name, e.g. <c>bios</c> or <c>bmc</c>.</param>
/// <param name="InitialVersion">The version first seen.</param>
/// <param name="CurrentVersion">The version last seen.</param>
/// <param name="LastVersionFlashed">The version last seen to change; null until one does.</param>
/// <param name="CreatedAt">When it was first stored.</param>
/// <param name="UpdatedAt">When it last changed; null until it does.</param>
public sealed record FirmwareComponent(
    string Component, string InitialVersion, string CurrentVersion, string? LastVersionFlashed, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    /// <summary>
    /// Ironic's <c>FirmwareComponentList.sync_firmware_components</c> and what the firmware
    /// interface's <c>cache_firmware_components</c> does with its lists: a component not cached yet
    /// is created (its initial version the one reported); one whose reported version differs from
    /// its current version, or from its last flashed version once it has one, gets that version
    /// as both; the rest stay as they were. Components no longer reported are kept.
    /// </summary>
    /// <param name="cached">The node's cached components, in creation order.</param>
    /// <param name="reported">The components and versions the interface reports.</param>
    /// <param name="now">The time of the caching.</param>
    /// <returns>The components in creation order: <paramref name="cached"/> itself when nothing changed.</returns>
    public static ImmutableArray<FirmwareComponent> Sync(
        ImmutableArray<FirmwareComponent> cached, IReadOnlyList<KeyValuePair<string, string>> reported, DateTimeOffset now)
    {
        // Every cleaning and verification caches again and usually finds nothing new: no copy then.
        ImmutableArray<FirmwareComponent>.Builder? result = null;
        for (var r = 0; r < reported.Count; r++)
        {
            var (component, version) = reported[r];
            var index = result is null ? IndexOf(cached, component) : IndexOf(result, component);
            if (index < 0)
            {
                result ??= cached.ToBuilder();
                result.Add(new FirmwareComponent(component, version, version, null, now, null));
                continue;
            }

            var existing = result is null ? cached[index] : result[index];
            if (existing.CurrentVersion != version || (existing.LastVersionFlashed is { } flashed && flashed != version))
            {
                result ??= cached.ToBuilder();
                result[index] = existing with { CurrentVersion = version, LastVersionFlashed = version, UpdatedAt = now };
            }
        }

        return result?.ToImmutable() ?? cached;
    }

    private static int IndexOf(ImmutableArray<FirmwareComponent> components, string component)
    {
        for (var i = 0; i < components.Length; i++)
        {
            if (components[i].Component == component)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(ImmutableArray<FirmwareComponent>.Builder components, string component)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i].Component == component)
            {
                return i;
            }
        }

        return -1;
    }
}
