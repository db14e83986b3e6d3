using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Marks an options section class with an Ironic option of its section that IronicCore knows but
/// does not simulate, and why: <see cref="ConductorOptions.FromNames"/> refuses it by name with
/// <see cref="OptionNotSimulatedException"/> rather than accept a value that would change nothing,
/// and the typed API has no property for it. A driver package marks its own section the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class NotSimulatedOptionAttribute : Attribute
{
    /// <summary>Names the option and says why it is not simulated.</summary>
    /// <param name="name">Ironic's name of the option, without the section, e.g. <c>"node_locked_retry_attempts"</c>.</param>
    /// <param name="reason">Why IronicCore does not simulate it: what in Ironic reads it and what of that is not simulated.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="reason"/> is null or empty.</exception>
    public NotSimulatedOptionAttribute(string name, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Name = name;
        Reason = reason;
    }

    /// <summary>Ironic's name of the option, without the section.</summary>
    public string Name { get; }

    /// <summary>Why IronicCore does not simulate it.</summary>
    public string Reason { get; }

    /// <summary>
    /// Ironic with the option set to any value answers as IronicCore does (a string option naming what
    /// the simulation never checks, e.g. the deploy kernel), so an operator's configuration file that
    /// sets it is taken with a note; a scenario or fleet file's options say what an experiment varies,
    /// and there it is still refused, for no value changes anything.
    /// </summary>
    public bool AnswersAsSet { get; init; }

    /// <summary>
    /// The option's default as a configuration file writes it, when Ironic at that default answers as
    /// IronicCore does (e.g. <c>enabled_firmware_interfaces = no-firmware</c>, the one firmware
    /// interface every simulated node has): a configuration file giving exactly that value (as a list,
    /// spaces aside) is taken with a note; any other value is refused. Null: no value is taken.
    /// </summary>
    public string? AnswersAtDefault { get; init; }

    /// <summary>The oldest release that has the option (every release unless set); an older release's file naming it gets the unknown-option error.</summary>
    public IronicRelease Since { get; init; } = IronicRelease.Release21_4;
}
