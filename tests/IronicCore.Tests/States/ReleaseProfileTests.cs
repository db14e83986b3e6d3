using IronicCore.States;

namespace IronicCore.Tests.States;

[TestFixture]
public sealed class ReleaseProfileTests
{
    private static IEnumerable<TestCaseData> Releases() =>
        Enum.GetValues<IronicRelease>().Select(r => new TestCaseData(r).SetArgDisplayNames(r.ToIronicName()));

    [TestCaseSource(nameof(Releases))]
    public void For_GivesEachReleaseOneSharedProfile(IronicRelease release)
    {
        var profile = ReleaseProfile.For(release);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Release, Is.EqualTo(release));
            Assert.That(ReleaseProfile.For(release), Is.SameAs(profile));
        });
    }

    [Test]
    public void For_UnknownRelease_IsRefused() =>
        Assert.That(() => ReleaseProfile.For((IronicRelease)200), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCaseSource(nameof(Releases))]
    public void ProvisionStateMachine_HasTheHoldAndServiceStates_WhereTheProfileSays(IronicRelease release) =>
        Assert.That(
            ProvisionStateMachine.For(release).Exists(ProvisionState.ServiceHold),
            Is.EqualTo(ReleaseProfile.For(release).HoldsAndServicing));
}
