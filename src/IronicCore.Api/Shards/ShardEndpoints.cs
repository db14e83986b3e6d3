using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Shards;

/// <summary>
/// <c>GET /v1/shards</c> (1.82): the node count of every shard, as Ironic's <c>get_shard_list</c>
/// groups the node table (nodes without a shard under the name <c>"None"</c>, as Python prints
/// it), largest first; one shard by name is 404.
/// </summary>
internal static class ShardEndpoints
{
    private const int Since = 82;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/shards", List);
        routes.MapGet("/v1/shards/{name}", (HttpContext context) =>
        {
            Require(context);
            throw new RouterFault(StatusCodes.Status404NotFound, string.Empty);
        });
    }

    private static void Require(HttpContext context)
    {
        if (!context.Version().Allows(Since))
        {
            throw new RouterFault(StatusCodes.Status404NotFound, "The API version does not allow shards");
        }
    }

    private static async Task List(HttpContext context, ConductorLoop loop)
    {
        Require(context);
        var answer = await loop.Run(s =>
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var unsharded = 0;
            foreach (var node in s.Conductor.ListNodes())
            {
                if (node.Shard is { } shard)
                {
                    counts[shard] = counts.GetValueOrDefault(shard) + 1;
                }
                else
                {
                    unsharded++;
                }
            }

            // SQL's GROUP BY order (NULL first, then by name), then Python's stable sort by count, descending.
            var groups = new List<(string Name, int Count)>();
            if (unsharded > 0)
            {
                groups.Add(("None", unsharded));
            }

            groups.AddRange(counts.Select(p => (p.Key, p.Value)));
            var shards = groups.OrderByDescending(g => g.Count).Select(g => (JsonNode)new JsonObject { ["name"] = g.Name, ["count"] = g.Count });
            return new JsonObject { ["shards"] = new JsonArray([.. shards]) };
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }
}
