using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Tests.Conductor;

[TestFixture]
public sealed class OptionCatalogTests
{
    private static readonly Type[] SectionTypes =
    [
        typeof(ConductorOptions),
        typeof(DefaultSectionOptions),
        typeof(DeployOptions),
        typeof(ApiOptions),
        typeof(AgentOptions),
        typeof(IpmiOptions),
        typeof(PxeOptions),
        typeof(DhcpOptions),
    ];

    /// <summary>Every public settable property that holds an option (not a section), found by reflection alone.</summary>
    private static IEnumerable<PropertyInfo> OptionProperties() =>
        SectionTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(property => property.SetMethod is { IsPublic: true } && !SectionTypes.Contains(property.PropertyType));

    [Test]
    public void EverySettableProperty_HasACatalogEntry() =>
        Assert.That(OptionCatalog.All.Select(entry => entry.Property), Is.EquivalentTo(OptionProperties()));

    [Test]
    public void EverySection_IsAPropertyOfConductorOptions() =>
        Assert.That(
            typeof(ConductorOptions).GetProperties().Select(property => property.PropertyType).Where(SectionTypes.Contains),
            Is.EquivalentTo(SectionTypes.Skip(1)));

    [Test]
    public void CatalogNames_AreUniqueAndSorted()
    {
        var names = OptionCatalog.All.Select(entry => entry.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        });
    }

    [Test]
    public void PropertyNames_AreIronicNamesInPascalCase()
    {
        static string Pascal(string ironic) =>
            string.Concat(ironic.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

        Assert.Multiple(() =>
        {
            foreach (var entry in OptionCatalog.All)
            {
                Assert.That(entry.Property.Name, Is.EqualTo(Pascal(entry.Name[(entry.Name.IndexOf('.', StringComparison.Ordinal) + 1)..])));
            }
        });
    }

    [Test]
    public void OptionsClasses_AreSealed() =>
        Assert.That(SectionTypes.Where(type => !type.IsSealed), Is.Empty);

    [Test]
    public void Options_AreImmutableAfterConstruction_EveryPropertyInitOnly()
    {
        var mutable = SectionTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(property => property.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}");

        Assert.That(mutable, Is.Empty);
    }

    [Test]
    public void Options_AreImmutableAfterConstruction_EveryValueOfAnImmutableType()
    {
        Type[] immutable =
        [
            typeof(bool), typeof(int), typeof(int?), typeof(string), typeof(TimeSpan), typeof(TimeSpan?),
            typeof(ImmutableArray<string>), typeof(ImmutableSortedDictionary<string, int>),
            typeof(ImmutableSortedDictionary<string, string>),
        ];

        var others = OptionProperties()
            .Where(property => !immutable.Contains(property.PropertyType) && !property.PropertyType.IsEnum)
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}");

        Assert.That(others, Is.Empty);
    }

    [Test]
    public void Release_CannotBeSet() =>
        Assert.That(typeof(ConductorOptions).GetProperty(nameof(ConductorOptions.Release))!.SetMethod, Is.Null);

    [Test]
    public void DataAnnotations_RefuseWhatValidateRefuses()
    {
        var options = new ConductorOptions
        {
            WorkersPoolSize = 2,
            PowerStateChangeTimeout = TimeSpan.FromSeconds(1),
            HeartbeatTimeout = TimeSpan.FromSeconds(315_576_001),
            ConductorGroup = "rack 1",
        };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.That(
            results.SelectMany(result => result.MemberNames),
            Is.EquivalentTo(new[] { "WorkersPoolSize", "PowerStateChangeTimeout", "HeartbeatTimeout", "ConductorGroup" }));
    }

    [Test]
    public void DataAnnotations_AcceptEveryReleaseDefault()
    {
        Assert.Multiple(() =>
        {
            foreach (var release in Enum.GetValues<IronicCore.States.IronicRelease>())
            {
                var options = ConductorOptions.ForRelease(release);
                foreach (var section in new object[] { options, options.DefaultSection, options.Deploy, options.Api, options.Agent, options.Ipmi, options.Pxe, options.Dhcp })
                {
                    Assert.That(Validator.TryValidateObject(section, new ValidationContext(section), null, validateAllProperties: true), Is.True);
                }
            }
        });
    }
}
