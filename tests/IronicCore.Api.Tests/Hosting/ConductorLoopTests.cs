using System.Net;

namespace IronicCore.Api.Tests.Hosting;

public sealed class ConductorLoopTests
{
    [Test]
    public async Task HundredsOfConcurrentPatches_LoseNoUpdate()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            client.Patch("/v1/nodes/n1", $"[{{\"op\": \"add\", \"path\": \"/extra/k{i}\", \"value\": {i}}}]")));

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Node("n1"))["extra"]!.AsObject(), Has.Count.EqualTo(300));
    }

    [Test]
    public async Task ConcurrentProvisionRequests_OneWinsPerTransition_TheRestAreRefusedCleanly()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.Provision("n1", "manage")));

        var accepted = answers.Count(a => a.Status == HttpStatusCode.Accepted);
        Assert.That(accepted, Is.GreaterThanOrEqualTo(1));
        Assert.That(answers.Where(a => a.Status != HttpStatusCode.Accepted).Select(a => a.Status),
            Is.All.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.Conflict));
        await Lifecycle.Settled(client, "n1", "manageable");
    }

    [Test]
    public async Task VirtualClock_MovesOnlyThroughAdvance()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var before = (await client.Get("/_sim/clock")).Json["now"]!.GetValue<string>();
        await Task.Delay(50);
        var still = (await client.Get("/_sim/clock")).Json["now"]!.GetValue<string>();
        var after = await client.Post("/_sim/advance", "{\"seconds\": 90}");

        Assert.That(still, Is.EqualTo(before));
        Assert.That(after.Json["now"]!.GetValue<string>(), Is.EqualTo("2026-01-01T00:01:30+00:00"));
    }

    [TestCase("{\"seconds\": -1}")]
    [TestCase("{\"seconds\": \"soon\"}")]
    [TestCase("{\"minutes\": 1}")]
    public async Task BadAdvance_Is400(string body)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();

        var answer = await client.Post("/_sim/advance", body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task RealClock_RefusesAdvance()
    {
        using var factory = new SimulatorFactory(options: new IronicApiOptions());
        using var client = factory.Client();

        var answer = await client.Post("/_sim/advance", "{\"seconds\": 1}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task ConductorFailure_AnswersTheWaitingRequestWith500_AndRefusesLaterOnesWith503()
    {
        using var factory = new SimulatorFactory();
        factory.Conductor.Clock.Schedule(TimeSpan.Zero, new Failing(), kind: 0, subject: 0, token: 0);
        using var client = factory.Client();

        var waiting = await client.Get("/v1/chassis").WaitAsync(TimeSpan.FromSeconds(30));
        var later = await client.Get("/v1/chassis").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(waiting.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(waiting.Fault, Is.EqualTo("The conductor stopped: a periodic task failed"));
        Assert.That(later.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(later.Fault, Is.EqualTo("The conductor has stopped."));
    }

    private sealed class Failing : Simulation.ISimulationEventHandler
    {
        public void Handle(in Simulation.ScheduledEvent scheduled) => throw new InvalidOperationException("a periodic task failed");
    }
}
