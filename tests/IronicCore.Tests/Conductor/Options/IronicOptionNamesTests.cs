using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Every option IronicCore takes or refuses by name is one the real Ironic of each release registers
/// (the lists made from it, <see cref="IronicOptionNames"/>), in exactly the releases IronicCore says
/// have it: our catalog's names proved against Ironic's.
/// </summary>
[TestFixture]
public sealed class IronicOptionNamesTests
{
    /// <summary>Every option section IronicCore has: the core's and those of every driver package.</summary>
    private static readonly OptionCatalog Ours = OptionCatalog.For([.. DriverSections.All, new RedfishOptions()]);

    private static IEnumerable<TestCaseData> EveryOptionInEveryRelease() =>
        from release in Enum.GetValues<IronicRelease>()
        from entry in Ours.Entries
        select new TestCaseData(release, entry.Name, entry.ExistsIn(release)).SetArgDisplayNames(release.ToIronicName(), entry.Name);

    private static IEnumerable<TestCaseData> EveryRefusedOptionInEveryRelease() =>
        from release in Enum.GetValues<IronicRelease>()
        from refused in Ours.NotSimulated
        let exists = ReleaseProfile.For(release).IsAtLeast(refused.Value.Since)
        select new TestCaseData(release, refused.Key, exists).SetArgDisplayNames(release.ToIronicName(), refused.Key);

    private static IEnumerable<TestCaseData> Releases() =>
        Enum.GetValues<IronicRelease>().Select(release => new TestCaseData(release).SetArgDisplayNames(release.ToIronicName()));

    [TestCaseSource(nameof(EveryOptionInEveryRelease))]
    public void SimulatedOption_IsAnOptionOfIronic_InExactlyTheReleasesThatHaveIt(IronicRelease release, string option, bool exists) =>
        Assert.That(IronicOptionNames.For(release).Options.Contains(option), Is.EqualTo(exists),
            exists ? $"Ironic {release.ToIronicName()} registers no {option}" : $"Ironic {release.ToIronicName()} has {option}, which the catalog says it lacks (Since)");

    [TestCaseSource(nameof(EveryRefusedOptionInEveryRelease))]
    public void RefusedOption_IsAnOptionOfIronic_InExactlyTheReleasesThatHaveIt(IronicRelease release, string option, bool exists) =>
        Assert.That(IronicOptionNames.For(release).Options.Contains(option), Is.EqualTo(exists),
            exists ? $"Ironic {release.ToIronicName()} registers no {option}" : $"Ironic {release.ToIronicName()} has {option}, which its [NotSimulatedOption] says it lacks (Since)");

    [TestCaseSource(nameof(Releases))]
    public void NoDeprecatedName_StandsForAnOptionIronicCoreTakesOrRefusesByName(IronicRelease release)
    {
        // oslo.config reads an old name as the option: were one ours, a file using it would be ignored
        // (or refused with the generic reason) while Ironic applies it.
        var ours = Ours.Entries.Select(entry => entry.Name).Concat(Ours.NotSimulated.Keys).ToHashSet();

        Assert.That(IronicOptionNames.For(release).DeprecatedNames.Where(renamed => ours.Contains(renamed.Value)), Is.Empty);
    }

    [Test]
    public void OptionsTheCommandsReadThemselves_AreOptionsOfIronicMaster() =>
        Assert.That(
            EnabledDriverOptions.Names.Concat(["DEFAULT.auth_strategy", "DEFAULT.http_basic_auth_user_file", "api.host_ip", "api.port"])
                .Where(option => !IronicOptionNames.For(IronicRelease.Master).Options.Contains(option)),
            Is.Empty);

    [TestCaseSource(nameof(Releases))]
    public void List_HoldsIronicsOwnOptionsAndThoseOfTheLibrariesItsServicesLoad(IronicRelease release)
    {
        var names = IronicOptionNames.For(release);

        Assert.Multiple(() =>
        {
            Assert.That(names.Options, Has.Count.GreaterThan(900));
            Assert.That(names.Options, Is.SupersetOf(new[]
            {
                "deploy.default_boot_mode", "agent.deploy_logs_collect", "neutron.auth_url", "database.connection",
                "DEFAULT.debug", "oslo_messaging_notifications.driver", "keystone_authtoken.www_authenticate_uri",
                "keystone_authtoken.username",
            }));
            Assert.That(names.DeprecatedNames["DEFAULT.logdir"], Is.EqualTo("DEFAULT.log_dir"));
        });
    }

    [Test]
    public void List_Of21_4_HoldsEveryOptionOfIronicsSampleConfiguration()
    {
        var sample = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ConfigFiles", "ironic-21.4-sample-defaults.conf"));
        var section = string.Empty;
        var options = new List<string>();
        foreach (var line in sample)
        {
            if (line.StartsWith('['))
            {
                section = line[1..^1];
            }
            else if (line.StartsWith('#') && line.IndexOf(" =", StringComparison.Ordinal) is > 1 and var equal && section.Length > 0)
            {
                options.Add($"{section}.{line[1..equal]}");
            }
        }

        Assert.That(options, Has.Count.GreaterThan(600));
        Assert.That(options.Where(option => !IronicOptionNames.For(IronicRelease.Release21_4).Options.Contains(option)), Is.Empty);
    }

    [Test]
    public void List_Of21_4_HoldsEveryOptionOfAnOperatorsFile()
    {
        var file = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ConfigFiles", "operator-ironic.conf"));
        var section = string.Empty;
        var options = new HashSet<string>();
        foreach (var line in file.Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith(' ')))
        {
            if (line.StartsWith('['))
            {
                section = line[1..^1];
            }
            else
            {
                options.Add($"{section}.{line[..line.IndexOf(" =", StringComparison.Ordinal)]}");
            }
        }

        Assert.That(options.Where(option => !IronicOptionNames.For(IronicRelease.Release21_4).Contains(option)), Is.Empty);
    }
}
