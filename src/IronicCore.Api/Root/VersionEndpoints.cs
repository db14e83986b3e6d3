using System.Text.Json.Nodes;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Root;

/// <summary>The version documents: <c>/</c> lists the API versions, <c>/v1</c> describes v1 and links its resources.</summary>
internal static class VersionEndpoints
{
    // Resources linked from /v1 only when the request's version has them.
    private static readonly (string Name, int Since)[] Resources =
    [
        ("chassis", 1), ("nodes", 1), ("ports", 1), ("drivers", 1), ("lookup", 22), ("heartbeat", 22), ("portgroups", 23),
        ("volume", 32), ("conductors", 49), ("allocations", 52), ("events", 54), ("deploy_templates", 55), ("shards", 82), ("runbooks", 92), ("inspection_rules", 96),
    ];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Root);
        routes.MapGet("/v1", V1);
    }

    private static Task Root(HttpContext context, ApiVersions versions)
    {
        var version = Version(Links.BaseUrl(context), versions);
        return Respond.Json(context, new JsonObject
        {
            ["name"] = "OpenStack Ironic API",
            ["description"] = "Ironic is an OpenStack project which enables the provision and management of baremetal machines.",
            ["default_version"] = version,
            ["versions"] = new JsonArray(version.DeepClone()),
        });
    }

    private static Task V1(HttpContext context, ApiVersions versions)
    {
        var baseUrl = Links.BaseUrl(context);
        var requested = context.Version();
        var document = new JsonObject
        {
            ["id"] = "v1",
            ["links"] = new JsonArray(
                new JsonObject { ["href"] = $"{baseUrl}/v1/", ["rel"] = "self" },
                new JsonObject { ["href"] = "https://docs.openstack.org//ironic/latest/contributor//webapi.html", ["rel"] = "describedby", ["type"] = "text/html" }),
            ["media_types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.ironic.v1+json" }),
            ["version"] = Version(baseUrl, versions),
        };
        foreach (var (name, since) in Resources)
        {
            if (requested.Allows(since))
            {
                document[name] = Links.Pair(baseUrl, $"{name}/");
            }
        }

        return Respond.Json(context, document);
    }

    private static JsonObject Version(string baseUrl, ApiVersions versions) => new()
    {
        ["id"] = "v1",
        ["links"] = new JsonArray(new JsonObject { ["href"] = $"{baseUrl}/v1/", ["rel"] = "self" }),
        ["status"] = "CURRENT",
        ["min_version"] = versions.Minimum.ToString(),
        ["version"] = versions.Maximum.ToString(),
    };
}
