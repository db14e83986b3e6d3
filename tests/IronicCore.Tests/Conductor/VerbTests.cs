using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

[TestFixture]
public sealed class VerbTests
{
    private static IEnumerable<TestCaseData> EveryVerbInEveryState() =>
        from release in Enum.GetValues<IronicRelease>()
        let machine = ProvisionStateMachine.For(release)
        from state in machine.States
        from verb in Enum.GetValues<ApiVerb>()
        select new TestCaseData(release, state, verb)
            .SetArgDisplayNames(release.ToIronicName(), state.ToIronicName(), verb.ToIronicName());

    [TestCaseSource(nameof(EveryVerbInEveryState))]
    public void Verb_IsAcceptedExactlyWhenTheStateMachineAllowsItsEvent_ElseRefusedWithNothingChanged(
        IronicRelease release, ProvisionState state, ApiVerb verb)
    {
        var conductor = ConductorFixture.Create(ConductorOptions.ForRelease(release));
        conductor.Enroll("n", state);
        var before = NodeSnapshot.Of(conductor.GetNode("n"));
        var machine = ProvisionStateMachine.For(release);
        var verbExists = verb == ApiVerb.Rebuild || machine.ApiVerbs.Contains(verb);
        var allowed = verbExists && machine.TryFire(state, ProvisionStateMachine.EventOf(verb), out _);

        TestDelegate request = () => conductor.SetProvisionState("n", verb, RequiredFields(verb));

        if (!allowed)
        {
            var error = Assert.Throws<InvalidStateRequestedException>(request);
            Assert.Multiple(() =>
            {
                Assert.That(error.HttpStatus, Is.EqualTo(400));
                Assert.That(error.State, Is.EqualTo(state.ToIronicName()));
                Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
            });
        }
        else if (state == ProvisionState.InspectWait && verb == ApiVerb.Abort)
        {
            // The fake inspect interface cannot abort: Ironic answers UnsupportedDriverExtension.
            Assert.That(request, Throws.TypeOf<UnsupportedDriverExtensionException>());
            Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
        }
        else
        {
            Assert.That(request, Throws.Nothing);
        }
    }

    [Test]
    public void Clean_WithoutCleanSteps_IsClientSideError400()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<ClientSideErrorException>(() => conductor.SetProvisionState("n", ApiVerb.Clean));

