using System.Text.Json;
using IronicCore.States;

namespace IronicCore.Scenarios.Tests;

/// <summary>
/// The differential campaign's generator: a seed names one file for good (the campaign's results
/// and the committed generated scenarios are found again by seed), and every file it writes is one
/// the format accepts, within the bounds it promises.
/// </summary>
[TestFixture]
public sealed class ScenarioGeneratorTests
{
    private const int Seeds = 300;

    private const string PinnedSeed7Ipmi = "F9CD1BBC66102550EC28A345029F6A76F136BC4DFE93AF4827D21826D59220A2";

    [TestCase(ScenarioProfile.Fake)]
    [TestCase(ScenarioProfile.FakeDirect)]
    [TestCase(ScenarioProfile.Ipmi)]
    [TestCase(ScenarioProfile.Mixed)]
    [TestCase(ScenarioProfile.Redfish)]
    public void Generate_SameSeed_SameBytes(ScenarioProfile profile)
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var first = ScenarioGenerator.Generate(seed, profile);

            var second = ScenarioGenerator.Generate(seed, profile);

            Assert.That(second, Is.EqualTo(first), $"seed {seed}");
        }
    }

    [Test]
    public void Generate_DifferentSeeds_DifferentFiles()
    {
        var files = Enumerable.Range(0, 100).Select(seed => ScenarioGenerator.Generate((ulong)seed, ScenarioProfile.Mixed)).ToHashSet();

        Assert.That(files, Has.Count.EqualTo(100));
    }

    [Test]
    public void Generate_Seed7Ipmi_IsTheFileTheCampaignRan()
    {
        // Pinned bytes: a change to the generator renumbers every seed of the campaign's results.
        var file = ScenarioGenerator.Generate(7, ScenarioProfile.Ipmi);

        Assert.That(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file))),
            Is.EqualTo(PinnedSeed7Ipmi));
    }

    [Test]
    public void Generate_EverySeed_IsAValidFileWithinItsBounds(
        [Values] ScenarioProfile profile, [Values] IronicRelease release)
    {
        Assert.Multiple(() =>
        {
            for (ulong seed = 0; seed < Seeds; seed++)
            {
                var file = ScenarioGenerator.Generate(seed, profile, release);

                var scenario = Scenario.Parse(file);

                using var document = JsonDocument.Parse(file);
                var steps = document.RootElement.GetProperty("steps");
                Assert.That(scenario.NodeNames, Has.Length.InRange(1, 3), $"seed {seed}");
                Assert.That(steps.GetArrayLength(), Is.InRange(10, 40), $"seed {seed}");
                Assert.That(document.RootElement.GetProperty("ironic_release").GetString(), Is.EqualTo(release.ToIronicName()), $"seed {seed}");
                Assert.That(steps.EnumerateArray().All(s => s.TryGetProperty("comment", out _)), $"seed {seed}: every step has a comment");
                Assert.That(Drivers(document), Is.SubsetOf(ExpectedDrivers(profile)), $"seed {seed}");
            }
        });
    }

    [Test]
    public void Generate_AcrossSeeds_DrawsEveryKindOfStep()
    {
        var ops = new HashSet<string>();
        var targets = new HashSet<string>();
        var statuses = new HashSet<string>();
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            using var document = JsonDocument.Parse(ScenarioGenerator.Generate(seed, ScenarioProfile.Mixed));
            foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
            {
                ops.Add(step.GetProperty("op").GetString()!);
                if (step.TryGetProperty("target", out var target))
                {
                    targets.Add(target.GetString()!);
                }

                if (step.TryGetProperty("status", out var status))
                {
                    statuses.Add(status.GetString()!);
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(ops, Is.EquivalentTo(new[] { "provision", "power", "maintenance", "heartbeat", "agent_result", "bmc", "advance" }));
            Assert.That(targets, Is.SupersetOf(new[] { "manage", "provide", "clean", "active", "deleted", "abort", "rescue", "unrescue", "power off" }));
            Assert.That(statuses, Is.EquivalentTo(new[] { "SUCCEEDED", "FAILED", "RUNNING" }));
        });
    }

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void Generate_AcrossSeeds_DrawsFailurePairsAndTheOptionsThatChangeThem(IronicRelease release)
    {
        var comments = new HashSet<string>();
        var options = new HashSet<string>();
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            using var document = JsonDocument.Parse(ScenarioGenerator.Generate(seed, ScenarioProfile.Mixed, release));
            foreach (var option in document.RootElement.GetProperty("options").EnumerateObject())
            {
                options.Add(option.Name);
            }

            foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
            {
                comments.Add(step.GetProperty("comment").GetString()!.Split(';')[0]);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(comments, Is.SupersetOf(new[]
            {
                "BMC: outage before a request that powers the node", "BMC: outage before a power request",
                "BMC: outage across power syncs (maintenance for a power failure)", "BMC: answering again (power failure recovery)",
                "BMC: outage while the agent works", "BMC: outage before the wait is given up (its tear-down powers off)",
                "BMC: outage until the callback timeout", "BMC: answering",
            }));
            Assert.That(options, Is.SupersetOf(new[]
            {
                "conductor.power_failure_recovery_interval", "conductor.sync_power_state_interval", "conductor.check_provision_state_interval",
                "conductor.soft_power_off_timeout", "deploy.fast_track", "conductor.max_concurrent_deploy", "conductor.max_concurrent_clean",
            }));
            Assert.That(options.Contains("conductor.poweroff_in_cleanfail"), Is.EqualTo(release != IronicRelease.Release21_4), "21.4 has no poweroff_in_cleanfail");
        });
    }

    [Test]
    public void Generate_Release21_4_IsTheFileWithoutARelease()
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            Assert.That(ScenarioGenerator.Generate(seed, ScenarioProfile.Mixed, IronicRelease.Release21_4),
                Is.EqualTo(ScenarioGenerator.Generate(seed, ScenarioProfile.Mixed)), $"seed {seed}");
        }
    }

    [Test]
    public void Generate_MasterAcrossSeeds_DrawsServicingAndHolds()
    {
        var targets = new HashSet<string>();
        var states = new HashSet<string>();
        var lists = new HashSet<string>();
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            using var document = JsonDocument.Parse(ScenarioGenerator.Generate(seed, ScenarioProfile.Mixed, IronicRelease.Master));
            foreach (var node in document.RootElement.GetProperty("nodes").EnumerateArray())
            {
                states.Add(node.GetProperty("provision_state").GetString()!);
            }

            foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
            {
                if (step.TryGetProperty("target", out var target))
                {
                    targets.Add(target.GetString()!);
                }

                foreach (var list in new[] { "clean_steps", "deploy_steps", "service_steps" })
                {
                    if (step.TryGetProperty(list, out var userSteps) && userSteps.EnumerateArray().Any(s => s.GetProperty("step").GetString() == "hold"))
                    {
                        lists.Add(list);
                    }
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(targets, Is.SupersetOf(new[] { "service", "unhold", "abort" }));
            Assert.That(states, Is.SupersetOf(new[] { "service failed", "service wait", "clean hold", "deploy hold", "service hold" }));
            Assert.That(lists, Is.EquivalentTo(new[] { "clean_steps", "deploy_steps", "service_steps" }), "hold steps in every kind of step list");
        });
    }

    [Test]
    public void Generate_RedfishDeployRequests_CarryBiosDeployStepsOnlyForRedfish(
        [Values(IronicRelease.Release21_4, IronicRelease.Master)] IronicRelease release)
    {
        var biosSteps = new HashSet<string>();
        var priorities = new HashSet<int>();
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            foreach (var step in BiosDeploySteps(ScenarioGenerator.Generate(seed, ScenarioProfile.Redfish, release)))
            {
                biosSteps.Add(step.GetProperty("step").GetString()!);
                priorities.Add(step.GetProperty("priority").GetInt32());
            }

            Assert.That(BiosDeploySteps(ScenarioGenerator.Generate(seed, ScenarioProfile.Mixed, release)), Is.Empty, $"mixed seed {seed} has no redfish node");
        }

        Assert.Multiple(() =>
        {
            Assert.That(biosSteps, Is.EquivalentTo(new[] { "apply_configuration", "factory_reset" }));
            Assert.That(priorities, Is.EquivalentTo(new[] { 150, 95, 90 }), "before and after deploy.deploy (100)");
        });
    }

    [Test]
    public void Generate_AgentDeployRequests_CarryTheAgentsInBandStep_AroundTheDirectDeploysSteps()
    {
        var priorities = new HashSet<int>();
        var withArgument = 0;
        for (ulong seed = 0; seed < Seeds; seed++)
        {
            foreach (var step in DeploySteps(ScenarioGenerator.Generate(seed, ScenarioProfile.FakeDirect, IronicRelease.Master), "deploy"))
            {
                priorities.Add(step.GetProperty("priority").GetInt32());
                withArgument += step.GetProperty("args").EnumerateObject().Any() ? 1 : 0;
            }

            Assert.That(DeploySteps(ScenarioGenerator.Generate(seed, ScenarioProfile.Fake, IronicRelease.Master), "deploy"), Is.Empty, $"fake seed {seed}: no agent to run it");
        }

        Assert.Multiple(() =>
        {
            Assert.That(priorities, Is.EquivalentTo(new[] { 95, 85, 50 }), "between deploy (100), write_image (80) and the rest, above boot_instance (20)");
            Assert.That(withArgument, Is.GreaterThan(0), "an argument the agent's step does not describe is drawn too");
        });
    }

    /// <summary>The BIOS steps of a generated file's deploy requests.</summary>
    private static List<JsonElement> BiosDeploySteps(string file) => DeploySteps(file, "bios");

    /// <summary>The steps of one interface in a generated file's deploy requests.</summary>
    private static List<JsonElement> DeploySteps(string file, string @interface)
    {
        using var document = JsonDocument.Parse(file);
        return [.. document.RootElement.GetProperty("steps").EnumerateArray()
            .Where(s => s.TryGetProperty("deploy_steps", out _))
            .SelectMany(s => s.GetProperty("deploy_steps").EnumerateArray())
            .Where(s => s.GetProperty("interface").GetString() == @interface && s.GetProperty("step").GetString() != "hold")
            .Select(s => s.Clone())];
    }

    [Test]
    public void Generate_UndefinedRelease_IsRefused() =>
        Assert.That(() => ScenarioGenerator.Generate(1, ScenarioProfile.Mixed, (IronicRelease)42), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Generate_UndefinedProfile_IsRefused() =>
        Assert.That(() => ScenarioGenerator.Generate(1, (ScenarioProfile)42), Throws.TypeOf<ArgumentOutOfRangeException>());

    private static IEnumerable<string> Drivers(JsonDocument document) =>
        document.RootElement.GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("driver").GetString() + (n.TryGetProperty("deploy_interface", out var d) ? "/" + d.GetString() : string.Empty))
            .Distinct();

    private static string[] ExpectedDrivers(ScenarioProfile profile) => profile switch
    {
        ScenarioProfile.Fake => ["fake-hardware"],
        ScenarioProfile.FakeDirect => ["fake-hardware/direct"],
        ScenarioProfile.Ipmi => ["ipmi"],
        ScenarioProfile.Redfish => ["redfish"],
        _ => ["fake-hardware", "fake-hardware/direct", "ipmi"],
    };
}
