using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> vendor interface on fake-hardware (<c>FakeVendorB</c>): three passthru
/// methods that answer whether <c>bar</c> is their word, and from 2025.1 <c>log_passthrough</c>,
/// which only logs. Each takes the task, the HTTP method and the body's keys as keywords. Its
/// steps are fake-hardware's (<see cref="FakeHardware"/>), run by the step runner.
/// </summary>
internal sealed class FakeVendor : IVendorInterface
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

    private FakeVendor(ImmutableArray<VendorPassthruMethod> methods) => Methods = methods;

    /// <summary>The fake vendor of 21.4.</summary>
    public static FakeVendor Release21 { get; } = new(Base);

    /// <summary>The fake vendor of 2025.1 and master, with <c>log_passthrough</c>.</summary>
    public static FakeVendor WithLogPassthrough { get; } =
        new([.. Base, new("log_passthrough", Post, Async: true, "Test pass-through to wait.", Attach: false, RequireExclusiveLock: true)]);

    public string Name => "fake";

    public ImmutableArray<VendorPassthruMethod> Methods { get; }

    /// <summary><c>FakeVendorB.validate</c>: the three word methods need a true <c>bar</c>.</summary>
    public void Validate(DriverTask task, string method, JsonElement args)
    {
        if (method != "log_passthrough" && !(args.TryGetProperty("bar", out var bar) && PythonValue.IsTruthy(bar)))
        {
            throw new MissingParameterValueException($"Parameter 'bar' not passed to method '{method}'.");
        }
    }

    /// <summary>Runs a method: its return value, or the Python error its call raises.</summary>
    /// <exception cref="VendorPassthruException">The body holds a key the method does not take (Python's <c>TypeError</c>).</exception>
    public JsonElement? Invoke(DriverTask task, string method, string httpMethod, JsonElement args)
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
}
