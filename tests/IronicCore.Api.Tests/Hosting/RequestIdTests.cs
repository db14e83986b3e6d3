using IronicCore.Api.Hosting;

namespace IronicCore.Api.Tests.Hosting;

/// <summary>Request ids as oslo.context makes them: <c>req-</c> and a random version 4 UUID, never the same twice.</summary>
public sealed class RequestIdTests
{
    [Test]
    public void RequestIds_AreReqAndARandomVersion4Uuid_AllDifferent()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => RequestIds.Next()).ToList();

        Assert.That(ids, Has.All.Match("^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
    }
}