        Assert.That(error.HttpStatus, Is.EqualTo(400));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Rescue_WithoutANonBlankPassword_IsClientSideError400(string password)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active);

        Assert.That(
            () => conductor.SetProvisionState("n", ApiVerb.Rescue, new ProvisionRequest { RescuePassword = password }),
            Throws.TypeOf<ClientSideErrorException>());
    }

    [Test]
    public void CleanSteps_WithAnotherVerb_AreClientSideError400()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        Assert.That(
            () => conductor.SetProvisionState("n", ApiVerb.Provide, new ProvisionRequest { CleanSteps = [new("bios", "factory_reset")] }),
            Throws.TypeOf<ClientSideErrorException>());
    }

    [Test]
    public void CleanStep_OnAnUnknownInterface_IsInvalidParameterValue400_AndNothingMoves()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        var before = NodeSnapshot.Of(conductor.GetNode("n"));

        var error = Assert.Throws<InvalidParameterValueException>(
            () => conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new("storage", "wipe")] }));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
        });
    }

    [Test]
    public void UnknownNode_IsNodeNotFound404()
    {
        var conductor = ConductorFixture.Create();

        var error = Assert.Throws<NodeNotFoundException>(() => conductor.SetProvisionState("ghost", ApiVerb.Manage));

        Assert.That(error.HttpStatus, Is.EqualTo(404));
    }

    [Test]
    public void Provide_OfARetiredNode_IsNodeIsRetired400()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.SetRetired("n", true, "end of life");

        var error = Assert.Throws<NodeIsRetiredException>(() => conductor.SetProvisionState("n", ApiVerb.Provide));

        Assert.That(error.HttpStatus, Is.EqualTo(400));
    }

    [TestCase(ApiVerb.Deleted)]
    [TestCase(ApiVerb.Rebuild)]
    public void Undeploy_AndRebuild_OfAProtectedNode_AreNodeProtected403(ApiVerb verb)
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Active);
        conductor.SetProtected("n", true, "tenant data");

        var error = Assert.Throws<NodeProtectedException>(() => conductor.SetProvisionState("n", verb));

        Assert.Multiple(() =>
        {
            Assert.That(error.HttpStatus, Is.EqualTo(403));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
        });
    }

    [TestCase(IronicRelease.Master, 503)]
    [TestCase(IronicRelease.Release21_4, 500)]
    public void ConcurrentActionLimit_RefusesManualCleanBeyondMaxConcurrentClean(IronicRelease release, int status)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(release) { MaxConcurrentClean = 1 });
        conductor.Enroll("waiting", ProvisionState.CleanWait);
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<ConcurrentActionLimitException>(
            () => conductor.SetProvisionState("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new("bios", "factory_reset")] }));

        Assert.That(error.HttpStatus, Is.EqualTo(status));
    }

    [TestCase(IronicRelease.Master, "Invalid", 400, "disable_ramdisk is supported only with manual cleaning or servicing")]
    [TestCase(IronicRelease.Release21_4, "BadRequest", 500, "disable_ramdisk is supported only with manual cleaning")]
    public void DisableRamdisk_WithAnotherVerb_IsBadRequest_WhichMasterAliasesToInvalid400(
        IronicRelease release, string errorClass, int status, string message)
    {
        var conductor = ConductorFixture.Create(ConductorOptions.ForRelease(release));
        conductor.Enroll("n", ProvisionState.Manageable);
        var before = NodeSnapshot.Of(conductor.GetNode("n"));

        var error = Assert.Throws(
            Is.InstanceOf<IronicException>(),
            () => conductor.SetProvisionState("n", ApiVerb.Provide, new ProvisionRequest { DisableRamdisk = true })) as IronicException;

        Assert.Multiple(() =>
        {
            Assert.That(error!.IronicClass, Is.EqualTo(errorClass));
            Assert.That(error.HttpStatus, Is.EqualTo(status));
            Assert.That(error.Message, Is.EqualTo(message));
            Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
        });
    }

    /// <summary>
    /// Master's steps.py <c>_check_step_policy</c>, run by the provision API before its maintenance,
    /// state and schema checks, reads each step's <c>interface</c> and <c>step</c>: a step lacking
    /// either is a <c>KeyError</c> (500), whatever the verb; 21.4 answers the schema's 400.
    /// </summary>
    [TestCase(IronicRelease.Master, """{"clean_steps": [{"interface": "bios"}]}""", "KeyError", 500)]
    [TestCase(IronicRelease.Master, """{"clean_steps": [{"step": "factory_reset"}]}""", "KeyError", 500)]
    [TestCase(IronicRelease.Master, """{"deploy_steps": [{"interface": "deploy", "step": "deploy", "priority": 0, "args": {}}], "clean_steps": [{"interface": "bios"}]}""", "KeyError", 500)]
    [TestCase(IronicRelease.Release21_4, """{"clean_steps": [{"interface": "bios"}]}""", "InvalidParameterValue", 400)]
    public void StepWithoutInterfaceOrStep_IsRefused_BeforeAnyOtherCheckOnMaster(IronicRelease release, string body, string errorClass, int status)
    {
        var conductor = ConductorFixture.Create(ConductorOptions.ForRelease(release));
        conductor.Enroll("n", ProvisionState.Manageable);
        var before = NodeSnapshot.Of(conductor.GetNode("n"));

        var error = Assert.Throws(
            Is.InstanceOf<IronicException>(),
            () => conductor.SetProvisionState("n", ApiVerb.Clean, ProvisionRequest.FromJson(JsonDocument.Parse(body).RootElement, release))) as IronicException;

        Assert.Multiple(() =>
        {
            Assert.That(error!.IronicClass, Is.EqualTo(errorClass));
            Assert.That(error.HttpStatus, Is.EqualTo(status));
            Assert.That(NodeSnapshot.Of(conductor.GetNode("n")), Is.EqualTo(before));
        });
    }

    /// <summary>Master's <c>_STEPS_SCHEMA</c> lets a user's clean step carry an <c>order</c>; 21.4's has no such property.</summary>
    [TestCase(IronicRelease.Master, true)]
    [TestCase(IronicRelease.Release21_4, false)]
    public void CleanStepWithAnOrder_IsAcceptedOnMasterOnly(IronicRelease release, bool accepted)
    {
        var conductor = ConductorFixture.Create(ConductorOptions.ForRelease(release));
        conductor.Enroll("n", ProvisionState.Manageable);
        var body = JsonDocument.Parse("""{"clean_steps": [{"interface": "bios", "step": "factory_reset", "order": 1}]}""").RootElement;

        TestDelegate clean = () => conductor.SetProvisionState("n", ApiVerb.Clean, ProvisionRequest.FromJson(body, release));

        Assert.That(clean, accepted ? Throws.Nothing : Throws.TypeOf<InvalidParameterValueException>());
    }

    private static ProvisionRequest RequiredFields(ApiVerb verb) => verb switch
    {
        ApiVerb.Clean => new ProvisionRequest { CleanSteps = [new("bios", "factory_reset")] },
        ApiVerb.Service => new ProvisionRequest { ServiceSteps = [new("bios", "factory_reset")] },
        ApiVerb.Rescue => new ProvisionRequest { RescuePassword = "secret" },
        _ => ProvisionRequest.None,
    };
}
