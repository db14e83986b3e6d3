using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Resources;

/// <summary>
/// An allocation's create body as each release checks it, every expected answer taken from a real
/// Ironic: 21.4's API (python3-ironic) and 2025.1's check <c>ALLOCATION_SCHEMA</c> with
/// <c>args.validate</c> (<c>Schema error for allocation: ...</c>, jsonschema's best match first);
/// master 7bc6aba's WSGI app checks <c>schemas/v1/allocation.py</c>'s <c>create_request_body</c>
/// (<c>Schema error: ...</c>, the first error in the schema's order, candidates as UUIDs or names,
/// <c>node</c> only from 1.58).
/// </summary>
public sealed class AllocationBodySchemaTests
{
    [TestCase("1.60", "{\"resource_class\": 5}", "Schema error for allocation: 5 is not of type 'string', 'null'", "Schema error: 5 is not of type 'string', 'null'")]
    [TestCase("1.60", "{\"bogus\": 1}", "Schema error for allocation: Additional properties are not allowed ('bogus' was unexpected)", "Schema error: Additional properties are not allowed ('bogus' was unexpected)")]
    [TestCase("1.60", "{\"resource_class\": 5, \"bogus\": 1}", "Schema error for allocation: Additional properties are not allowed ('bogus' was unexpected)", "Schema error: 5 is not of type 'string', 'null'")]
    [TestCase("1.60", "{\"resource_class\": \"x\", \"candidate_nodes\": [\"bad name\"]}", "Nodes cannot be found: bad name", "Schema error: 'bad name' is not valid under any of the given schemas. Possible root cause: 'bad name' is not a 'uuid'")]
    [TestCase("1.60", "{\"resource_class\": \"x\", \"candidate_nodes\": [1]}", "Schema error for allocation: 1 is not of type 'string'", "Schema error: 1 is not valid under any of the given schemas. Possible root cause: 1 is not of type 'string'")]
    [TestCase("1.52", "{\"resource_class\": \"x\", \"node\": \"n1\"}", "Cannot set node when creating an allocation in this API version", "Schema error: Additional properties are not allowed ('node' was unexpected)")]
    [TestCase("1.60", "{\"resource_class\": \"x\", \"traits\": [\"bad\"]}", "Schema error for allocation: 'bad' is not valid under any of the given schemas. Possible root cause: 'bad' does not match '^CUSTOM_[A-Z0-9_]+$'", "Schema error: 'bad' is not valid under any of the given schemas. Possible root cause: 'bad' does not match '^CUSTOM_[A-Z0-9_]+$'")]
    [TestCase("1.60", "[]", "Schema error for allocation: [] is not of type 'object'", "Schema error: [] is not of type 'object'")]
    public async Task CreateBody_IsCheckedAsEachReleaseChecksIt(string version, string body, string older, string master)
    {
        foreach (var (release, expected) in new[] { (IronicRelease.Release21_4, older), (IronicRelease.Release2025_1, older), (IronicRelease.Master, master) })
        {
            using var factory = new SimulatorFactory(release);
            using var client = factory.Client(version);

            var answer = await client.Post("/v1/allocations", body);

            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), $"{release}: {answer.Body}");
            Assert.That(answer.Fault, Is.EqualTo(expected), release.ToString());
        }
    }
}
