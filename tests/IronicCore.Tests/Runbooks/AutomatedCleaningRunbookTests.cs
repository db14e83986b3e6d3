using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Runbooks;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Runbooks;

/// <summary>
/// Ironic master's automated cleaning with a runbook (<c>[conductor] automated_cleaning_step_source</c>
/// and its companions, <c>ConductorManager._get_steps_for_automated_cleaning</c>): the failures the
/// oracle can show are scenario tests (Scenarios/runbooks); these are the rules it cannot reach,
/// because its scenarios cannot create runbooks or set traits and resource classes.
/// </summary>
[TestFixture]
public sealed class AutomatedCleaningRunbookTests
{
    /// <summary>A fake BIOS step that fails as Ironic's does, so a cleaning that ran it shows it.</summary>
    private static readonly RunbookStep FailingStep = new("bios", "apply_configuration", JsonDocument.Parse("{\"settings\": \"bad\"}").RootElement);

    private static readonly RunbookStep GoodStep = new("bios", "factory_reset");

    private static ConductorOptions Hybrid(
        string? runbook = "CUSTOM_CLEAN",
        AutomatedCleaningStepSource source = AutomatedCleaningStepSource.Hybrid,
        bool validateTraits = true) => new()
    {
        AutomatedCleaningStepSource = source,
        AutomatedCleaningRunbook = runbook,
        AutomatedCleaningRunbookValidateTraits = validateTraits,
    };

    private static IronicCore.Conductor WithRunbook(ConductorOptions options, RunbookStep step, params string[] runbookTraits)
    {
        var conductor = ConductorFixture.Create(options);
        conductor.CreateRunbook(new RunbookCreateRequest { Name = "CUSTOM_CLEAN", Steps = [step] });
        conductor.SetRunbookTraits("CUSTOM_CLEAN", runbookTraits);
        return conductor;
    }

    private static void Traits(IronicCore.Conductor conductor, string node, params string[] traits) => conductor.AddNodeTraits(node, traits);

    [Test]
    public void Provide_WithTheRunbookSource_RunsTheRunbooksSteps_AsAnAutomatedClean()
    {
        var conductor = WithRunbook(Hybrid(), FailingStep, "CUSTOM_GOLD");
        conductor.Enroll("n1", ProvisionState.Manageable);
        Traits(conductor, "n1", "CUSTOM_GOLD");

        var node = conductor.Provision("n1", ApiVerb.Provide);

        Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        Assert.That(node.LastError, Does.Contain("string indices must be integers, not 'str'"));
    }

