using System.Collections.Immutable;
using System.Globalization;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

[TestFixture]
public sealed class ConductorOptionsValidationTests
{
    /// <summary>The min/max Ironic declares (oslo.config), by name; in seconds for durations.</summary>
    private static readonly (string Option, long? Min, long? Max)[] IronicLimits =
    [
        ("conductor.check_provision_state_interval", 0, null),
        ("conductor.check_rescue_state_interval", 1, null),
        ("conductor.clean_callback_timeout", 0, null),
        ("conductor.deploy_callback_timeout", 0, null),
        ("conductor.heartbeat_timeout", null, 315_576_000),
        ("conductor.inspect_wait_timeout", 0, null),
        ("conductor.max_concurrent_clean", 1, null),
        ("conductor.max_concurrent_deploy", 1, null),
        ("conductor.node_history_cleanup_batch_count", 0, null),
        ("conductor.node_history_cleanup_interval", 0, null),
        ("conductor.node_history_max_entries", 0, null),
        ("conductor.node_history_minimum_days", 0, null),
        ("conductor.power_failure_recovery_interval", 0, null),
        ("conductor.power_state_change_timeout", 2, null),
        ("conductor.rescue_callback_timeout", 0, null),
        ("conductor.reserved_workers_pool_percentage", 0, 50),
        ("conductor.service_callback_timeout", 0, null),
        ("conductor.soft_power_off_timeout", 1, null),
        ("conductor.sync_power_state_workers", 1, null),
        ("conductor.workers_pool_size", 3, null),
        ("deploy.fast_track_timeout", 0, 300),
    ];

    private static IEnumerable<TestCaseData> OutOfRangeCases() =>
        from entry in DriverSections.Catalog
        from value in new[] { entry.Minimum - 1, entry.Maximum + 1 }
        where value is not null
        select new TestCaseData(entry.Name, value!.Value).SetArgDisplayNames(entry.Name, Json(value.Value));

    private static IEnumerable<TestCaseData> BoundaryCases() =>
        from entry in DriverSections.Catalog
        from value in new[] { entry.Minimum, entry.Maximum }
        where value is not null
        select new TestCaseData(entry.Name, value!.Value).SetArgDisplayNames(entry.Name, Json(value.Value));

    [Test]
    public void Limits_AreThoseIronicDeclares() =>
        Assert.That(
            DriverSections.Catalog.Where(entry => entry.Minimum is not null || entry.Maximum is not null)
                .Select(entry => (entry.Name, entry.Minimum, entry.Maximum)),
            Is.EquivalentTo(IronicLimits));

