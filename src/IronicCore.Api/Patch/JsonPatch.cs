using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Errors;

namespace IronicCore.Api.Patch;

/// <summary>
/// The RFC 6902 subset Ironic accepts (<c>add</c>, <c>replace</c>, <c>remove</c>), with its
/// schema and its error messages, applied to a copy: the caller stores the result only when
/// every operation applied.
/// </summary>
internal static partial class JsonPatch
{
    /// <summary>Checks the patch document against Ironic's patch schema and returns its operations.</summary>
    public static List<JsonObject> Parse(JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw SchemaError($"{PythonRepr.Of(patch)} is not of type 'array'");
        }

        var parsed = new List<JsonObject>();
        foreach (var item in operations)
        {
            if (item is not JsonObject operation)
            {
                throw SchemaError($"{PythonRepr.Of(item)} is not of type 'object'");
            }

            var extra = operation.Select(p => p.Key).Where(k => k is not ("op" or "path" or "value")).ToList();
            if (extra.Count > 0)
            {
                var names = string.Join(", ", extra.Select(e => $"'{e}'"));
                throw SchemaError($"Additional properties are not allowed ({names} {(extra.Count == 1 ? "was" : "were")} unexpected)");
            }

            foreach (var required in new[] { "op", "path" })
            {
                if (!operation.ContainsKey(required))
                {
                    throw SchemaError($"'{required}' is a required property");
                }
            }

            if (operation["op"] is not JsonValue op || !op.TryGetValue<string>(out var name) || name is not ("add" or "replace" or "remove"))
            {
                throw SchemaError($"{PythonRepr.Of(operation["op"])} is not one of ['add', 'replace', 'remove']");
            }

            if (operation["path"] is not JsonValue path || !path.TryGetValue<string>(out var pointer) || !PathPattern().IsMatch(pointer))
            {
                throw SchemaError($"{PythonRepr.Of(operation["path"])} does not match '^(/[\\\\w-]+)+$'");
            }

            parsed.Add(operation);
        }

        return parsed;
    }

    public static string Path(JsonObject operation) => operation["path"]!.GetValue<string>();

    /// <summary>Ironic's <c>patch_validate_allowed_fields</c>: an operation on a field outside <paramref name="patchable"/> is <c>Invalid</c> (400), naming them in order.</summary>
    public static void EnsureAllowed(IEnumerable<JsonObject> operations, IReadOnlyCollection<string> patchable)
    {
        foreach (var operation in operations)
        {
            if (!patchable.Contains(Path(operation).Split('/')[1]))
            {
                throw new InvalidException($"Cannot patch {Path(operation)}. Only the following can be updated: {string.Join(", ", patchable)}");
            }
        }
    }

    /// <summary>The document after every operation, one at a time; the input is left as it was.</summary>
    public static JsonObject Apply(JsonObject document, IEnumerable<JsonObject> operations)
    {
        var result = (JsonObject)document.DeepClone();
        foreach (var operation in operations)
        {
            var segments = Path(operation).Split('/')[1..];
            if (operation["op"]!.GetValue<string>() == "add" && segments.Length == 1 && !result.ContainsKey(segments[0]))
            {
                throw ApiFault.BadRequest($"Adding a new attribute ({Path(operation)}) to the root of the resource is not allowed");
            }

            Apply(result, operation, segments);
        }

        return result;
    }

    private static void Apply(JsonObject root, JsonObject operation, string[] segments)
    {
        var op = operation["op"]!.GetValue<string>();
        if (op != "remove" && !operation.ContainsKey("value"))
        {
            throw Failed(operation, "The operation does not contain a 'value' member");
        }

        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = Child(parent, segment) ?? throw Failed(operation, $"member '{segment}' not found in {PythonRepr.Of(parent)}");
        }

        var last = segments[^1];
        var value = operation["value"]?.DeepClone();
        if (parent is JsonArray array)
        {
            ApplyToArray(array, op, last, value, operation);
            return;
        }

        if (parent is not JsonObject obj)
        {
            throw Failed(operation, $"member '{last}' not found in {PythonRepr.Of(parent)}");
        }

        if (op != "add" && !obj.ContainsKey(last))
        {
            throw Failed(operation, $"can't {op} a non-existent object '{last}'");
        }

        if (op == "remove")
        {
            obj.Remove(last);
        }
        else
        {
            obj[last] = value;
        }
    }

    private static void ApplyToArray(JsonArray array, string op, string last, JsonNode? value, JsonObject operation)
    {
        if (op == "add" && last == "-")
        {
            array.Add(value);
            return;
        }

        if (!int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > array.Count || (op != "add" && index == array.Count))
        {
            throw Failed(operation, $"can't {op} a non-existent object '{last}'");
        }

        switch (op)
        {
            case "add":
                array.Insert(index, value);
                break;
            case "replace":
                array[index] = value;
                break;
            default:
                array.RemoveAt(index);
                break;
        }
    }

    private static JsonNode? Child(JsonNode parent, string segment) => parent switch
    {
        JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
        JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
        _ => null,
    };

    private static ApiFault SchemaError(string message) => ApiFault.BadRequest($"Schema error for patch: {message}");

    private static ApiFault Failed(JsonObject operation, string reason) =>
        ApiFault.BadRequest($"Couldn't apply patch '{PythonRepr.Of(operation)}'. Reason: {reason}");

    [GeneratedRegex(@"^(/[\w-]+)+$")]
    private static partial Regex PathPattern();
}
