using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

namespace Consumer;

public sealed class FleetCheck
{
    [Test]
    public void FleetComparison_OfTheThreeBuiltInPolicies_RunsTheSameFleetOncePerPolicy()
    {
        // The README's comparison (samples/FleetComparison), smaller: 300 nodes for two days.
        var scenario = new FleetScenario().ScaledTo(300) with { Days = 2 };
        var comparison = new FleetComparison(scenario, [new HoldPolicy(), new ReparoPolicy(), new FailFastPolicy()]);

        var results = comparison.Run();
        var report = FleetReport.Markdown(scenario, results);

        Assert.That(results.Select(result => result.Policy), Is.EqualTo(new[] { "hold", "reparo", "fail-fast" }));
        Assert.That(results.Select(result => result.Events), Is.All.GreaterThan(0));
        Assert.That(report, Does.Contain("| hold |").And.Contain("| reparo |").And.Contain("| fail-fast |"));
    }
}
