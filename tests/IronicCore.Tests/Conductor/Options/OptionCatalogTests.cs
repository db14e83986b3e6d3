using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

[TestFixture]
public sealed class OptionCatalogTests
{
    /// <summary>The conductor's own sections, <c>[conductor]</c> first.</summary>
    private static readonly Type[] CoreSectionTypes =
    [
        typeof(ConductorOptions),
        typeof(DefaultSectionOptions),
        typeof(DeployOptions),
        typeof(ApiOptions),
        typeof(AgentOptions),
    ];

    /// <summary>The sections IronicCore's driver packages bring.</summary>
    private static readonly Type[] DriverSectionTypes =
    [
        typeof(IpmiOptions),
        typeof(PxeOptions),
        typeof(DhcpOptions),
    ];

    private static readonly Type[] SectionTypes = [.. CoreSectionTypes, .. DriverSectionTypes];

    /// <summary>Every public settable property that holds an option (not a section, nor the list of driver sections), found by reflection alone.</summary>
    private static IEnumerable<PropertyInfo> OptionProperties() =>
        SectionTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(property => property.SetMethod is { IsPublic: true } && !SectionTypes.Contains(property.PropertyType)
                && property.PropertyType != typeof(ImmutableArray<OptionSection>));

    [Test]
    public void EverySettableProperty_HasACatalogEntry() =>
        Assert.That(DriverSections.Catalog.Select(entry => entry.Property), Is.EquivalentTo(OptionProperties()));

    [Test]
    public void EveryCoreSection_IsAPropertyOfConductorOptions() =>
        Assert.That(
            typeof(ConductorOptions).GetProperties().Select(property => property.PropertyType).Where(SectionTypes.Contains),
            Is.EquivalentTo(CoreSectionTypes.Skip(1)));

    [Test]
    public void EveryDriverSection_IsAnOptionSection_NotAPropertyOfConductorOptions() =>
        Assert.That(DriverSectionTypes.Where(type => !type.IsSubclassOf(typeof(OptionSection))), Is.Empty);

    [Test]
    public void CoreCatalog_KnowsNoVendor_OnlyTheConductorsOwnSections()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OptionCatalog.All.Select(entry => entry.Property.DeclaringType).Distinct(), Is.SubsetOf(CoreSectionTypes));
            Assert.That(OptionCatalog.All.Select(entry => entry.Section).Distinct(), Is.EquivalentTo(new[] { "DEFAULT", "agent", "api", "conductor", "deploy" }));
        });
    }

    [TestCase("ipmi.command_retry_timeout")]
    [TestCase("pxe.boot_retry_timeout")]
    [TestCase("dhcp.dhcp_provider")]
    public void FromNames_OptionOfADriverSectionNotCarried_IsRefusedAsNotSimulated(string option)
    {
        // It is an option of Ironic, so "not a valid option" would be wrong; the package that simulates it is not carried.
        var error = Assert.Throws<OptionNotSimulatedException>(
            () => ConductorOptions.FromNames(IronicRelease.Master, OptionValues.Of(option, "null")));

        Assert.Multiple(() =>
        {
            Assert.That(error.Option, Is.EqualTo(option));
            Assert.That(error.Reason, Does.Contain("a driver section's options count only where a conductor carries that section"));
        });
    }

    [Test]
    public void DriverSection_GivenTwice_IsIncorrectConfiguration()
    {
        var options = new ConductorOptions { DriverSections = [new IpmiOptions(), new IpmiOptions { UseIpmitoolRetries = true }] };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "ipmi is given twice" }));
    }

    [Test]
    public void DriverSection_NamedAsACoreSection_IsIncorrectConfiguration()
    {
        var error = Assert.Throws<IncorrectConfigurationException>(
            () => ConductorOptions.FromNames(IronicRelease.Master, new Dictionary<string, System.Text.Json.JsonElement>(), [new DeploySection()]));

        Assert.That(error.Errors.Single().Option, Is.EqualTo("deploy"));
    }

    [Test]
    public void DriverSections_AreCarriedByFromNames_AsCopies_AndWrittenByToNames()
    {
        var given = new IpmiOptions { MinCommandInterval = TimeSpan.FromSeconds(7) };

        var options = ConductorOptions.FromNames(IronicRelease.Master, OptionValues.Of("ipmi.use_ipmitool_retries", "true"), [given]);

        Assert.Multiple(() =>
        {
            Assert.That(options.GetSection<IpmiOptions>(), Is.Not.SameAs(given));
            Assert.That(options.GetSection<IpmiOptions>()!.MinCommandInterval, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(options.GetSection<IpmiOptions>()!.UseIpmitoolRetries, Is.True);
            Assert.That(given.UseIpmitoolRetries, Is.False);
            Assert.That(options.GetSection<PxeOptions>(), Is.Null);
            Assert.That(options.ToNames().Keys, Does.Contain("ipmi.min_command_interval").And.No.Contain("pxe.boot_retry_timeout"));
        });
    }

    [Test]
    public void CatalogNames_AreUniqueAndSorted()
    {
        var names = DriverSections.Catalog.Select(entry => entry.Name).ToList();

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
            foreach (var entry in DriverSections.Catalog)
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
                object[] sections = [options, options.DefaultSection, options.Deploy, options.Api, options.Agent, .. DriverSections.All];
                foreach (var section in sections)
                {
                    Assert.That(Validator.TryValidateObject(section, new ValidationContext(section), null, validateAllProperties: true), Is.True);
                }
            }
        });
    }

    /// <summary>A driver section that takes the name of one of the conductor's own.</summary>
    [IronicSection("deploy")]
    private sealed class DeploySection : OptionSection
    {
        [IronicOption("fast_track")]
        public bool FastTrack { get; init; }
    }
}
