using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Persistence;
using MessagePack;

namespace IronicCore;

/// <summary>
/// A driver package as the core knows it (one instance per package, e.g. the ipmi package's):
/// the sections of Ironic's options it brings, and how it restores the state its
/// <see cref="DriverState"/> wrote into a conductor's snapshot. Code is not saved: give the
/// packages a snapshot needs to <see cref="Conductor.Load"/>, which carries their option sections
/// again and lets each restore its state, registering its hardware types again, before the nodes
/// that use them are read.
/// </summary>
/// <remarks>Immutable; one instance serves every load.</remarks>
public abstract class DriverPackage
{
    /// <summary>Declares the package.</summary>
    /// <param name="name">The name its states are saved under, unique among packages: by convention its NuGet package id.</param>
    /// <param name="optionSections">Its sections of Ironic's options at their defaults (<see cref="ConductorOptions.DriverSections"/>); null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or a section is null.</exception>
    protected DriverPackage(string name, IEnumerable<OptionSection>? optionSections = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        OptionSections = optionSections is null ? [] : [.. optionSections];
        if (OptionSections.Contains(null!))
        {
            throw new ArgumentException("An option section is null.", nameof(optionSections));
        }
    }

    /// <summary>The name its states are saved under.</summary>
    public string Name { get; }

    /// <summary>Its sections of Ironic's options, at their defaults: a snapshot's options may name them.</summary>
    public ImmutableArray<OptionSection> OptionSections { get; }

    /// <summary>
    /// Restores on the conductor being loaded (<see cref="DriverStateReader.Conductor"/>, its options
    /// and clock in place, its nodes not yet) one state that <see cref="DriverState.Write"/> wrote:
    /// registers its hardware types again and rebuilds its objects. The core registers the returned
    /// state with the conductor, restores its hardware types' random streams, calls
    /// <see cref="DriverState.NodesLoaded"/> once the nodes exist, and gives its pending clock events back
    /// to its <see cref="DriverState.EventHandlers"/>.
    /// </summary>
    /// <param name="reader">The state's one MessagePack value; read it to its end.</param>
    /// <param name="context">The conductor, and the parts of the states restored before this one.</param>
    /// <returns>The restored state, whose <see cref="DriverState.Package"/> is this package.</returns>
    /// <exception cref="MessagePackSerializationException">The content is not such a state (the load reports the file corrupted).</exception>
    protected internal abstract DriverState Read(ref MessagePackReader reader, DriverStateReader context);
}
