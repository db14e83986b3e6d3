using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Resources;

namespace IronicCore.Api.Allocations;

/// <summary>Ironic's allocation object: its fields in Ironic's order, <c>owner</c> from 1.60, and its schema.</summary>
internal static class AllocationFields
{
    public const int Since = 52;

    /// <summary><c>PATCH</c> (1.57).</summary>
    public const int UpdateSince = 57;

    /// <summary><c>node</c> on create: backfilling (1.58).</summary>
    public const int BackfillSince = 58;

    /// <summary><c>owner</c> (1.60).</summary>
    public const int OwnerSince = 60;

    /// <summary>Ironic's <c>ALLOCATION_SCHEMA</c> (traits checked apart).</summary>
    public static readonly ObjectSchema Schema = new(
        [
            new("candidate_nodes", Since, ["array", "null"]), new("extra", Since, ["object", "null"]), new("name", Since, ["string", "null"]),
            new("node", Since, ["string", "null"]), new("owner", Since, ["string", "null"]), new("resource_class", Since, ["string", "null"], MaxLength: 80),
            new("traits", Since, ["array", "null"]), new("uuid", Since, ["string", "null"]),
        ],
        []);

    public static JsonObject Render(AllocationView allocation, ApiVersion version, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject
        {
            ["uuid"] = allocation.Uuid,
            ["created_at"] = Timestamps.Format(allocation.CreatedAt),
            ["updated_at"] = Timestamps.Format(allocation.UpdatedAt),
            ["candidate_nodes"] = new JsonArray([.. allocation.CandidateNodes.Select(n => (JsonNode)n)]),
            ["extra"] = JsonElements.ToNode(allocation.Extra),
            ["last_error"] = allocation.LastError,
            ["name"] = allocation.Name,
            ["owner"] = allocation.Owner,
            ["resource_class"] = allocation.ResourceClass,
            ["state"] = State(allocation.State),
            ["traits"] = new JsonArray([.. allocation.Traits.Select(t => (JsonNode)t)]),
            ["links"] = Links.Pair(baseUrl, $"allocations/{allocation.Uuid}"),
            ["node_uuid"] = allocation.NodeUuid,
        };
        if (fields is not null)
        {
            var invalid = fields.Where(f => !json.ContainsKey(f)).ToList();
            if (invalid.Count > 0)
            {
                throw ApiFault.BadRequest($"Field(s) \"{string.Join(", ", invalid)}\" are not valid");
            }
        }

        if (!version.Allows(OwnerSince))
        {
            json.Remove("owner");
        }

        foreach (var name in json.Select(p => p.Key).Where(k => k != "links" && fields is not null && !fields.Contains(k)).ToList())
        {
            json.Remove(name);
        }

        return json;
    }

    public static string State(AllocationState state) => state switch
    {
        AllocationState.Allocating => "allocating",
        AllocationState.Active => "active",
        _ => "error",
    };
}
