using IronicCore.Configuration;
using IronicCore.Errors;

namespace IronicCore.Fleet.Tests;

[TestFixture]
public sealed class FleetScenarioTests
{
    [Test]
    public void ScaledTo_TenTimesTheNodes_ScalesConductorsOperatorsAndTheFleetWideCaps()
    {
        var scenario = new FleetScenario();

        var scaled = scenario.ScaledTo(100_000);

        Assert.Multiple(() =>
        {
            Assert.That(scaled.Nodes, Is.EqualTo(100_000));
            Assert.That(scaled.Conductors, Is.EqualTo(50));
            Assert.That(scaled.Operators.Count, Is.EqualTo(20));
            Assert.That(scaled.Options.MaxConcurrentDeploy, Is.EqualTo(2_500));
            Assert.That(scaled.Options.MaxConcurrentClean, Is.EqualTo(500));
        });
    }

    [Test]
    public void ScaledTo_KeepsPerNodeRatesAndEveryOtherOption()
    {
        var scenario = new FleetScenario();

        var scaled = scenario.ScaledTo(20_000);

        Assert.Multiple(() =>
        {
            Assert.That(scaled.Workload, Is.EqualTo(scenario.Workload));
            Assert.That(scaled.Faults, Is.EqualTo(scenario.Faults));
            Assert.That(scaled.Operators.TimePerTicket, Is.EqualTo(scenario.Operators.TimePerTicket));
            Assert.That(scaled.Options.SyncPowerStateInterval, Is.EqualTo(scenario.Options.SyncPowerStateInterval));
            Assert.That(scaled.Options.Deploy.EraseDevicesPriority, Is.EqualTo(scenario.Options.Deploy.EraseDevicesPriority));
            Assert.That(scaled.Options.WorkersPoolSize, Is.EqualTo(scenario.Options.WorkersPoolSize));
        });
    }

    [Test]
    public void ScaledTo_ASmallFleet_KeepsAtLeastOneConductorOperatorAndSlot_AndNoOperatorsStaysNone()
    {
        var scenario = new FleetScenario();
        var unstaffed = scenario with { Operators = new FleetOperators { Count = 0 } };

        var small = scenario.ScaledTo(10);

        Assert.Multiple(() =>
        {
            Assert.That(small.Conductors, Is.EqualTo(1));
            Assert.That(small.Operators.Count, Is.EqualTo(1));
            Assert.That(small.Options.MaxConcurrentDeploy, Is.EqualTo(1));
            Assert.That(small.Options.MaxConcurrentClean, Is.EqualTo(1));
            Assert.That(unstaffed.ScaledTo(100_000).Operators.Count, Is.Zero);
            Assert.That(scenario.ScaledTo(scenario.Nodes), Is.EqualTo(scenario));
        });
    }
}
