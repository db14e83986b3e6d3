using System.Text.Json;
using IronicCore.Configuration;
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

    [Test]
    public void NotSimulatedOption_OfADriverSectionNotCarried_IsUnknown()
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => ConductorOptions.FromNames(IronicRelease.Master, OptionValues.Of("ipmi.kill_on_timeout", "true")));

        Assert.That(error.Parameter, Is.EqualTo("option"));
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
