using System.Diagnostics;

namespace IronicCore.Api.Tests.RealClients;

/// <summary>A real client's process (a script or a program driving <c>ironic-sim serve</c>), run to its end.</summary>
internal sealed record ClientProcess(int ExitCode, string Output, string Errors)
{
    /// <summary>Runs FILE with the arguments and, when given, extra environment variables; kills it after the timeout.</summary>
    public static async Task<ClientProcess> Run(string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ClientProcess(process.ExitCode, await output, await errors);
    }

    /// <summary>The lines the client printed for its checks (<c>ok ...</c>).</summary>
    public int Passed => Output.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal));

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}
