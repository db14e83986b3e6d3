using System.Net;

namespace IronicCore.Api.Tests.Resources;

/// <summary>
/// Ironic's two refusals of a list's <c>sort_key</c>: the controller's <c>invalid_sort_key_list</c>
/// (object columns, named bare) and the database's unknown column (named in quotes).
/// </summary>
public sealed class ListSortKeyTests
{
    [TestCase("/v1/chassis", "extra", "1.1")]
    [TestCase("/v1/allocations", "extra", "1.52")]
    [TestCase("/v1/allocations", "candidate_nodes", "1.52")]
    [TestCase("/v1/allocations", "traits", "1.52")]
    [TestCase("/v1/deploy_templates", "extra", "1.55")]
    [TestCase("/v1/deploy_templates", "steps", "1.55")]
    public async Task ControllerInvalidSortKey_IsRefusedWithTheKeyBare(string collection, string key, string version)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);

        var answer = await client.Get($"{collection}?sort_key={key}");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo($"The sort_key value {key} is an invalid field for sorting"));
    }

    [TestCase("/v1/chassis", "1.1")]
    [TestCase("/v1/allocations", "1.52")]
    [TestCase("/v1/deploy_templates", "1.55")]
    public async Task UnknownColumn_IsRefusedWithTheKeyQuoted(string collection, string version)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);

        var answer = await client.Get($"{collection}?sort_key=foo");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("The sort_key value \"foo\" is an invalid field for sorting"));
    }

    [TestCase("/v1/chassis", "1.1")]
    [TestCase("/v1/allocations", "1.52")]
    [TestCase("/v1/deploy_templates", "1.55")]
    public async Task BadSortDirection_IsCheckedBeforeTheSortKey(string collection, string version)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);

        var answer = await client.Get($"{collection}?sort_key=foo&sort_dir=up");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Invalid sort direction: up. Acceptable values are 'asc' or 'desc'"));
    }
}