    [TestCaseSource(nameof(OutOfRangeCases))]
    public void OutOfRange_IsIncorrectConfiguration_NamingTheOption(string option, long value)
    {
        var error = Assert.Throws<IncorrectConfigurationException>(
            () => DriverSections.FromNames(IronicRelease.Master, OptionValues.Of(option, Json(value))));

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors.Select(e => e.Option), Does.Contain(option));
            Assert.That(error.Message, Does.Contain(option));
        });
    }

    [TestCaseSource(nameof(BoundaryCases))]
    public void AtTheLimit_IsAccepted(string option, long value)
    {
        // 21.4 has no worker-pool start-up check, so workers_pool_size = 3 stands on its own there.
        var since = DriverSections.Catalog.Single(entry => entry.Name == option).Since;
        var release = since == IronicRelease.Release21_4 ? IronicRelease.Release21_4 : since;

        var options = DriverSections.FromNames(release, OptionValues.Of(option, Json(value)));

        Assert.That(options.ToNames()[option].GetInt64(), Is.EqualTo(value));
    }

    [Test]
    public void WorkersPoolSize_Two_NamesTheMinimum()
    {
        var error = Assert.Throws<IncorrectConfigurationException>(() => new ConductorOptions { WorkersPoolSize = 2 }.Validate());

        Assert.That(error.Errors.Select(e => e.ToString()), Does.Contain("conductor.workers_pool_size must be at least 3; got 2"));
    }

    [Test]
    public void FastTrackTimeout_301Seconds_NamesTheRange()
    {
        var options = new ConductorOptions { Deploy = new DeployOptions { FastTrackTimeout = TimeSpan.FromSeconds(301) } };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo("deploy.fast_track_timeout must be between 0 and 300 s; got 301 s"));
    }

    [Test]
    public void Validate_SeveralBadValues_ReportsEveryOneAtOnce()
    {
        var options = new ConductorOptions
        {
            ReservedWorkersPoolPercentage = 51,
            PowerStateChangeTimeout = TimeSpan.FromSeconds(1),
            SoftPowerOffTimeout = TimeSpan.Zero,
            CheckRescueStateInterval = TimeSpan.Zero,
            Deploy = new DeployOptions { FastTrackTimeout = TimeSpan.FromSeconds(-1) },
            DriverSections = [new IpmiOptions { AdditionalRetryableIpmiErrors = default }],
        };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.Multiple(() =>
        {
            Assert.That(error.IronicClass, Is.EqualTo("IncorrectConfiguration"));
            Assert.That(error.HttpStatus, Is.EqualTo(500));
            Assert.That(error.Errors.Select(e => e.Option), Is.EquivalentTo(new[]
            {
                "conductor.check_rescue_state_interval",
                "conductor.power_state_change_timeout",
                "conductor.reserved_workers_pool_percentage",
                "conductor.soft_power_off_timeout",
                "deploy.fast_track_timeout",
                "ipmi.additional_retryable_ipmi_errors",
            }));
            foreach (var option in error.Errors)
            {
                Assert.That(error.Message, Does.Contain(option.ToString()));
            }
        });
    }

    [Test]
    public void FromNames_SeveralOutOfRange_ReportsEveryOneAtOnce()
    {
        var values = OptionValues.Parse("""
            {
              "conductor.workers_pool_size": 2,
              "conductor.max_concurrent_clean": 0,
              "deploy.fast_track_timeout": 600
            }
            """);

        var error = Assert.Throws<IncorrectConfigurationException>(() => ConductorOptions.FromNames(IronicRelease.Release21_4, values));

        Assert.That(
            error.Errors.Select(e => e.Option),
            Is.EquivalentTo(new[] { "conductor.max_concurrent_clean", "conductor.workers_pool_size", "deploy.fast_track_timeout" }));
    }

    [Test]
    public void Defaults_OfEveryRelease_AreValid()
    {
        Assert.Multiple(() =>
        {
            foreach (var release in Enum.GetValues<IronicRelease>())
            {
                Assert.That(ConductorOptions.ForRelease(release).Validate, Throws.Nothing, release.ToIronicName());
            }
        });
    }

    [TestCase(27, 5)]
    [TestCase(26, 0)]
    [TestCase(52, 50)]
    public void WorkerPool_NoLargerThanThePeriodicWorkers_IsRefusedInMaster(int pool, int reservedPercent)
    {
        // 26 = sync_power_state_workers 8 + 2 × periodic_max_workers 8 + 2; the pool outside the reserve must exceed it.
        var options = new ConductorOptions { WorkersPoolSize = pool, ReservedWorkersPoolPercentage = reservedPercent };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors.Single().Option, Is.EqualTo("conductor.workers_pool_size"));
            Assert.That(error.Message, Does.Contain("conductor.sync_power_state_workers").And.Contain("conductor.periodic_max_workers"));
        });
    }

    [TestCase(28, 5)]
    [TestCase(27, 0)]
    [TestCase(53, 50)]
    public void WorkerPool_LargerThanThePeriodicWorkers_IsAcceptedInMaster(int pool, int reservedPercent) =>
        Assert.That(new ConductorOptions { WorkersPoolSize = pool, ReservedWorkersPoolPercentage = reservedPercent }.Validate, Throws.Nothing);

    [Test]
    public void WorkerPool_CountsTheConfiguredPeriodicWorkers()
    {
        var options = new ConductorOptions { WorkersPoolSize = 20, SyncPowerStateWorkers = 2, PeriodicMaxWorkers = 2 };

        Assert.That(options.Validate, Throws.Nothing);
    }

    [Test]
    public void WorkerPool_21_4_HasNoStartUpCheck() =>
        Assert.That(new ConductorOptions(IronicRelease.Release21_4) { WorkersPoolSize = 3 }.Validate, Throws.Nothing);

    [Test]
    public void Duration_NotWholeSeconds_IsRefused()
    {
        var options = new ConductorOptions { CleanCallbackTimeout = TimeSpan.FromMilliseconds(1500) };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo("conductor.clean_callback_timeout must be a whole number of seconds; got 1.5 s"));
    }

    [Test]
    public void UnsetSectionsAndValues_AreRefused()
    {
        var options = new ConductorOptions
        {
            Deploy = null!,
            ConductorGroup = null!,
            CleanStepPriorityOverride = null!,
            DriverSections = [new IpmiOptions { AdditionalRetryableIpmiErrors = default }],
            Api = new ApiOptions { DisallowCleanSteps = ["vendor.send_raw", null!] },
        };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Select(e => e.ToString()), Is.EquivalentTo(new[]
        {
            "deploy must be set",
            "conductor.conductor_group must be set",
            "conductor.clean_step_priority_override must be set",
            "ipmi.additional_retryable_ipmi_errors must be set",
            "api.disallow_clean_steps must not contain null",
        }));
    }

    [Test]
    public void UndefinedChoice_IsRefused()
    {
        var options = new ConductorOptions { AutomatedCleaningStepSource = (AutomatedCleaningStepSource)9 };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Single().ToString(), Is.EqualTo("conductor.automated_cleaning_step_source must be one of \"autogenerated\", \"runbook\", \"hybrid\"; got 9"));
    }

    [Test]
    public void PriorityOverrideKey_ThatCannotBeWrittenByName_IsRefused()
    {
        var options = new ConductorOptions
        {
            CleanStepPriorityOverride = ImmutableSortedDictionary<string, int>.Empty.Add("deploy:erase", 1),
        };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Single().Option, Is.EqualTo("conductor.clean_step_priority_override"));
    }

    [TestCase("")]
    [TestCase("rack-1")]
    [TestCase("Rack_1.b")]
    public void ConductorGroup_OfLettersDigitsAndPunctuation_IsAccepted(string group) =>
        Assert.That(new ConductorOptions { ConductorGroup = group }.Validate, Throws.Nothing);

    [TestCase("rack 1")]
    [TestCase("rack/1")]
    [TestCase("rack:1")]
    public void ConductorGroup_WithOtherCharacters_IsRefused_AsIronicRefusesToRegister(string group)
    {
        var error = Assert.Throws<IncorrectConfigurationException>(new ConductorOptions { ConductorGroup = group }.Validate);

        Assert.That(error.Errors.Single().Option, Is.EqualTo("conductor.conductor_group"));
    }

    [Test]
    public void ConductorGroups_LongerThan255_AreRefused()
    {
        var options = new ConductorOptions
        {
            ConductorGroup = new string('a', 256),
            DefaultSection = new DefaultSectionOptions { DefaultConductorGroup = new string('a', 256) },
        };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(
            error.Errors.Select(e => e.ToString()),
            Is.EquivalentTo(new[]
            {
                "conductor.conductor_group must be at most 255 characters; got 256",
                "DEFAULT.default_conductor_group must be at most 255 characters; got 256",
            }));
    }

    [TestCase("http://192.0.2.1:8080")]
    [TestCase("https://conductor.example.org/boot")]
    public void HttpUrl_HttpOrHttpsWithAHost_IsAccepted(string url) =>
        Assert.That(new ConductorOptions { Deploy = new DeployOptions { HttpUrl = url } }.Validate, Throws.Nothing);

    [TestCase("ftp://192.0.2.1/")]
    [TestCase("192.0.2.1:8080")]
    [TestCase("/httpboot")]
    public void HttpUrl_OtherThanHttpOrHttps_IsRefusedInMaster(string url)
    {
        var error = Assert.Throws<IncorrectConfigurationException>(new ConductorOptions { Deploy = new DeployOptions { HttpUrl = url } }.Validate);

        Assert.That(error.Errors.Single().Option, Is.EqualTo("deploy.http_url"));
    }

    [Test]
    public void HttpUrl_AnyString_IsAcceptedIn21_4() =>
        Assert.That(new ConductorOptions(IronicRelease.Release21_4) { Deploy = new DeployOptions { HttpUrl = "/httpboot" } }.Validate, Throws.Nothing);

    [Test]
    public void Release21_4_WithAMasterOnlyOptionChanged_IsRefused()
    {
        var options = new ConductorOptions(IronicRelease.Release21_4)
        {
            ServiceCallbackTimeout = TimeSpan.FromSeconds(60),
            Api = new ApiOptions(),
        };

        var error = Assert.Throws<IncorrectConfigurationException>(options.Validate);

        Assert.That(error.Errors.Select(e => e.Option), Is.EquivalentTo(new[]
        {
            "api.disallow_clean_steps",
            "api.disallow_deploy_steps",
            "api.disallow_service_steps",
            "conductor.service_callback_timeout",
        }));
    }

    [Test]
    public void Release21_4_WithMasterOnlyOptionsAtTheirNeutralValues_IsAccepted() =>
        Assert.That(new ConductorOptions(IronicRelease.Release21_4) { Api = new ApiOptions(IronicRelease.Release21_4) }.Validate, Throws.Nothing);

    [Test]
    public void IncorrectConfiguration_WithoutErrors_IsRefused() =>
        Assert.That(() => new IncorrectConfigurationException([]), Throws.ArgumentException);

    private static string Json(long value) => value.ToString(CultureInfo.InvariantCulture);
}
