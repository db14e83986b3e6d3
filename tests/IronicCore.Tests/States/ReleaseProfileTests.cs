using System.Reflection;
using IronicCore.States;

namespace IronicCore.Tests.States;

/// <summary>
/// Every rule of the release profile, with the value each release has (21.4, 2025.1, master), as read
/// in that Ironic's code (the profile's comments name the file and function; docs/conductor.md#releases
/// lists the behaviour tests). A new member without a row here fails <see cref="EveryMember_HasARow"/>.
/// </summary>
[TestFixture]
public sealed class ReleaseProfileTests
{
    private static readonly IronicRelease[] Releases = [IronicRelease.Release21_4, IronicRelease.Release2025_1, IronicRelease.Master];

    private static readonly (string Member, object Release21_4, object Release2025_1, object Master)[] Rules =
    [
        ("Chronology", 0, 1, 2),
        ("HoldsAndServicing", false, true, true),
        ("AbortInWaitCallBack", false, false, true),
        ("AbortInServiceFailed", false, false, true),
        ("ServiceFailedWaitsAndHolds", false, false, true),
        ("LookupInServiceWait", false, false, true),
        ("ResumeInInspectWait", false, true, true),
        ("SkipsReservedSteps", false, true, true),
        ("AbortAfterLastStep", false, false, true),
        ("DeployAbortWaitsForUserStep", false, false, true),
        ("FreshAgentMayRepeatStepsQuery", false, true, true),
        ("DeployWaitsForAgentUrl", false, false, true),
        ("RecordsStepFlows", false, false, true),
        ("TearDownFailureNamesReason", false, true, true),
        ("InterfaceUpdateErrorNamesState", false, false, true),
        ("ProvisionTakesRunbook", false, true, true),
        ("ServiceTakesDisableRamdisk", false, false, true),
        ("BadRequestIsInvalid", false, true, true),
        ("ConcurrentActionLimitStatus", 500, 503, 503),
        ("ServiceValidatesBeforeRamdisk", false, false, true),
        ("AbortsServiceStep", false, false, true),
        ("FakeVendorCleanStep", false, true, true),
        ("HasAutodetectDeploy", false, false, true),
        ("ValidatesCleanStepsEarly", false, false, true),
        ("ChecksStepPolicyFirst", false, false, true),
        ("UserStepsTakeOrder", false, true, true),
        ("RefusesFirstHeartbeatWhileLocked", false, false, true),
        ("PowerSyncClearsLastError", false, false, true),
        ("PowerSyncSkipsFirmwareUpdates", false, false, true),
        ("ChecksServiceWaitTimeouts", false, true, true),
        ("HeartbeatInServiceAndHoldStates", false, true, true),
        ("ScenarioAgentUsesTls", false, true, true),
        ("ValidatesHttpUrl", false, true, true),
        ("ChecksWorkerPool", false, false, true),
        ("InspectionFailureCleansUpBoot", false, false, true),
        ("UpdatesCacheAroundSteps", false, true, true),
        ("UpdateCacheReadsVendorAndBootMode", false, true, true),
        ("AdoptionPreparesInstanceBoot", false, true, true),
        ("PowerSyncCachesHealth", false, false, true),
        ("VirtualMediaNetworkShares", false, false, true),
    ];

    private static IEnumerable<TestCaseData> RuleCases() =>
        from rule in Rules
        from release in Releases
        select new TestCaseData(rule.Member, release, release switch
        {
            IronicRelease.Release21_4 => rule.Release21_4,
            IronicRelease.Release2025_1 => rule.Release2025_1,
            _ => rule.Master,
        }).SetArgDisplayNames(rule.Member, release.ToIronicName());

    private static IEnumerable<TestCaseData> ReleaseCases() =>
        Releases.Select(r => new TestCaseData(r).SetArgDisplayNames(r.ToIronicName()));

    [TestCaseSource(nameof(RuleCases))]
    public void Rule_HasTheReleasesValue(string member, IronicRelease release, object expected) =>
        Assert.That(typeof(ReleaseProfile).GetProperty(member)!.GetValue(ReleaseProfile.For(release)), Is.EqualTo(expected));

    [Test]
    public void EveryMember_HasARow() =>
        Assert.That(
            typeof(ReleaseProfile).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(bool) || p.PropertyType == typeof(int))
                .Select(p => p.Name),
            Is.EquivalentTo(Rules.Select(r => r.Member)));

    [Test]
    public void StepInterfaceRanks_VendorAndFirmwareRankSince2025_1()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReleaseProfile.For(IronicRelease.Release21_4).StepInterfaceRanks.ContainsKey("vendor"), Is.False);
            Assert.That(ReleaseProfile.For(IronicRelease.Release2025_1).StepInterfaceRanks["vendor"], Is.EqualTo(7));
            Assert.That(ReleaseProfile.For(IronicRelease.Master).StepInterfaceRanks["firmware"], Is.EqualTo(4));
        });
    }

    [TestCaseSource(nameof(ReleaseCases))]
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

    [TestCaseSource(nameof(ReleaseCases))]
    public void ProvisionStateMachine_HasTheHoldAndServiceStates_WhereTheProfileSays(IronicRelease release) =>
        Assert.That(
            ProvisionStateMachine.For(release).Exists(ProvisionState.ServiceHold),
            Is.EqualTo(ReleaseProfile.For(release).HoldsAndServicing));

    [TestCaseSource(nameof(ReleaseCases))]
    public void IsAtLeast_OrdersReleasesInTime(IronicRelease release) =>
        Assert.That(
            Releases.Where(ReleaseProfile.For(release).IsAtLeast),
            Is.EqualTo(Releases.TakeWhile(r => r != release).Append(release)));
}
