using System.Diagnostics;
using System.Text;
using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

/// <summary>
/// A long run shows it is alive (a progress line on stderr now and then when not on a terminal) and
/// stops on Ctrl-C with exit 130, the terminal's cursor shown again.
/// </summary>
[TestFixture]
public sealed class ProgressTests
{
    private const string HideCursor = "\e[?25l";
    private const string ShowCursor = "\e[?25h";

    private static (int Code, string Stdout, string Stderr) Run(CliOutput output, CancellationToken cancellationToken, params string[] args)
    {
        var code = IronicSim.Run(args, output, cancellationToken);
        return (code, output.Out.ToString()!, output.Error.ToString()!);
    }

    [Test]
    public void LongRun_NotOnATerminal_PrintsProgressLinesOnStderr()
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };

        var (code, table, progress) = Run(new CliOutput(stdout, stderr) { ProgressInterval = TimeSpan.Zero }, CancellationToken.None,
            "fleet", "--nodes", "100", "--days", "2", "--policies", "hold,reparo");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, progress);
            Assert.That(table, Does.Contain("| hold |"), "the results stay on stdout");
            Assert.That(CliRun.Lines(progress), Is.Not.Empty.And.All.Match(@"^ironic-sim fleet: \d+ % done after \d+ s \(hold \(100 nodes, 2 days\) \d+ %, reparo \(100 nodes, 2 days\) \d+ %\)$"));
            Assert.That(CliRun.Lines(progress)[^1], Does.Contain("100 % done"));
        });
    }

    [Test]
    public void ShortRun_NotOnATerminal_PrintsNoProgress()
    {
        var (code, _, stderr) = CliRun.Run("fleet", "--nodes", "50", "--days", "1", "--policies", "hold");

        Assert.That(code, Is.Zero);
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public void Interrupted_Run_ExitsOneHundredThirty_WithoutItsResults()
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };

        var (code, table, error) = Run(new CliOutput(stdout, stderr), new CancellationToken(canceled: true), "fleet", "--nodes", "100", "--days", "2");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.Interrupted));
            Assert.That(table, Is.Empty);
            Assert.That(error, Is.EqualTo("ironic-sim: interrupted\n"));
        });
    }

    /// <summary>
    /// A real process on a pseudo-terminal (util-linux <c>script</c>), a real Ctrl-C typed into it: the
    /// terminal's line discipline sends SIGINT, and the live display shows the cursor it hid.
    /// </summary>
    [Test]
    public void CtrlC_DuringTheProgressDisplay_ShowsTheCursorAgain_AndExitsOneHundredThirty()
    {
        Assume.That(File.Exists("/usr/bin/script"), "util-linux script gives the process a terminal");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "IronicCore.Cli.dll");
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // A test run started as a background job (`cmd &` in a script, nohup) inherits SIGINT ignored,
        // and so would the CLI, which must then keep ignoring it as any program does: the terminal's
        // Ctrl-C would go unheard. The user at a terminal has SIGINT at its default, so the CLI starts with it.
        foreach (var argument in new[] { "-qfec", $"env --default-signal=INT dotnet exec {cli} fleet --nodes 50000 --days 60 --policies hold", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reader = Task.Run(() =>
        {
            var buffer = new byte[4096];
            int read;
            while ((read = process.StandardOutput.BaseStream.Read(buffer)) > 0)
            {
                lock (output)
                {
                    output.Append(Encoding.UTF8.GetString(buffer, 0, read));
                }
            }
        });
        static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
        string Seen()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        try
        {
            var watch = Stopwatch.StartNew();
            while (!Seen().Contains(HideCursor, StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                Thread.Sleep(100);
            }

            Assert.That(Seen(), Does.Contain(HideCursor), "the progress display started");
            Thread.Sleep(500);
            process.StandardInput.Write('\u0003');
            process.StandardInput.Flush();
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, () => $"Ctrl-C stopped the run; the terminal showed: {Tail(Seen())}");
            reader.Wait(TimeSpan.FromSeconds(5));
            var seen = Seen();

            Assert.Multiple(() =>
            {
                Assert.That(process.ExitCode, Is.EqualTo(IronicSim.Interrupted));
                Assert.That(seen.LastIndexOf(ShowCursor, StringComparison.Ordinal), Is.GreaterThan(seen.LastIndexOf(HideCursor, StringComparison.Ordinal)));
                Assert.That(seen, Does.Contain("ironic-sim: interrupted"));
            });
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
