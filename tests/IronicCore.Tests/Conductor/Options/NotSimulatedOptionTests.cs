using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.Scenarios;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Ironic options IronicCore knows but does not simulate are refused by name whatever the value,
/// with an error that names the option and says why; the typed API has no property for them.
/// </summary>
[TestFixture]
public sealed class NotSimulatedOptionTests
{
    private static IEnumerable<TestCaseData> EveryNotSimulatedOption() =>
        OptionCatalog.For(DriverSections.All).NotSimulated.Keys.Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(EveryNotSimulatedOption))]
    public void FromNames_NotSimulatedOption_IsRefused_NamingItAndWhy(string option)
    {
        var reason = OptionCatalog.For(DriverSections.All).NotSimulated[option].Reason;

        var error = Assert.Throws<OptionNotSimulatedException>(
            () => DriverSections.FromNames(IronicRelease.Master, OptionValues.Of(option, "null")));

        Assert.Multiple(() =>
        {
            Assert.That(error.Option, Is.EqualTo(option));
            Assert.That(error.Reason, Is.EqualTo(reason));
            Assert.That(error.Message, Is.EqualTo($"Option {option} is not simulated by IronicCore: {reason}"));
            Assert.That((error.IronicClass, error.HttpStatus), Is.EqualTo(("InvalidParameterValue", 400)));
        });
    }

    [TestCaseSource(nameof(EveryNotSimulatedOption))]
    public void NotSimulatedOption_IsNoOptionOfTheCatalog_NorAPropertyOfTheTypedApi(string option) =>
        Assert.That(DriverSections.Catalog.Select(entry => entry.Name), Does.Not.Contain(option));

    [Test]
    public void MasterOnlyNotSimulatedOption_In21_4_IsUnknown()
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => DriverSections.FromNames(IronicRelease.Release21_4, OptionValues.Of("conductor.max_conductor_wait_step_seconds", "30")));

        Assert.That(error.Parameter, Is.EqualTo("option"));
    }

    [TestCase("ipmi.kill_on_timeout", "true")]
    [TestCase("ipmi.min_command_interval", "1")]
    public void OptionOfADriverSectionNotCarried_IsRefusedAsNotSimulated_WithTheSectionsCarried(string option, string json)
    {
        var error = Assert.Throws<OptionNotSimulatedException>(
            () => ConductorOptions.FromNames(IronicRelease.Master, OptionValues.Of(option, json)));

        Assert.That(error.Reason, Is.EqualTo(
            "Ironic master has this option, but IronicCore simulates it neither in its core nor in the driver sections given here (a driver section's options count only where a conductor carries that section), so no value given for it would change an answer."));
    }

    private static IEnumerable<TestCaseData> UnmodelledOptions() =>
        from release in Enum.GetValues<IronicRelease>()
        from option in new[]
        {
            "deploy.default_boot_mode", "agent.deploy_logs_collect", "DEFAULT.force_raw_images", "database.connection",
            "DEFAULT.debug", "keystone_authtoken.username", "pxe.tftp_root", "DEFAULT.logdir",
        }
        select new TestCaseData(release, option).SetArgDisplayNames(release.ToIronicName(), option);

    [TestCaseSource(nameof(UnmodelledOptions))]
    public void FromNames_IronicOptionIronicCoreDoesNotModel_IsRefusedAsNotSimulated_AndChangesNothing(IronicRelease release, string option)
    {
        var defaults = OptionValues.Texts(DriverSections.Defaults(release));
        var ipmi = new IpmiOptions();
        var values = OptionValues.Parse($$"""{"ipmi.min_command_interval": 9, "{{option}}": "x"}""");

        var error = Assert.Throws<OptionNotSimulatedException>(
            () => ConductorOptions.FromNames(release, values, [ipmi, new PxeOptions(), new DhcpOptions()]));

        Assert.Multiple(() =>
        {
            Assert.That(error.Option, Is.EqualTo(option));
            Assert.That(error.Reason, Is.EqualTo($"Ironic {release.ToIronicName()} has this option, but IronicCore simulates it neither in its core nor in the driver sections given here (a driver section's options count only where a conductor carries that section), so no value given for it would change an answer."));
            Assert.That((error.IronicClass, error.HttpStatus), Is.EqualTo(("InvalidParameterValue", 400)));
            Assert.That(OptionValues.Texts(DriverSections.Defaults(release)), Is.EqualTo(defaults));
            Assert.That(ipmi.MinCommandInterval, Is.EqualTo(new IpmiOptions().MinCommandInterval));
        });
    }

    [TestCase(IronicRelease.Release21_4, "conductor.graceful_shutdown_timeout")]
    [TestCase(IronicRelease.Release2025_1, "agent_containers.runner")]
    [TestCase(IronicRelease.Master, "DEFAULT.backdoor_port")]
    [TestCase(IronicRelease.Master, "conductor.no_such_option")]
    [TestCase(IronicRelease.Master, "default.debug")]
    public void FromNames_NameThatIsNoOptionOfTheRelease_IsStillUnknown_ListingTheValidNames(IronicRelease release, string option)
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => DriverSections.FromNames(release, OptionValues.Of(option, "1")));

        Assert.Multiple(() =>
        {
            Assert.That((error.Parameter, error.Value), Is.EqualTo(("option", option)));
            Assert.That(error.ValidValues, Is.EqualTo(OptionCatalog.For(DriverSections.All).NamesIn(release)));
        });
    }

    [Test]
    public void ScenarioFile_NamingAnIronicOptionIronicCoreDoesNotModel_IsOptionNotSimulated()
    {
        const string File = """
            {"format": "ironic-sim/scenario@1", "ironic_release": "2025.1",
             "options": {"deploy.default_boot_mode": "uefi"}, "nodes": [{"name": "n"}], "steps": []}
            """;

        var error = Assert.Throws<ScenarioException>(() => Scenario.Parse(File));

        Assert.That((error.Error, error.Message), Is.EqualTo(("OptionNotSimulated",
            "Option deploy.default_boot_mode is not simulated by IronicCore: Ironic 2025.1 has this option, but IronicCore simulates it neither in its core nor in the driver sections given here (a driver section's options count only where a conductor carries that section), so no value given for it would change an answer.")));
    }

    [Test]
    public void ScenarioFile_NamingANotSimulatedOption_IsRefusedBeforeAnythingRuns()
    {
        const string File = """
            {"format": "ironic-sim/scenario@1", "ironic_release": "21.4",
             "options": {"conductor.node_locked_retry_attempts": 5}, "nodes": [{"name": "n"}], "steps": []}
            """;

        var error = Assert.Throws<ScenarioException>(() => Scenario.Parse(File));

        Assert.Multiple(() =>
        {
            Assert.That(error.Error, Is.EqualTo("OptionNotSimulated"));
            Assert.That(error.Message, Does.StartWith("Option conductor.node_locked_retry_attempts is not simulated by IronicCore: "));
        });
    }

    [Test]
    public void NotSimulatedOption_IsRefused_BeforeItsValueIsRead() =>
        Assert.That(
            () => DriverSections.FromNames(IronicRelease.Master, new Dictionary<string, JsonElement> { ["agent.manage_agent_boot"] = JsonDocument.Parse("\"not a boolean\"").RootElement }),
            Throws.TypeOf<OptionNotSimulatedException>());
}
