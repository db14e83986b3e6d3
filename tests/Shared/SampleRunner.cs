namespace IronicCore.Tests.Shared;

/// <summary>Runs a sample program's entry point in-process and returns what it printed (shared by the test projects).</summary>
internal static class SampleRunner
{
    public static string Run(string assemblyName)
    {
        var entry = System.Reflection.Assembly.Load(assemblyName).EntryPoint!;
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

        return output.ToString();
    }
}
