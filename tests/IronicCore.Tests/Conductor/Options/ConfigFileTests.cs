using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Configuration.Files;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.States;

namespace IronicCore.Tests.Conductor.Options;

/// <summary>
/// <c>--config-file</c>: Ironic's configuration files read as oslo.config reads them for Ironic
/// (<c>oslo_config/iniparser.py</c>, <c>cfg.py</c>, <c>types.py</c>).
/// </summary>
public sealed class ConfigFileTests
{
    private static readonly OptionSection[] Sections = [new IpmiOptions(), new PxeOptions(), new DhcpOptions()];

    private static readonly string[] Host = ["DEFAULT.auth_strategy", "DEFAULT.http_basic_auth_user_file", "api.host_ip", "api.port"];

    private static string TestData(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ConfigFiles", name);

    private static ConfigFileValues Read(IronicRelease release, params string[] texts) =>
        IronicConfigFiles.FromText(texts.Select((text, i) => ($"ironic{i}.conf", text))).Resolve(release, Sections, Host);

    private static string Value(ConfigFileValues values, string name) => values.Options[name].GetRawText();

    private static string Error(IronicRelease release, params string[] texts) =>
        Assert.Throws<ConfigFileException>(() => Read(release, texts))!.Message;

    [Test]
    public void OperatorsFile_SetsTheOptionsIronicCoreSimulates_ServesHostOptions_AndNotesTheRest()
    {
        var values = IronicConfigFiles.Load([TestData("operator-ironic.conf")]).Resolve(IronicRelease.Release21_4, Sections, Host);

        Assert.That(values.Options.ToDictionary(p => p.Key, p => p.Value.GetRawText()), Is.EqualTo(new Dictionary<string, string>
        {
            ["DEFAULT.hash_partition_exponent"] = "6",
            ["api.ramdisk_heartbeat_timeout"] = "240",
            ["conductor.automated_clean"] = "true",
            ["conductor.clean_callback_timeout"] = "3600",
            ["conductor.clean_step_priority_override"] = "[\"deploy.erase_devices_metadata:0\",\"deploy.erase_devices:5\"]",
            ["conductor.deploy_callback_timeout"] = "3600",
            ["conductor.sync_power_state_interval"] = "120",
            ["conductor.workers_pool_size"] = "200",
            ["deploy.erase_devices_priority"] = "0",
            ["deploy.fast_track"] = "true",
            ["deploy.http_url"] = "\"http://192.0.2.10:8080\"",
            ["ipmi.additional_retryable_ipmi_errors"] = "[\"Insufficient resources for session\",\"timeout\"]",
            ["ipmi.command_retry_timeout"] = "90",
        }));
        Assert.That(values.Conductor.WorkersPoolSize, Is.EqualTo(200));
        Assert.That(values.Conductor.Deploy.HttpUrl, Is.EqualTo("http://192.0.2.10:8080"), "${my_ip} from [DEFAULT], as oslo substitutes it");
        Assert.That(values.Conductor.CleanStepPriorityOverride, Is.EqualTo(new Dictionary<string, int> { ["deploy.erase_devices_metadata"] = 0, ["deploy.erase_devices"] = 5 }));
        Assert.That(values.Host, Is.EqualTo(new Dictionary<string, string>
        {
            ["DEFAULT.auth_strategy"] = "http_basic",
            ["DEFAULT.http_basic_auth_user_file"] = "/etc/ironic/htpasswd",
            ["api.host_ip"] = "127.0.0.1",
            ["api.port"] = "6385",
        }));
        Assert.That(values.Notes, Is.EqualTo(new[]
        {
            "[DEFAULT] debug, log_dir, my_ip, rpc_transport: ignored, options of Ironic 21.4 that IronicCore does not simulate",
            "[api] api_workers: ignored, an option of Ironic 21.4 that IronicCore does not simulate",
            "[database] connection: ignored, an option of Ironic 21.4 that IronicCore does not simulate",
            "[deploy] http_root: ignored, an option of Ironic 21.4 that IronicCore does not simulate",
            "[agent] deploy_logs_collect, deploy_logs_storage_backend: ignored, options of Ironic 21.4 that IronicCore does not simulate",
            "[pxe] tftp_root, kernel_append_params: ignored, options of Ironic 21.4 that IronicCore does not simulate",
            "[oslo_messaging_notifications] driver: ignored, an option of Ironic 21.4 that IronicCore does not simulate",
        }.Select(note => $"{TestData("operator-ironic.conf")}: {note}")));
    }

    [Test]
    public void IronicsOwnSample_EveryOptionUncommentedAtItsDefault_ReadsBackAsTheReleasesDefaults()
    {
        // oslo-config-generator writes each option's default in oslo's own text form: reading them
        // back must give the defaults IronicCore holds for 21.4, option by option. (An empty line of a
        // multi-valued option is one empty value to oslo, not none, and <None> is no value: both skipped.)
        var catalog = Read(IronicRelease.Release21_4, "[DEFAULT]\n").Conductor.ToNames().Keys.ToHashSet();
        var section = string.Empty;
        var lines = new List<string>();
        var uncommented = 0;
        foreach (var line in File.ReadAllLines(TestData("ironic-21.4-sample-defaults.conf")))
        {
            if (line.StartsWith('['))
            {
                section = line[1..^1];
                lines.Add(line);
            }
            else if (line.StartsWith('#') && line.IndexOf(" =", StringComparison.Ordinal) is > 1 and var equal
                && catalog.Contains($"{section}.{line[1..equal]}") && !line.EndsWith("<None>", StringComparison.Ordinal) && !line.EndsWith(" =", StringComparison.Ordinal))
            {
                lines.Add(line[1..]);
                uncommented++;
            }
        }

        var values = Read(IronicRelease.Release21_4, string.Join('\n', lines));

        Assert.That(uncommented, Is.GreaterThan(40));
        var defaults = ConductorOptions.FromNames(IronicRelease.Release21_4, new Dictionary<string, JsonElement>(), Sections).ToNames();
        Assert.That(
            values.Conductor.ToNames().Where(p => p.Value.GetRawText() != defaults[p.Key].GetRawText()).Select(p => $"{p.Key}: {p.Value.GetRawText()} (default {defaults[p.Key].GetRawText()})"),
            Is.Empty);
    }

    [TestCase("True", "true")]
    [TestCase("yes", "true")]
    [TestCase("ON", "true")]
    [TestCase("1", "true")]
    [TestCase("0", "false")]
    [TestCase("off", "false")]
    [TestCase("No", "false")]
    [TestCase("FALSE", "false")]
    public void Booleans_TakeOslosWordsInAnyCase(string word, string value) =>
        Assert.That(Value(Read(IronicRelease.Master, $"[conductor]\nautomated_clean = {word}\n"), "conductor.automated_clean"), Is.EqualTo(value));

    [TestCase("y")]
    [TestCase("t")]
    [TestCase("enabled")]
    public void Booleans_OtherWords_AreOslosError(string word) =>
        Assert.That(Error(IronicRelease.Master, $"[conductor]\nautomated_clean = {word}\n"),
            Is.EqualTo($"ironic0.conf:2: [conductor] automated_clean: Value for option automated_clean is not valid: Unexpected boolean value '{word}'"));

    [TestCase("2", "Should be greater than or equal to 3")]
    [TestCase("ten", "invalid literal for int() with base 10: 'ten'")]
    [TestCase("1.5", "invalid literal for int() with base 10: '1.5'")]
    [TestCase("", "the value is empty, which Ironic reads as None; IronicCore needs a number here")]
    public void Integers_ReadAsPythonsInt_WithinTheOptionsMinAndMax(string text, string message) =>
        Assert.That(Error(IronicRelease.Master, "[DEFAULT]\n\n[conductor]\nworkers_pool_size = " + text + "\n"),
            Is.EqualTo($"ironic0.conf:4: [conductor] workers_pool_size: Value for option workers_pool_size is not valid: {message}"));

    [Test]
    public void Integers_TakeBlanksAndUnderscoresAsPythonDoes() =>
        Assert.That(Value(Read(IronicRelease.Master, "[conductor]\nworkers_pool_size =  1_000 \n"), "conductor.workers_pool_size"), Is.EqualTo("1000"));

    [Test]
    public void LaterFilesWin_AndAMultiValuedOptionCollectsEveryLineOfEveryFile()
    {
        var values = Read(
            IronicRelease.Master,
            "[conductor]\nworkers_pool_size = 50\nworkers_pool_size = 60\n[ipmi]\nadditional_retryable_ipmi_errors = a\n",
            "[conductor]\nworkers_pool_size = 70\n[ipmi]\nadditional_retryable_ipmi_errors = b\n");

        Assert.That(Value(values, "conductor.workers_pool_size"), Is.EqualTo("70"));
        Assert.That(Value(values, "ipmi.additional_retryable_ipmi_errors"), Is.EqualTo("[\"a\",\"b\"]"));
    }

    [Test]
    public void ContinuationLines_JoinTheValue_AListSplitsOnCommas_AndAnInlineHashIsPartOfTheValue()
    {
        var values = Read(
            IronicRelease.Master,
            "[api]\ndisallow_clean_steps = deploy.erase_devices,\n    bios.factory_reset,\n\n");

        Assert.That(Value(values, "api.disallow_clean_steps"), Is.EqualTo("[\"deploy.erase_devices\",\"bios.factory_reset\"]"));
        Assert.That(Error(IronicRelease.Master, "[deploy]\nhttp_url = http://192.0.2.1:8080 # the web server\n"), Does.EndWith("got \"http://192.0.2.1:8080 # the web server\"."));
    }

    [Test]
    public void QuotesAroundAValue_AreDropped_ColonSeparatesToo_AndSectionsMatchInAnyCase()
    {
        var values = Read(IronicRelease.Master, "[Conductor]\nconductor_group: \"rack1\"\n; a comment\n[DEPLOY]\nfast_track = 'true'\n");

        Assert.That(values.Conductor.ConductorGroup, Is.EqualTo("rack1"));
        Assert.That(values.Conductor.Deploy.FastTrack, Is.True);
    }

    [Test]
    public void DefaultInLowerCase_IsAnotherSection_IgnoredWithANote()
    {
        var values = Read(IronicRelease.Master, "[default]\nhash_partition_exponent = 7\n");

        Assert.That(values.Options, Is.Empty);
        Assert.That(values.Notes, Is.EqualTo(new[] { "ironic0.conf: [default] hash_partition_exponent: ignored, not an option of Ironic master (oslo.config ignores what nothing registers)" }));
    }

    [Test]
    public void References_AreSubstitutedAsOsloDoes()
    {
        var values = Read(
            IronicRelease.Master,
            "[DEFAULT]\nmy_ip = 192.0.2.7\nweb = http://$my_ip\n[deploy]\nhttp_root = /srv\nhttp_url = ${web}:80${deploy.http_root}/$$x\\$y\n[conductor]\nconductor_group = g$sync_power_state_interval\n");

        Assert.That(values.Conductor.Deploy.HttpUrl, Is.EqualTo("http://192.0.2.7:80/srv/$x$y"));
        Assert.That(values.Conductor.ConductorGroup, Is.EqualTo("g120"), "an option the file does not set gives its default (master's 120 s)");
    }

    [Test]
    public void AReferenceToAnOptionNeitherSetNorKnown_IsRefused() =>
        Assert.That(Error(IronicRelease.Master, "[deploy]\nhttp_url = http://$my_ip:8080\n"),
            Does.StartWith("ironic0.conf:2: [deploy] http_url: Value for option http_url is not valid: template substitution error: $my_ip is not set in the files"));

    [Test]
    public void AChoice_OutsideItsValues_IsOslosError() =>
        Assert.That(Error(IronicRelease.Master, "[conductor]\nautomated_cleaning_step_source = bogus\n"),
            Is.EqualTo("ironic0.conf:2: [conductor] automated_cleaning_step_source: Value for option automated_cleaning_step_source is not valid: Valid values are [autogenerated, runbook, hybrid], but found 'bogus'"));

    [Test]
    public void AnOptionIronicCoreDoesNotSimulate_IsRefusedAsInAScenarioFile() =>
        Assert.That(Error(IronicRelease.Release21_4, "[conductor]\nnode_locked_retry_attempts = 3\n"),
            Does.StartWith("ironic0.conf:2: [conductor] node_locked_retry_attempts: Option conductor.node_locked_retry_attempts is not simulated by IronicCore: "));

    [Test]
    public void AnOptionIronicAnswersTheSameWithSet_IsTakenFromAFile_WithANote()
    {
        var values = Read(IronicRelease.Release21_4, "[conductor]\ndeploy_kernel = http://192.0.2.10/ipa.kernel\ndeploy_ramdisk = http://192.0.2.10/ipa.initramfs\n[agent]\ncertificates_path = /var/lib/ironic/certificates\n");

        Assert.That(values.Options, Is.Empty);
        Assert.That(values.Notes, Is.EqualTo(new[]
        {
            "ironic0.conf:2: [conductor] deploy_kernel: taken; IronicCore answers as Ironic does with it set: it names the deploy kernel of nodes whose driver_info names none; IronicCore neither checks nor fetches ramdisk images.",
            "ironic0.conf:3: [conductor] deploy_ramdisk: taken; IronicCore answers as Ironic does with it set: it names the deploy ramdisk of nodes whose driver_info names none; IronicCore neither checks nor fetches ramdisk images.",
            "ironic0.conf:5: [agent] certificates_path: taken; IronicCore answers as Ironic does with it set: it is the directory where Ironic stores the agents' TLS certificates, and IronicCore writes no certificate.",
        }));
    }

    [Test]
    public void AnOptionIronicAnswersTheSameWithSet_IsStillRefusedInAScenariosOptions() =>
        Assert.Throws<OptionNotSimulatedException>(() => ConductorOptions.FromNames(
            IronicRelease.Release21_4, new Dictionary<string, JsonElement> { ["conductor.deploy_kernel"] = JsonDocument.Parse("\"http://192.0.2.10/ipa.kernel\"").RootElement }));

    [Test]
    public void ALaterReleasesOption_IsIgnoredByAnOlderRelease_WithANote()
    {
        var values = Read(IronicRelease.Release21_4, "[conductor]\npoweroff_in_cleanfail = true\n");

        Assert.That(values.Options, Is.Empty);
        Assert.That(values.Notes, Is.EqualTo(new[] { "ironic0.conf: [conductor] poweroff_in_cleanfail: ignored, not an option of Ironic 21.4 (a later release's)" }));
    }

    [Test]
    public void Notes_TellAnIronicOptionIronicCoreDoesNotSimulate_FromANameThatIsNoOptionOfTheRelease()
    {
        var values = Read(
            IronicRelease.Master,
            "[conductor]\ngraceful_shutdown_timeout = 60\nno_such_option = 1\nforce_power_state_during_sync = true\n" +
            "[DEFAULT]\nbackdoor_port = 4444\nlogdir = /var/log/ironic\ndebug = true\n[database]\nconnection = sqlite://\n");

        Assert.That(values.Notes, Is.EqualTo(new[]
        {
            "ironic0.conf: [conductor] graceful_shutdown_timeout: ignored, an option of Ironic master that IronicCore does not simulate",
            "ironic0.conf: [conductor] no_such_option: ignored, not an option of Ironic master (oslo.config ignores what nothing registers)",
            "ironic0.conf: [DEFAULT] logdir, debug: ignored, options of Ironic master that IronicCore does not simulate",
            "ironic0.conf: [DEFAULT] backdoor_port: ignored, not an option of Ironic master (an earlier release's)",
            "ironic0.conf: [database] connection: ignored, an option of Ironic master that IronicCore does not simulate",
        }));
    }

    [Test]
    public void Notes_NameALaterReleasesIronicOption_AsNoOptionOfTheRelease()
    {
        var values = Read(IronicRelease.Release21_4, "[conductor]\ngraceful_shutdown_timeout = 60\n[agent_containers]\nrunner = podman\n");

        Assert.That(values.Notes, Is.EqualTo(new[]
        {
            "ironic0.conf: [conductor] graceful_shutdown_timeout: ignored, not an option of Ironic 21.4 (a later release's)",
            "ironic0.conf: [agent_containers] runner: ignored, not an option of Ironic 21.4 (a later release's)",
        }));
    }

    [Test]
    public void ADriverSectionTheConductorDoesNotCarry_IsNotedAsOptionsIronicCoreDoesNotSimulate()
    {
        var values = IronicConfigFiles.FromText([("ironic.conf", "[ipmi]\ncommand_retry_timeout = 90\nkill_on_timeout = false\n")]).Resolve(IronicRelease.Release21_4, null, Host);

        Assert.That(values.Notes, Is.EqualTo(new[] { "ironic.conf: [ipmi] command_retry_timeout, kill_on_timeout: ignored, options of Ironic 21.4 that IronicCore does not simulate" }));
    }

    [Test]
    public void ValuesThatBreakIronicsRules_NameTheFileAndTheOption() =>
        Assert.That(Error(IronicRelease.Master, "[conductor]\nconductor_group = bad group!\n"),
            Does.StartWith("ironic0.conf:2: [conductor] conductor_group: The configuration is incorrect: conductor.conductor_group"));

    [TestCase("[conductor]\nfoo\n", "Failed to parse ironic0.conf: at ironic0.conf:2, No ':' or '=' found in assignment: 'foo'")]
    [TestCase("[conductor\nx = 1\n", "Failed to parse ironic0.conf: at ironic0.conf:1, Invalid section (must end with ]): '[conductor'")]
    [TestCase("[]\n", "Failed to parse ironic0.conf: at ironic0.conf:1, Empty section name: '[]'")]
    [TestCase("  x = 1\n", "Failed to parse ironic0.conf: at ironic0.conf:1, Unexpected continuation line: '  x = 1'")]
    [TestCase("[c]\n = 1\n", "Failed to parse ironic0.conf: at ironic0.conf:2, Unexpected continuation line: ' = 1'")]
    [TestCase("[c]\n= 1\n", "Failed to parse ironic0.conf: at ironic0.conf:2, Key cannot be empty: '= 1'")]
    [TestCase("x = 1\n", "Failed to parse ironic0.conf: at ironic0.conf:1, Section must be started before assignment: None")]
    public void TextThatIsNotOslosIni_IsOslosParseError(string text, string message) =>
        Assert.That(Error(IronicRelease.Master, text), Is.EqualTo(message));

    [Test]
    public void AMissingFile_IsOslosError() =>
        Assert.That(Assert.Throws<ConfigFileException>(() => IronicConfigFiles.Load(["/nonexistent/ironic.conf"]))!.Message,
            Is.EqualTo("Failed to find some config files: /nonexistent/ironic.conf"));
}
