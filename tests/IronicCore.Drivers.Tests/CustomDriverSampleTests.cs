using IronicCore.Tests.Shared;

namespace IronicCore.Drivers.Tests;

/// <summary>samples/CustomDriver: a third-party hardware type registered from outside the core runs a node to <c>active</c>, and the guide quotes it.</summary>
[TestFixture]
public sealed class CustomDriverSampleTests
{
    [Test]
    public void ThirdPartyHardwareType_CleansAndDeploysANode()
    {
        var output = SampleRunner.Run("CustomDriver");

        Assert.That(output, Is.EqualTo(
            "after provide: available\nafter deploy: active, power on, power interface pdu\n"));
    }

    [Test]
    public void DriversGuide_QuotesTheSamplesPowerDriver_Verbatim()
    {
        var guide = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "drivers.md"));
        var sample = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "PduPower.cs"));

        Assert.That(guide, Does.Contain("```csharp\n" + sample + "```"));
    }
}
