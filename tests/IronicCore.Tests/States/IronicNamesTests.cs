using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.States;

[TestFixture]
public sealed class IronicNamesTests
{
    [Test]
    public void ProvisionStates_CarryIronicsWireNames() =>
        Assert.That(IronicNames.All<ProvisionState>(), Is.EquivalentTo(FsmDocument.Master.States.Keys));

    [Test]
    public void ProvisionEvents_CarryIronicsWireNames() =>
        Assert.That(
            IronicNames.All<ProvisionEvent>(),
            Is.EquivalentTo(FsmDocument.Master.Transitions.Select(t => t.Event).Distinct()));

    [Test]
    public void ApiVerbs_CarryIronicsWireNames_PlusRebuild() =>
        Assert.That(
            IronicNames.All<ApiVerb>(),
            Is.EquivalentTo(FsmDocument.Master.ApiVerbs.Keys.Append("rebuild")));

    [Test]
    public void CSharpNames_AreIronicNamesInPascalCase()
    {
        static string Pascal(string ironic) => string.Concat(
            ironic.Split(' ', '-', '_').Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

        Assert.Multiple(() =>
        {
            foreach (var state in Enum.GetValues<ProvisionState>())
            {
                Assert.That(state.ToString(), Is.EqualTo(Pascal(state.ToIronicName())));
            }

            foreach (var @event in Enum.GetValues<ProvisionEvent>())
            {
                Assert.That(@event.ToString(), Is.EqualTo(Pascal(@event.ToIronicName())));
            }
        });
    }

    [Test]
    public void EveryName_ParsesBackToItsValue()
    {
        Assert.Multiple(() =>
        {
            foreach (var state in Enum.GetValues<ProvisionState>())
            {
                Assert.That(IronicNameParser.Parse<ProvisionState>(state.ToIronicName()), Is.EqualTo(state));
            }

            foreach (var power in Enum.GetValues<PowerState>())
            {
                Assert.That(IronicNameParser.Parse<PowerState>(power.ToIronicName()), Is.EqualTo(power));
            }

            Assert.That(IronicNameParser.Parse<IronicRelease>("21.4"), Is.EqualTo(IronicRelease.Release21_4));
            Assert.That(IronicNameParser.Parse<ApiVerb>("deleted"), Is.EqualTo(ApiVerb.Deleted));
        });
    }

    [Test]
    public void Parse_UnknownName_IsInvalidParameterValue_ListingTheValidNames()
    {
        var error = Assert.Throws<InvalidParameterValueException>(() => IronicNameParser.Parse<ProvisionState>("clean-wait"));

        Assert.Multiple(() =>
        {
            Assert.That(error.IronicClass, Is.EqualTo("InvalidParameterValue"));
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.Parameter, Is.EqualTo("provision state"));
            Assert.That(error.Value, Is.EqualTo("clean-wait"));
            Assert.That(error.ValidValues, Is.EquivalentTo(FsmDocument.Master.States.Keys));
            Assert.That(error.Message, Does.Contain("\"clean wait\"").And.Contain("\"wait call-back\""));
        });
    }

    [Test]
    public void Parse_ComparesExactly_AsIronicDoes() =>
        Assert.Multiple(() =>
        {
            Assert.That(IronicNames.TryParse<ProvisionState>("Clean Wait", out _), Is.False);
            Assert.That(IronicNames.TryParse<ProvisionState>(" clean wait", out _), Is.False);
            Assert.That(IronicNames.TryParse<ProvisionState>(null, out _), Is.False);
        });
}
