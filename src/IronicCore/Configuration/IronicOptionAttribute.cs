using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// The Ironic option a property stands for, such as <c>clean_callback_timeout</c>; its section
/// comes from the class's <see cref="IronicSectionAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class IronicOptionAttribute : Attribute
{
    /// <summary>Names the option.</summary>
    /// <param name="name">The option as Ironic names it within its section, e.g. <c>"command_retry_timeout"</c>.</param>
    public IronicOptionAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The option as Ironic names it within its section.</summary>
    public string Name { get; }

    /// <summary>
    /// The oldest release that has the option (<see cref="IronicRelease.Release21_4"/>, every release,
    /// unless set): an older release's configuration may not name it, and the property must keep the
    /// value under which the conductor behaves as that release did.
    /// </summary>
    public IronicRelease Since { get; init; } = IronicRelease.Release21_4;

    /// <summary>
    /// Whether the option is one oslo.config gives once a line and collects (<c>MultiStrOpt</c>,
    /// <c>MultiOpt</c>): in a configuration file every line of it counts, in every file, where a
    /// plain option keeps its last value.
    /// </summary>
    public bool Multiple { get; init; }
}
