using System.Collections.Immutable;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// A simulated system's BIOS (<c>Systems/{id}/Bios</c>): its current attributes, and the pending
/// ones written to its <c>Settings</c> object, which the BMC applies at the machine's next boot (as
/// it applies a <c>ResetBios</c>, back to <see cref="Defaults"/>). Values are strings, integers or
/// booleans, as Redfish's. Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed class RedfishBios
{
    // Made at the first write: until then the system has the defaults and nothing pending, as
    // most of a large fleet's systems do, and shares them (a node's memory, and its reads' misses).
    private SortedDictionary<string, object>? attributes;
    private SortedDictionary<string, object>? pending;

    /// <summary>The attributes every simulated system starts with (the oracle's BMC's).</summary>
    public static ImmutableSortedDictionary<string, object> Defaults { get; } = ImmutableSortedDictionary.CreateRange<string, object>(
        StringComparer.Ordinal,
        [
            new("BootMode", "Uefi"),
            new("EmbeddedSata", "Raid"),
            new("NicBoot1", "NetworkBoot"),
            new("NicBoot2", "Disabled"),
            new("ProcTurboMode", "Enabled"),
            new("ProcVirtualization", "Enabled"),
            new("QuietBoot", true),
            new("SriovGlobalEnable", "Disabled"),
        ]);

    /// <summary>The current attributes (<c>Attributes</c>).</summary>
    public IReadOnlyDictionary<string, object> Attributes => attributes ?? (IReadOnlyDictionary<string, object>)Defaults;

    /// <summary>The attributes waiting for the next boot (the <c>Settings</c> object's <c>Attributes</c>).</summary>
    public IReadOnlyDictionary<string, object> PendingAttributes => pending ?? (IReadOnlyDictionary<string, object>)ImmutableSortedDictionary<string, object>.Empty;

    /// <summary>Whether a <c>Bios.ResetBios</c> waits for the next boot.</summary>
    public bool ResetPending { get; private set; }

    /// <summary>Whether the current attributes are the untouched <see cref="Defaults"/> (shared, never written).</summary>
    internal bool HasDefaults => attributes is null;

    /// <summary>What a read of the current attributes reported, kept by the BIOS interface until they change.</summary>
    internal KeyValuePair<string, string?>[]? Reported { get; set; }

    /// <summary>Writes attributes to the <c>Settings</c> object: they apply at the next boot.</summary>
    internal void SetPending(IEnumerable<KeyValuePair<string, object>> values)
    {
        foreach (var (name, value) in values)
        {
            (pending ??= new(StringComparer.Ordinal))[name] = value;
        }
    }

    /// <summary><c>Bios.ResetBios</c>: the defaults return at the next boot, and pending attributes are dropped.</summary>
    internal void Reset()
    {
        ResetPending = true;
        pending = null;
    }

    /// <summary>Takes a snapshot's state.</summary>
    internal void Restore(IEnumerable<KeyValuePair<string, object>> current, IEnumerable<KeyValuePair<string, object>> waiting, bool resetPending)
    {
        attributes = new(StringComparer.Ordinal);
        foreach (var (name, value) in current)
        {
            attributes[name] = value;
        }

        Reported = null;
        pending = null;
        SetPending(waiting);
        ResetPending = resetPending;
    }

    /// <summary>The machine boots: a reset, then the pending attributes, take effect.</summary>
    internal void Booted()
    {
        if (ResetPending)
        {
            attributes = null;
            Reported = null;
            ResetPending = false;
        }

        if (pending is null)
        {
            return;
        }

        attributes ??= new(Defaults, StringComparer.Ordinal);
        foreach (var (name, value) in pending)
        {
            attributes[name] = value;
        }

        Reported = null;
        pending = null;
    }
}
