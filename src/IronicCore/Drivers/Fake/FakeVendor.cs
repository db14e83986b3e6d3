using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> vendor interface on fake-hardware (<c>FakeVendorB</c>): three passthru
/// methods that answer whether <c>bar</c> is their word, and from 2025.1 <c>log_passthrough</c>,
/// which only logs. Each takes the task, the HTTP method and the body's keys as keywords.
/// </summary>
internal static class FakeVendor
{
    private static readonly ImmutableArray<string> Post = ["POST"];

    private static readonly JsonElement True = JsonElement.Parse("true");

    private static readonly JsonElement False = JsonElement.Parse("false");

    private static readonly ImmutableArray<VendorPassthruMethod> Base =
    [
        new("second_method", Post, Async: true, "Test if the value of bar is kazoo", Attach: false, RequireExclusiveLock: true),
        new("third_method_sync", Post, Async: false, "Test if the value of bar is meow", Attach: false, RequireExclusiveLock: true),
        new("fourth_method_shared_lock", Post, Async: true, "Test if the value of bar is woof", Attach: false, RequireExclusiveLock: false),
    ];

    private static readonly ImmutableArray<VendorPassthruMethod> WithLogPassthrough =
        [.. Base, new("log_passthrough", Post, Async: true, "Test pass-through to wait.", Attach: false, RequireExclusiveLock: true)];

    /// <summary>The methods, in Ironic's order; <paramref name="logPassthrough"/>: the release's fake vendor has <c>log_passthrough</c>.</summary>
    public static ImmutableArray<VendorPassthruMethod> Methods(bool logPassthrough) => logPassthrough ? WithLogPassthrough : Base;

    /// <summary><c>FakeVendorB.validate</c>: the three word methods need a true <c>bar</c>.</summary>
    public static void Validate(string method, JsonElement args)
    {
        if (method != "log_passthrough" && !Truthy(args, "bar"))
        {
            throw new MissingParameterValueException($"Parameter 'bar' not passed to method '{method}'.");
        }
    }

    /// <summary>Runs a method: its return value, or the Python error its call raises.</summary>
    /// <exception cref="VendorPassthruException">The body holds a key the method does not take (Python's <c>TypeError</c>).</exception>
    public static JsonElement? Call(string method, JsonElement args)
    {
        foreach (var property in args.EnumerateObject())
        {
            if (method != "log_passthrough" && property.Name != "bar")
            {
                throw new VendorPassthruException($"FakeVendorB.{method}() got an unexpected keyword argument '{property.Name}'");
            }
        }

        var word = method switch
        {
            "second_method" => "kazoo",
            "third_method_sync" => "meow",
            "fourth_method_shared_lock" => "woof",
            _ => null,
        };
        return word is null
            ? null
            : args.GetProperty("bar") is { ValueKind: JsonValueKind.String } bar && bar.GetString() == word ? True : False;
    }

    /// <summary>Python's truth of <c>kwargs.get(name)</c>.</summary>
    private static bool Truthy(JsonElement args, string name) =>
        args.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
            JsonValueKind.String => value.GetString()!.Length > 0,
            JsonValueKind.Number => value.GetDouble() != 0,
            JsonValueKind.Array => value.GetArrayLength() > 0,
            JsonValueKind.Object => value.EnumerateObject().Any(),
            _ => true,
        };
}
