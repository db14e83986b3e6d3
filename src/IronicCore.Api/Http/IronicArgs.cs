using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Patch;
using IronicCore.Nodes;

namespace IronicCore.Api.Http;

/// <summary>
/// Ironic's argument validators (<c>ironic/common/args.py</c>, applied by <c>args.validate</c>
/// before a controller's body runs, in the order of its parameters): their refusals in their
/// words (<c>Expected string for target: 1</c>), a value printed as Python's <c>str</c> prints it.
/// </summary>
internal static class IronicArgs
{
    /// <summary><c>args.uuid_or_name</c> on the node in the path.</summary>
    public static void UuidOrName(string name, string value)
    {
        if (!Guid.TryParse(value, out _) && !NodeNames.IsValid(value))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for {name}: {value}");
        }
    }

    /// <summary><c>args.string</c>: the text, or null when absent or null.</summary>
    public static string? String(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw ApiFault.BadRequest($"Expected string for {name}: {Str(other)}"),
    };

    /// <summary>A mandatory <c>args.string</c> parameter: absent is <c>MissingParameterValue</c>.</summary>
    public static string RequiredString(JsonObject body, string name) =>
        String(body, name) ?? throw ApiFault.BadRequest($"Missing mandatory parameter: {name}");

    /// <summary><c>args.integer</c>: Python's <c>int()</c> of the value, or null when absent or null.</summary>
    public static int? Integer(JsonObject body, string name)
    {
        var value = body[name];
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue scalar)
        {
            switch (scalar.GetValueKind())
            {
                case JsonValueKind.True or JsonValueKind.False:
                    return scalar.GetValue<bool>() ? 1 : 0;
                case JsonValueKind.Number when scalar.TryGetValue<double>(out var number) && Math.Abs(number) < int.MaxValue:
                    return (int)Math.Truncate(number);
                case JsonValueKind.String when int.TryParse(
                    scalar.GetValue<string>().Trim().Replace("_", string.Empty, StringComparison.Ordinal),
                    NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
            }
        }

        throw ApiFault.BadRequest($"Expected an integer for {name}: {Str(value)}");
    }

    /// <summary><c>args.boolean</c>: oslo's strict <c>bool_from_string</c> of the value (of its <c>str</c> when not text), or null when absent or null.</summary>
    public static bool? Boolean(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        var other => IronicBool.Parse(name, Str(other)),
    };

    /// <summary><c>args.types</c>: the value's JSON kind must be one of <paramref name="kinds"/> (null always passes, for the <c>NoneType</c> every such check lists first).</summary>
    /// <param name="body">The request's body.</param>
    /// <param name="name">The argument.</param>
    /// <param name="pythonTypes">The types as Ironic's message lists them, e.g. <c>&lt;class 'NoneType'&gt;, &lt;class 'list'&gt;</c>.</param>
    /// <param name="kinds">The JSON kinds those types read as.</param>
    public static void Types(JsonObject body, string name, string pythonTypes, params ReadOnlySpan<JsonValueKind> kinds)
    {
        if (body[name] is { } value && !kinds.Contains(value.GetValueKind()))
        {
            throw ApiFault.BadRequest($"Expected types {pythonTypes} for {name}: {Str(value)}");
        }
    }

    /// <summary>Python's <c>str()</c> of a JSON value: text as it is, anything else as <c>repr</c>.</summary>
    private static string Str(JsonNode value) =>
        value is JsonValue text && text.TryGetValue<string>(out var s) ? s : PythonRepr.Of(value);
}
