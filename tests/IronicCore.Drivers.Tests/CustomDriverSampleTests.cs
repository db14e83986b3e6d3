namespace IronicCore.Drivers.Tests;

/// <summary>samples/CustomDriver: a third-party hardware type registered from outside the core runs a node to <c>active</c>, and the guide quotes it.</summary>
[TestFixture]
public sealed class CustomDriverSampleTests
{
    [Test]
    public void ThirdPartyHardwareType_CleansAndDeploysANode()
    {
        var entry = System.Reflection.Assembly.Load("CustomDriver").EntryPoint!;
        var original = Console.Out;
        using var output = new StringWriter { NewLine = "\n" };
        Console.SetOut(output);
        try
        {
            entry.Invoke(null, [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.That(output.ToString(), Is.EqualTo(
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
