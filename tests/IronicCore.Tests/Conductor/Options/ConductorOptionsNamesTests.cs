using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

[TestFixture]
public sealed class ConductorOptionsNamesTests
{
    private static IEnumerable<TestCaseData> EveryOption() =>
        from release in Enum.GetValues<IronicRelease>()
        from entry in DriverSections.Catalog
        where entry.ExistsIn(release)
        select new TestCaseData(release, entry.Name).SetArgDisplayNames(release.ToIronicName(), entry.Name);

    [Test]
    public void FromNames_EmptyOptions_AreTheReleaseDefaults()
    {
        Assert.Multiple(() =>
        {
            foreach (var release in Enum.GetValues<IronicRelease>())
            {
                var options = ConductorOptions.FromNames(release, new Dictionary<string, JsonElement>());

                Assert.That(OptionValues.Texts(options), Is.EqualTo(OptionValues.Texts(ConductorOptions.ForRelease(release))));
                Assert.That(options.Release, Is.EqualTo(release));
            }
        });
    }

    [Test]
    public void FromNames_ScenarioOptionsBlock_SetsTheNamedOptions()
    {
        var options = DriverSections.FromNames(IronicRelease.Release21_4, OptionValues.Parse("""
            {
              "conductor.allow_provisioning_in_maintenance": false,
              "conductor.automated_clean": false,
              "conductor.clean_callback_timeout": 600,
              "conductor.clean_step_priority_override": ["deploy.erase_devices:0", "deploy.erase_devices_metadata:50", "deploy.erase_devices:5"],
              "deploy.erase_devices_priority": null,
              "deploy.erase_devices_metadata_priority": 98,
              "ipmi.additional_retryable_ipmi_errors": ["Insufficient resources"]
            }
            """));

        Assert.Multiple(() =>
        {
            Assert.That(options.AllowProvisioningInMaintenance, Is.False);
            Assert.That(options.AutomatedClean, Is.False);
            Assert.That(options.CleanCallbackTimeout, Is.EqualTo(TimeSpan.FromSeconds(600)));
            Assert.That(options.CleanStepPriorityOverride, Is.EqualTo(new Dictionary<string, int>
            {
                ["deploy.erase_devices"] = 5,
                ["deploy.erase_devices_metadata"] = 50,
            }));
            Assert.That(options.Deploy.EraseDevicesPriority, Is.Null);
            Assert.That(options.Deploy.EraseDevicesMetadataPriority, Is.EqualTo(98));
            Assert.That(options.GetSection<IpmiOptions>()!.AdditionalRetryableIpmiErrors, Is.EqualTo(new[] { "Insufficient resources" }));
            Assert.That(options.WorkersPoolSize, Is.EqualTo(100), "options not named keep 21.4's defaults");
        });
    }

