namespace IronicCore.Configuration;

/// <summary>
/// A section of Ironic's configuration that a driver package brings, such as <c>[ipmi]</c> from
/// IronicCore.Drivers.Ipmi: the core knows no vendor's options, so a package declares its own
/// as a sealed class deriving from this one, marked <see cref="IronicSectionAttribute"/>, whose
/// init-only properties are marked <see cref="IronicOptionAttribute"/> (limits as
/// <see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/> or
/// <see cref="SecondsRangeAttribute"/>). Carried in <see cref="ConductorOptions.DriverSections"/>, its
/// options are Ironic options like the core's: <see cref="ConductorOptions.FromNames"/> reads them by
/// <c>"section.option"</c> name, <see cref="ConductorOptions.ToNames"/> writes them (and so snapshots
/// keep them) and <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
/// <remarks>
/// A section's defaults are those of its parameterless constructor, or of a constructor taking an
/// <see cref="States.IronicRelease"/> where the release changes them. Option types are those of the
/// core's options: <see cref="bool"/>, <see cref="int"/>, <see cref="TimeSpan"/> (whole seconds),
/// <see cref="string"/>, their nullable forms, immutable lists and maps of strings, and byte-backed
/// enums whose values carry <see cref="States.IronicNameAttribute"/>. Immutable once built.
/// </remarks>
public abstract class OptionSection
{
    /// <summary>Creates the section; a derived class sets its defaults.</summary>
    protected OptionSection()
    {
    }

    /// <summary>A copy whose init-only options can still be set, for options being built by name.</summary>
    internal OptionSection Copy() => (OptionSection)MemberwiseClone();
}