    [Test]
    public void Provide_WithAGoodRunbook_EndsAvailable()
    {
        var conductor = WithRunbook(Hybrid(), GoodStep, "CUSTOM_GOLD");
        conductor.Enroll("n1", ProvisionState.Manageable);
        Traits(conductor, "n1", "CUSTOM_GOLD");

        Assert.That(conductor.Provision("n1", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void Undeploy_TearsDownThenRunsTheRunbooksSteps()
    {
        var conductor = WithRunbook(Hybrid(), FailingStep, "CUSTOM_GOLD");
        conductor.Enroll("n1", ProvisionState.Active, PowerState.PowerOn);
        Traits(conductor, "n1", "CUSTOM_GOLD");

        var node = conductor.Provision("n1", ApiVerb.Deleted);

        Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        Assert.That(node.LastError, Does.Contain("string indices must be integers, not 'str'"));
    }

    [Test]
    public void AnUnsupportedRunbookStep_FailsTheCleaning_AsAManualCleansWould()
    {
        var conductor = WithRunbook(Hybrid(), new RunbookStep("bios", "no_such_step"), "CUSTOM_GOLD");
        conductor.Enroll("n1", ProvisionState.Manageable);
        Traits(conductor, "n1", "CUSTOM_GOLD");

        var node = conductor.Provision("n1", ApiVerb.Provide);

        Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        Assert.That(node.LastError, Is.EqualTo($"Cannot clean node {node.Uuid}: node does not support this clean step: {{'interface': 'bios', 'step': 'no_such_step', 'args': {{}}, 'order': 0}}"));
    }

    [Test]
    public void ARunbookWithoutTraits_IsNotValid_AndProvideIsRefusedBeforeTheNodeMoves()
    {
        var conductor = WithRunbook(Hybrid(), GoodStep);
        var uuid = conductor.Enroll("n1", ProvisionState.Manageable).Uuid;

        var error = Assert.Throws<NodeCleaningFailureException>(() => conductor.SetProvisionState("n1", ApiVerb.Provide));

        Assert.That(error!.Message, Is.EqualTo($"Automated cleaning runbook CUSTOM_CLEAN is not valid for node {uuid}. Runbook has no traits configured."));
        Assert.That(error.HttpStatus, Is.EqualTo(500));
        Assert.That(conductor.GetNode("n1").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
    }

    [Test]
    public void ARunbookNoneOfWhoseTraitsTheNodeHas_IsNotValid()
    {
        var conductor = WithRunbook(Hybrid(), GoodStep, "CUSTOM_B", "CUSTOM_A");
        var uuid = conductor.Enroll("n1", ProvisionState.Manageable).Uuid;
        Traits(conductor, "n1", "CUSTOM_OTHER");

        Assert.That(
            () => conductor.SetProvisionState("n1", ApiVerb.Provide),
            Throws.TypeOf<NodeCleaningFailureException>().With.Message.EqualTo(
                $"Automated cleaning runbook CUSTOM_CLEAN is not valid for node {uuid}. None of the runbook's traits ['CUSTOM_A', 'CUSTOM_B'] match a node trait."));
    }

    [Test]
    public void ValidateTraitsOff_UsesTheRunbookWhateverItsTraits()
    {
        var conductor = WithRunbook(Hybrid(validateTraits: false), FailingStep);
        conductor.Enroll("n1", ProvisionState.Manageable);

        Assert.That(conductor.Provision("n1", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
    }

    [Test]
    public void TheResourceClassRunbook_WinsOverTheDefault_AndDriverInfo_WinsOverBoth()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions
        {
            AutomatedCleaningStepSource = AutomatedCleaningStepSource.Hybrid,
            AutomatedCleaningRunbook = "missing-default",
            AutomatedCleaningRunbookByResourceClass = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("gold", "missing-gold")]),
            AutomatedCleaningRunbookFromNode = true,
        });
        var gold = conductor.Enroll("gold", ProvisionState.Manageable);
        conductor.UpdateNode("gold", NodeUpdate.From(gold) with { ResourceClass = "gold" });
        var own = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "own",
            ProvisionState = ProvisionState.Manageable,
            DriverInfo = ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("cleaning_runbook", "missing-own")]),
        });
        conductor.UpdateNode("own", NodeUpdate.From(own) with { ResourceClass = "gold" });
        conductor.Enroll("plain", ProvisionState.Manageable);

        Assert.That(() => conductor.SetProvisionState("gold", ApiVerb.Provide), Throws.TypeOf<RunbookNotFoundException>().With.Message.EqualTo("Runbook missing-gold could not be found."));
        Assert.That(() => conductor.SetProvisionState("own", ApiVerb.Provide), Throws.TypeOf<RunbookNotFoundException>().With.Message.EqualTo("Runbook missing-own could not be found."));
        Assert.That(() => conductor.SetProvisionState("plain", ApiVerb.Provide), Throws.TypeOf<RunbookNotFoundException>().With.Message.EqualTo("Runbook missing-default could not be found."));
    }

    [Test]
    public void DriverInfosRunbook_IsIgnored_WithoutRunbookFromNode()
    {
        var conductor = WithRunbook(Hybrid(runbook: null), FailingStep, "CUSTOM_GOLD");
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1",
            ProvisionState = ProvisionState.Manageable,
            DriverInfo = ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("cleaning_runbook", "CUSTOM_CLEAN")]),
        });
        Traits(conductor, "n1", "CUSTOM_GOLD");

        Assert.That(conductor.Provision("n1", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void TheAutogeneratedSource_IgnoresAConfiguredRunbook()
    {
        var conductor = WithRunbook(Hybrid(source: AutomatedCleaningStepSource.Autogenerated), FailingStep);
        conductor.Enroll("n1", ProvisionState.Manageable);

        Assert.That(conductor.Provision("n1", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void AutomatedCleanFalse_SkipsTheRunbooksSteps_OnceTheRunbookIsFound()
    {
        var conductor = WithRunbook(Hybrid(), FailingStep, "CUSTOM_GOLD");
        conductor.CreateNode(new NodeCreateRequest { Name = "n1", ProvisionState = ProvisionState.Manageable, AutomatedClean = false });
        Traits(conductor, "n1", "CUSTOM_GOLD");

        Assert.That(conductor.Provision("n1", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.Available));
    }

    [Test]
    public void TheRunbooksDisableRamdisk_Applies_AStepThatNeedsTheRamdiskFailsTheCleaningAtOnce()
    {
        var conductor = ConductorFixture.Create(Hybrid());
        conductor.CreateRunbook(new RunbookCreateRequest { Name = "CUSTOM_CLEAN", Steps = [GoodStep], DisableRamdisk = true });
        conductor.AddRunbookTrait("CUSTOM_CLEAN", "CUSTOM_GOLD");
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ManagementInterface = "noop", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
        });
        Traits(conductor, "n1", "CUSTOM_GOLD");

        var node = conductor.Provision("n1", ApiVerb.Provide);

        Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        Assert.That(node.LastError, Is.EqualTo($"Cannot clean node {node.Uuid}: clean step {{'interface': 'bios', 'step': 'factory_reset', 'args': {{}}, 'order': 0}} requires booting a ramdisk"));
    }

    [Test]
    public void WithoutTheRunbook_ADirectDeployNodesAutomatedClean_WaitsForItsAgent()
    {
        var conductor = ConductorFixture.Create(Hybrid(runbook: null));
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n1", DeployInterface = "direct", ManagementInterface = "noop", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff,
        });

        Assert.That(conductor.Provision("n1", ApiVerb.Provide).ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
    }

    [Test]
    public void Release21_4_HasNoRunbookOptions()
    {
        var error = Assert.Throws<IncorrectConfigurationException>(() =>
            new ConductorOptions(IronicRelease.Release21_4) { AutomatedCleaningStepSource = AutomatedCleaningStepSource.Runbook }.Validate());

        Assert.That(error!.Message, Does.Contain("conductor.automated_cleaning_step_source").And.Contain("is not an option of Ironic 21.4"));
    }
}