    [Test]
    public void FromNames_UnknownName_IsInvalidParameterValue_ListingTheValidNames()
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => ConductorOptions.FromNames(IronicRelease.Master, OptionValues.Of("conductor.clean_callback_timeut", "60")));

        Assert.Multiple(() =>
        {
            Assert.That(error.IronicClass, Is.EqualTo("InvalidParameterValue"));
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Value, Is.EqualTo("conductor.clean_callback_timeut"));
            Assert.That(error.ValidValues, Is.EqualTo(OptionCatalog.All.Select(entry => entry.Name)));
            Assert.That(error.Message, Does.Contain("\"conductor.clean_callback_timeout\""));
        });
    }

    [Test]
    public void FromNames_OptionWithoutSection_IsUnknown() =>
        Assert.That(
            () => ConductorOptions.FromNames(IronicRelease.Master, OptionValues.Of("clean_callback_timeout", "60")),
            Throws.TypeOf<InvalidParameterValueException>());

    [Test]
    public void FromNames_MasterOnlyOptionIn21_4_IsUnknown()
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => ConductorOptions.FromNames(IronicRelease.Release21_4, OptionValues.Of("conductor.service_callback_timeout", "60")));

        Assert.That(error.ValidValues, Does.Not.Contain("conductor.service_callback_timeout").And.Contain("conductor.clean_callback_timeout"));
    }

    [TestCase("conductor.workers_pool_size", "\"300\"", "a 32-bit integer")]
    [TestCase("conductor.workers_pool_size", "300.5", "a 32-bit integer")]
    [TestCase("conductor.workers_pool_size", "3e2", "a 32-bit integer")]
    [TestCase("conductor.workers_pool_size", "4294967296", "a 32-bit integer")]
    [TestCase("conductor.workers_pool_size", "null", "a 32-bit integer")]
    [TestCase("conductor.automated_clean", "1", "a boolean")]
    [TestCase("conductor.automated_clean", "\"true\"", "a boolean")]
    [TestCase("conductor.clean_callback_timeout", "\"30m\"", "a whole number of seconds")]
    [TestCase("conductor.clean_callback_timeout", "1800.5", "a whole number of seconds")]
    [TestCase("conductor.conductor_group", "7", "a string")]
    [TestCase("conductor.conductor_group", "null", "a string")]
    [TestCase("deploy.erase_devices_priority", "\"10\"", "a 32-bit integer or null")]
    [TestCase("deploy.http_url", "[]", "a string or null")]
    [TestCase("api.disallow_clean_steps", "\"vendor.send_raw\"", "an array of strings")]
    [TestCase("api.disallow_clean_steps", "[\"vendor.send_raw\", 1]", "an array of strings")]
    [TestCase("conductor.clean_step_priority_override", "[\"deploy.erase_devices\"]", "an array of \"interface.step:priority\" strings with integer priorities")]
    [TestCase("conductor.clean_step_priority_override", "[\"deploy.erase_devices:high\"]", "an array of \"interface.step:priority\" strings with integer priorities")]
    [TestCase("conductor.clean_step_priority_override", "[\":5\"]", "an array of \"interface.step:priority\" strings with integer priorities")]
    [TestCase("conductor.clean_step_priority_override", "{\"deploy.erase_devices\": 5}", "an array of \"interface.step:priority\" strings with integer priorities")]
    [TestCase("conductor.automated_cleaning_runbook_by_resource_class", "{\"baremetal\": 1}", "an object of strings")]
    [TestCase("conductor.automated_cleaning_step_source", "1", "one of \"autogenerated\", \"runbook\", \"hybrid\"")]
    public void FromNames_WrongJsonType_NamesTheOptionAndTheExpectedType(string option, string json, string expected)
    {
        var error = Assert.Throws<OptionTypeMismatchException>(
            () => DriverSections.FromNames(IronicRelease.Master, OptionValues.Of(option, json)));

        Assert.Multiple(() =>
        {
            Assert.That(error.Option, Is.EqualTo(option));
            Assert.That(error.ExpectedType, Is.EqualTo(expected));
            Assert.That(error.Value, Is.EqualTo(json));
            Assert.That(error.IronicClass, Is.EqualTo("InvalidParameterValue"));
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Message, Does.Contain(option).And.Contain(expected));
        });
    }

    [Test]
    public void FromNames_UnknownChoice_IsInvalidParameterValue_ListingTheChoices()
    {
        var error = Assert.Throws<InvalidParameterValueException>(
            () => DriverSections.FromNames(IronicRelease.Master, OptionValues.Of("conductor.automated_cleaning_step_source", "\"isc\"")));

        Assert.Multiple(() =>
        {
            Assert.That(error.Parameter, Is.EqualTo("conductor.automated_cleaning_step_source"));
            Assert.That(error.Value, Is.EqualTo("isc"));
            Assert.That(error.ValidValues, Is.EqualTo(new[] { "autogenerated", "runbook", "hybrid" }));
        });
    }

    [TestCase("deploy.erase_devices_priority")]
    [TestCase("deploy.erase_devices_metadata_priority")]
    [TestCase("conductor.automated_cleaning_runbook")]
    public void FromNames_Null_UnsetsAnOptionThatMayBeUnset(string option)
    {
        var set = DriverSections.FromNames(IronicRelease.Master, OptionValues.Of(option, option.StartsWith("conductor", StringComparison.Ordinal) ? "\"x\"" : "60"));
        var unset = DriverSections.FromNames(IronicRelease.Master, OptionValues.Of(option, "null"));

        Assert.Multiple(() =>
        {
            Assert.That(set.ToNames()[option].ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
            Assert.That(unset.ToNames()[option].ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void FromNames_NamesAndTypesAreCheckedBeforeRanges()
    {
        var values = OptionValues.Parse("""{"conductor.workers_pool_size": 1, "deploy.fast_track": "yes"}""");

        Assert.That(() => ConductorOptions.FromNames(IronicRelease.Master, values), Throws.TypeOf<OptionTypeMismatchException>());
    }

    [Test]
    public void FromNames_Problems_AreFoundInNameOrder()
    {
        var values = OptionValues.Parse("""{"ipmi.min_command_interval": "x", "deploy.fast_track": "yes"}""");

        var error = Assert.Throws<OptionTypeMismatchException>(() => DriverSections.FromNames(IronicRelease.Master, values));

        Assert.That(error.Option, Is.EqualTo("deploy.fast_track"));
    }

    [TestCaseSource(nameof(EveryOption))]
    public void EveryOption_RoundTripsThroughFromNames(IronicRelease release, string option)
    {
        var entry = DriverSections.Catalog.Single(e => e.Name == option);
        var sample = SampleOtherThanTheDefault(entry, release);

        var options = DriverSections.FromNames(release, new Dictionary<string, JsonElement> { [option] = sample });

        Assert.Multiple(() =>
        {
            Assert.That(JsonElement.DeepEquals(sample, entry.DefaultFor(release)), Is.False, "the sample must change the option");
            Assert.That(options.ToNames()[option].GetRawText(), Is.EqualTo(sample.GetRawText()));
            Assert.That(entry.Kind.Write(entry.GetValue(options)).GetRawText(), Is.EqualTo(sample.GetRawText()));
        });
    }

    [Test]
    public void ToNames_FromNames_RebuildsTheSameOptions()
    {
        var options = new ConductorOptions(IronicRelease.Master)
        {
            AutomatedClean = false,
            CleanStepPriorityOverride = ImmutableSortedDictionary<string, int>.Empty.Add("deploy.erase_devices", 0),
            Deploy = new DeployOptions { FastTrack = true, EraseDevicesPriority = 0 },
            Api = new ApiOptions { DisallowCleanSteps = [] },
        };

        var rebuilt = ConductorOptions.FromNames(options.Release, options.ToNames());

        Assert.That(OptionValues.Texts(rebuilt), Is.EqualTo(OptionValues.Texts(options)));
    }

    [Test]
    public void ToNames_OfInvalidOptions_IsIncorrectConfiguration() =>
        Assert.That(() => new ConductorOptions { WorkersPoolSize = 0 }.ToNames(), Throws.TypeOf<IncorrectConfigurationException>());

    /// <summary>
    /// A valid JSON value for the option that is not its default in <paramref name="release"/>, written
    /// compactly as options write JSON.
    /// </summary>
    private static JsonElement SampleOtherThanTheDefault(OptionEntry entry, IronicRelease release)
    {
        var current = entry.DefaultFor(release);
        var type = Nullable.GetUnderlyingType(entry.Property.PropertyType) ?? entry.Property.PropertyType;
        var json = type switch
        {
            _ when type == typeof(bool) => current.GetBoolean() ? "false" : "true",
            _ when type == typeof(int) || type == typeof(TimeSpan) => current.ValueKind == JsonValueKind.Null
                ? $"{(entry.Minimum ?? 0) + 1}"
                : $"{(current.GetInt64() + 1 > entry.Maximum ? current.GetInt64() - 1 : current.GetInt64() + 1)}",
            _ when type == typeof(string) => entry.Name.EndsWith("_url", StringComparison.Ordinal) ? "\"http://192.0.2.7:8080\"" : "\"rack-7\"",
            _ when type == typeof(ImmutableArray<string>) => "[\"vendor.send_raw\",\"bios.apply_configuration\"]",
            _ when type == typeof(ImmutableSortedDictionary<string, int>) => "[\"deploy.erase_devices:0\",\"raid.create_configuration:5\"]",
            _ when type == typeof(ImmutableSortedDictionary<string, string>) => "{\"baremetal\":\"wipe-disks\"}",
            _ when type == typeof(AutomatedCleaningStepSource) => "\"hybrid\"",
            _ => throw new AssertionException($"{entry.Name}: no sample for {type.Name}"),
        };
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
