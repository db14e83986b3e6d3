using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.Allocations;

/// <summary>
/// Master's check of an allocation's create body (<c>api/schemas/v1/allocation.py</c>
/// <c>create_request_body</c>, <c>node</c> added from 1.58, applied by
/// <c>validation.request_body_schema</c> with its Draft 2020-12 validator): the first error in the
/// schema's order (each property in turn, then the unknown ones), worded <c>Schema error: ...</c>;
/// <c>candidate_nodes</c> items must be UUIDs or names. 21.4 and 2025.1 check <c>ALLOCATION_SCHEMA</c>
/// with <c>args.schema</c> instead (<see cref="AllocationFields.Schema"/>).
/// </summary>
internal static class AllocationBodySchema
{
    private const string OldPrefix = "Schema error for allocation: ";

    /// <summary>The create schema's properties in its order; <c>node</c> comes last, from 1.58.</summary>
    private static readonly string[] Order = ["candidate_nodes", "extra", "name", "owner", "resource_class", "traits", "uuid", "node"];

    /// <summary>The body, which must be an object.</summary>
    public static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        try
        {
            return await RequestBody.ReadObjectAsync(context, "allocation").ConfigureAwait(false);
        }
        catch (ApiFault error) when (error.Message.StartsWith(OldPrefix, StringComparison.Ordinal))
        {
            throw Master(error);
        }
    }

    public static void Check(JsonObject document, ApiVersion version)
    {
        var known = Order.Where(name => name != "node" || version.Allows(AllocationFields.BackfillSince)).ToList();
        foreach (var name in known.Where(document.ContainsKey))
        {
            var value = document[name];
            Reworded(() => AllocationFields.Schema.Fields.Single(f => f.Name == name).Check("allocation", value));
            if (value is JsonArray items && name == "candidate_nodes")
            {
                foreach (var item in items)
                {
                    CheckUuidOrName(item);
                }
            }
            else if (value is JsonArray traits && name == "traits")
            {
                foreach (var trait in traits)
                {
                    Reworded(() => TraitRules.Check("allocation", trait));
                }
            }
        }

        var extra = document.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
        if (extra.Count > 0)
        {
            throw ApiFault.BadRequest(
                $"Schema error: Additional properties are not allowed ({string.Join(", ", extra.Select(k => $"'{k}'"))} {(extra.Count == 1 ? "was" : "were")} unexpected)");
        }
    }

    /// <summary><c>request_types.uuid_or_name</c>: a UUID (<c>uuidutils.is_uuid_like</c>) or a name of <c>[A-Za-z0-9-._~]</c>, 1 to 255.</summary>
    private static void CheckUuidOrName(JsonNode? item)
    {
        if (item is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            throw ApiFault.BadRequest($"Schema error: {PythonRepr.Of(item)} is not valid under any of the given schemas. Possible root cause: {PythonRepr.Of(item)} is not of type 'string'");
        }

        if (!Guid.TryParse(text, out _) && !(text.Length is >= 1 and <= 255 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')))
        {
            throw ApiFault.BadRequest($"Schema error: {PythonRepr.Of(item)} is not valid under any of the given schemas. Possible root cause: {PythonRepr.Of(item)} is not a 'uuid'");
        }
    }

    /// <summary>The 21.4 schema's wording of the same error, in master's words.</summary>
    private static void Reworded(Action check)
    {
        try
        {
            check();
        }
        catch (ApiFault error) when (error.Message.StartsWith(OldPrefix, StringComparison.Ordinal))
        {
            throw Master(error);
        }
    }

    private static ApiFault Master(ApiFault error) => ApiFault.BadRequest("Schema error: " + error.Message[OldPrefix.Length..]);
}
