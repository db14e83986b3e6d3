using IronicCore.Fleet.Policies;
using IronicCore.Persistence;
using IronicCore.Tests.Conductor;

namespace IronicCore.Fleet.Tests;

/// <summary>
/// Fleet snapshots (issue 8): a run saved at T and loaded again continues exactly as the
/// uninterrupted run, on a fleet with hardware faults, conductor deaths and each policy.
/// </summary>
[TestFixture]
public sealed class FleetSnapshotTests
{
    /// <summary>A small fleet where much goes wrong: faults twenty times the default rate, a conductor death a day.</summary>
    internal static FleetScenario FaultyFleet(int days = 4) => new()
    {
        Nodes = 300,
        Days = days,
        Seed = 11,
        Faults = [.. HardwareFaultProfile.Defaults.Select(f => f with { RatePerNodeYear = f.RatePerNodeYear * 20 })],
        ConductorFailures = new ConductorFailures { MeanTimeBetweenFailures = TimeSpan.FromDays(1) },
    };

    internal static IFleetPolicy PolicyNamed(string name) => name switch
    {
        "hold" => new HoldPolicy(),
        "reparo" => new ReparoPolicy(),
        "fail-fast" => new FailFastPolicy(),
        _ => throw new ArgumentException(name),
    };

    /// <summary>
    /// The scenario run whole under the policy named, and again saved <paramref name="beforeEnd"/>
    /// before its end, loaded and run to its end: both runs and their transitions.
    /// </summary>
    internal static (FleetSimulation Whole, TransitionLog WholeLog, FleetSimulation Resumed, TransitionLog ResumedLog) WholeAndResumed(
        FleetScenario scenario, string policy, TimeSpan beforeEnd)
    {
        var whole = new FleetSimulation(scenario, PolicyNamed(policy));
        var wholeLog = new TransitionLog();
        using (whole.Subscribe(wholeLog))
        {
            whole.Run();
        }

        var first = new FleetSimulation(scenario, PolicyNamed(policy));
        var resumedLog = new TransitionLog();
        using (first.Subscribe(resumedLog))
        {
            first.RunUntil(first.End - beforeEnd);
        }

        using var saved = new MemoryStream();
        first.Save(saved);
        saved.Position = 0;
        var resumed = FleetSimulation.Load(saved, PolicyNamed);
        using (resumed.Subscribe(resumedLog))
        {
            resumed.Run();
        }

        return (whole, wholeLog, resumed, resumedLog);
    }

    [TestCase("hold")]
    [TestCase("reparo")]
    [TestCase("fail-fast")]
    public void ResumedRun_ContinuesExactlyAsTheUninterruptedRun(string policy)
    {
        var (whole, wholeLog, resumed, resumedLog) = WholeAndResumed(FaultyFleet(), policy, TimeSpan.FromDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(resumedLog.Records, Is.EqualTo(wholeLog.Records), "the transitions, in order, with their times and causes");
            Assert.That(wholeLog.Records, Has.Count.GreaterThan(1000));
            Assert.That(Bytes(resumed), Is.EqualTo(Bytes(whole)), "the final state, byte for byte");
            Assert.That(resumed.Result().Events, Is.EqualTo(whole.Result().Events));
            Assert.That(whole.Result().ConductorDeaths, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Load_FleetSnapshot_AsAConductor_IsRefusedAsForeign()
    {
        var fleet = new FleetSimulation(FaultyFleet(1), PolicyNamed("hold"));

        Assert.That(
            () => IronicCore.Conductor.Load(new MemoryStream(Bytes(fleet))),
            Throws.TypeOf<PersistenceFormatException>()
                .With.Property(nameof(PersistenceFormatException.Error)).EqualTo(PersistenceFormatError.Foreign)
                .And.Message.Contains("a snapshot of a fleet run, not of a conductor"));
    }

    [Test]
    public void Save_RefusesAPolicyThatCannotSaveItsState()
    {
        var simulation = new FleetSimulation(FaultyFleet(1), new ForgetfulPolicy());
        using var stream = new MemoryStream();

        Assert.That(() => simulation.Save(stream), Throws.TypeOf<SnapshotUnsupportedException>().With.Message.Contains("IPersistentFleetPolicy"));
        Assert.That(stream.Length, Is.Zero);
    }

    internal static byte[] Bytes(FleetSimulation simulation)
    {
        using var stream = new MemoryStream();
        simulation.Save(stream);
        return stream.ToArray();
    }

    private sealed class ForgetfulPolicy : IFleetPolicy
    {
        public string Name => "forgetful";

        public Maintenance.IMaintenancePolicy MaintenancePolicy => Maintenance.IronicMaintenancePolicy.Instance;

        public TimeSpan Interval => TimeSpan.FromMinutes(10);

        public void Run(IFleetApi fleet)
        {
        }
    }
}
