using System.Text.Json;
using System.Text.RegularExpressions;
using IronicCore.Errors;
using Dict = System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, object?>>;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// The schema Ironic checks a <c>firmware.update</c> step's <c>settings</c> against
/// (<c>firmware_utils.validate_firmware_interface_update_args</c>, draft 4): a non-empty list of
/// objects with <c>component</c> (<c>bios</c> or <c>bmc</c>; master also <c>nic:</c>...) and
/// <c>url</c> (non-empty strings), an optional <c>wait</c> (an integer of at least 1) and nothing
/// else. A violation is refused as jsonschema words it (its <c>best_match</c> error: the one
/// nearest the top, then the first), inside Ironic's <c>InvalidParameterValue</c>.
/// </summary>
internal static partial class FirmwareUpdateSchema
{
    private static readonly string[] Components = ["bios", "bmc"];

    /// <exception cref="InvalidParameterValueException">The settings do not match the schema.</exception>
    public static void Validate(JsonElement settings, bool master)
    {
        var instance = PythonFormat.FromJson(settings);
        if (Errors(instance, master).FirstOrDefault() is not { } error)
        {
            return;
        }

        var text = $"{error.Message}\n\nFailed validating {PythonFormat.Repr(error.Validator)} in schema{Index(error.SchemaPath)}:\n{Indent(PythonFormat.PFormat(error.Schema))}\n\n" +
            $"On instance{Index(error.InstancePath)}:\n{Indent(PythonFormat.PFormat(error.Instance))}";
        throw new InvalidParameterValueException($"Invalid firmware update {PythonFormat.Repr(instance)}. Errors: {text}");
    }

    /// <summary>The errors in the order <c>best_match</c> prefers them: shallower first, a type mismatch before the rest at one depth, <c>anyOf</c> last.</summary>
    private static IEnumerable<SchemaError> Errors(object? instance, bool master)
    {
        var all = Walk(instance, master).ToList();
        return all.OrderBy(e => e.InstancePath.Count).ThenBy(e => e.Validator == "anyOf").ThenBy(e => !e.TypeMismatch);
    }

    private static IEnumerable<SchemaError> Walk(object? instance, bool master)
    {
        var schema = Top(master);
        if (instance is not List<object?> list)
        {
            yield return new SchemaError("type", $"{PythonFormat.Repr(instance)} is not of type 'array'", schema, [], instance, [], true);
            yield break;
        }

        if (list.Count == 0)
        {
            yield return new SchemaError("minItems", "[] is too short", schema, [], instance, [], false);
        }

        var items = Items(master);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            if (item is not Dict dict)
            {
                yield return new SchemaError("type", $"{PythonFormat.Repr(item)} is not of type 'object'", items, ["items"], item, [i], true);
                continue;
            }

            foreach (var required in (string[])["component", "url"])
            {
                if (!dict.Exists(p => p.Key == required))
                {
                    yield return new SchemaError("required", $"{PythonFormat.Repr(required)} is a required property", items, ["items"], item, [i], false);
                }
            }

            foreach (var (name, value) in dict)
            {
                foreach (var error in Property(name, value, master, i))
                {
                    yield return error;
                }
            }

            var extras = dict.Where(p => p.Key is not ("component" or "url" or "wait")).Select(p => PythonFormat.Repr(p.Key)).ToList();
            if (extras.Count > 0)
            {
                var verb = extras.Count == 1 ? "was" : "were";
                yield return new SchemaError(
                    "additionalProperties", $"Additional properties are not allowed ({string.Join(", ", extras)} {verb} unexpected)", items, ["items"], item, [i], false);
            }
        }
    }

    /// <summary>The errors of one property, in the order of its schema's keywords (its <c>type</c> first).</summary>
    private static IEnumerable<SchemaError> Property(string name, object? value, bool master, int index)
    {
        if (name is not ("component" or "url" or "wait"))
        {
            yield break;
        }

        var schema = PropertySchema(name, master);
        List<object> path = ["items", "properties", name];
        List<object> at = [index, name];
        var type = name == "wait" ? "integer" : "string";
        var typed = name == "wait" ? value is long : value is string;
        if (!typed)
        {
            yield return new SchemaError("type", $"{PythonFormat.Repr(value)} is not of type {PythonFormat.Repr(type)}", schema, path, value, at, true);
        }

        switch (name)
        {
            case "component" when !master && !Components.Contains(value as string):
                yield return new SchemaError("enum", $"{PythonFormat.Repr(value)} is not one of ['bios', 'bmc']", schema, path, value, at, !typed);
                break;
            case "component" when master && value is string s && !Components.Contains(s) && !NicPattern().IsMatch(s):
                yield return new SchemaError("anyOf", $"{PythonFormat.Repr(value)} is not valid under any of the given schemas", schema, path, value, at, false);
                break;
            case "url" when value is "":
                yield return new SchemaError("minLength", "'' is too short", schema, path, value, at, false);
                break;
            case "wait" when value is long wait && wait < 1:
                yield return new SchemaError("minimum", $"{wait} is less than the minimum of 1", schema, path, value, at, false);
                break;
        }
    }

    private static Dict Top(bool master) =>
    [
        new("$schema", "http://json-schema.org/draft-04/schema#"),
        new("title", "update_firmware clean step schema"),
        new("type", "array"),
        new("minItems", 1L),
        new("items", Items(master)),
    ];

    private static Dict Items(bool master) =>
    [
        new("type", "object"),
        new("required", new List<object?> { "component", "url" }),
        new("properties", new Dict
        {
            new("component", PropertySchema("component", master)),
            new("url", PropertySchema("url", master)),
            new("wait", PropertySchema("wait", master)),
        }),
        new("additionalProperties", false),
    ];

    private static Dict PropertySchema(string name, bool master) => name switch
    {
        "component" => master
            ?
            [
                new("description", "name of the firmware component to be updated"),
                new("type", "string"),
                new("anyOf", new List<object?> { new Dict { new("enum", new List<object?> { "bios", "bmc" }) }, new Dict { new("pattern", "^nic:.*") } }),
            ]
            :
            [
                new("description", "name of the firmware component to be updated"),
                new("type", "string"),
                new("enum", new List<object?> { "bios", "bmc" }),
            ],
        "url" => [new("description", "URL for firmware file"), new("type", "string"), new("minLength", 1L)],
        _ => [new("description", "optional wait time for firmware update"), new("type", "integer"), new("minimum", 1L)],
    };

    private static string Index(List<object> path) =>
        string.Concat(path.Select(p => $"[{(p is int i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : PythonFormat.Repr((string)p))}]"));

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);

    [GeneratedRegex("^nic:")]
    private static partial Regex NicPattern();

    /// <summary>One jsonschema error: its keyword, message, the schema holding the keyword and its path, the instance and its path.</summary>
    private sealed record SchemaError(string Validator, string Message, Dict Schema, List<object> SchemaPath, object? Instance, List<object> InstancePath, bool TypeMismatch);
}
