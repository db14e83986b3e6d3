using IronicCore.Api.Durability;
using IronicCore.Cli;

namespace IronicCore.Api.Tests.Durability;

/// <summary>
/// <c>serve --state-dir</c> on the command line: the start line says whether state is kept; a new
/// directory is seeded by the other options, and an existing one refuses options that contradict
/// what it was started with, in one line, exit 2.
/// </summary>
public sealed class ServeStateDirTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("durable-cli-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task WithoutStateDir_TheStartLineSaysStateIsNotKept()
    {
        using var serve = await ServeProcess.Start(ServeProcess.FreePort(), "--clock", "virtual");

        Assert.That(serve.StartLine, Does.EndWith(", virtual clock, noauth, state not kept (no --state-dir)"));
    }

    [Test]
    public async Task WithStateDir_TheStartLineNamesTheDirectory_AndTheWritesRecovered_AndTheClockItWasStartedWith()
    {
        var state = Path.Combine(directory, "state");
        using (var created = StateDirectoryFixture.Created(state))
        {
            using var factory = StateDirectoryFixture.Serve(created, created.Load(IronicCore.Cli.Commands.Serve.ServeConductor.Resume));
            using var client = factory.Client();
            await client.CreateNode("kept");
            StateDirectoryFixture.CopyOf(state, Path.Combine(directory, "crashed"));
        }

        var crashed = Path.Combine(directory, "crashed");
        using var serve = await ServeProcess.Start(ServeProcess.FreePort(), "--state-dir", crashed);

        Assert.That(serve.StartLine, Does.Contain(", 1 node, virtual clock, noauth, "));
        Assert.That(serve.StartLine, Does.Match($"state in {System.Text.RegularExpressions.Regex.Escape(crashed)} \\(1 write recovered in [0-9]+\\.[0-9]{{2}} s\\)$"));
    }

    [Test]
    public async Task AStateDirectoryThatCannotBeWritten_EndsServeWithExit1_AndTheReasonInOneLine()
    {
        var state = Path.Combine(directory, "state");
        var port = ServeProcess.FreePort();
        using var serve = await ServeProcess.Start(port, "--clock", "virtual", "--state-dir", state);
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Add("X-OpenStack-Ironic-API-Version", "1.78");
            using var body = new StringContent("{\"name\": \"kept\", \"driver\": \"fake-hardware\"}", System.Text.Encoding.UTF8, "application/json");
            var created = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/v1/nodes"), body);
            Assert.That((int)created.StatusCode, Is.EqualTo(201));
        }

        // Gone from under serve: its last snapshot, taken as it stops, cannot be written.
        Directory.Delete(state, recursive: true);
        var (code, error) = await serve.Terminate();

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("ironic-sim: the conductor stopped: the state directory's snapshot could not be written: "));
        Assert.That(error.TrimEnd(), Does.Not.Contain("\n"));
    }

    [TestCase("--release", "21.4", "--release 21.4 contradicts its state, started with --release master")]
    [TestCase("--seed", "5", "--seed 5 contradicts its state, started with no --seed")]
    [TestCase("--clock", "real", "--clock real contradicts its state, started with --clock virtual")]
    public void AnOptionThatContradictsTheDirectorysState_IsRefusedInOneLine(string option, string value, string message)
    {
        var state = Path.Combine(directory, "state");
        StateDirectoryFixture.Created(state).Dispose();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["serve", "--state-dir", state, option, value, "--port", "0"], stdout, stderr);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr.ToString(), Does.StartWith($"ironic-sim: --state-dir {state}: {state}: {message}"));
        Assert.That(stderr.ToString().TrimEnd(), Does.Not.Contain("\n"));
    }

    [Test]
    public void ADirectoryOfAnotherFormat_IsRefusedInOneLine()
    {
        var state = Path.Combine(directory, "state");
        StateDirectoryFixture.Created(state).Dispose();
        File.WriteAllText(Path.Combine(state, "state.json"), """{"format": 9, "release": "master", "clock": "real", "library": "x", "started_with": {}}""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["serve", "--state-dir", state, "--port", "0"], stdout, stderr);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr.ToString().TrimEnd(), Is.EqualTo($"ironic-sim: --state-dir {state}: {Path.Combine(state, "state.json")}: state format 9; this release reads format {1}"));
    }

    [Test]
    public void TheDirectoryIsLocked_WhileServed()
    {
        var state = Path.Combine(directory, "state");
        using var held = StateDirectoryFixture.Created(state);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["serve", "--state-dir", state, "--port", "0"], stdout, stderr);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr.ToString(), Does.Contain("another ironic-sim serve is using this state directory"));
        _ = held.Path;
    }
}
