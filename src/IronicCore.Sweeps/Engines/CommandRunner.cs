using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace IronicCore.Sweeps.Engines;

/// <summary>Runs scheduler commands as processes, found on PATH, their output captured.</summary>
internal sealed class CommandRunner : ICommandRunner
{
    /// <summary>The one instance: it keeps no state.</summary>
    public static CommandRunner Instance { get; } = new();

    private CommandRunner()
    {
    }

    public ProcessResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, Action<string>? firstLine = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        var lines = 0;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            output.Append(line.Data).Append('\n');
            if (Interlocked.Increment(ref lines) == 1)
            {
                firstLine?.Invoke(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                error.Append(line.Data).Append('\n');
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception cause)
        {
            throw new SweepEngineException($"{program} could not be started ({cause.Message}): is it installed and on PATH?", cause);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        try
        {
            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new SweepEngineException($"{program} did not finish in {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; killed.");
        }

        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString(), error.ToString());
    }
}
