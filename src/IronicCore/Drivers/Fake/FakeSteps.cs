using System.Text.Json;
using IronicCore.Nodes;
using IronicCore.Steps;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// What the fake interfaces' steps do when they run: they succeed, except the fake BIOS
/// interface's <c>apply_configuration</c>, which fails as Ironic's does on settings that are
/// not a list of <c>{"name", "value"}</c> objects; the fake BIOS's steps write the node's
/// cached BIOS settings (<see cref="FakeBios"/>).
/// </summary>
internal static class FakeSteps
{
    /// <summary>Whether the step, once run, answers that it goes on asynchronously: the fake vendor's <c>trigger_servicewait</c> returns <c>service wait</c>.</summary>
    public static bool EndsInWait(StepDefinition step) => step is { Interface: "vendor", Step: "trigger_servicewait" };

    /// <summary>Runs a step on <paramref name="node"/> at <paramref name="now"/>; returns the error text Ironic would report, or null on success.</summary>
    public static string? Run(Node node, DateTimeOffset now, StepDefinition step, StepRequest? user)
    {
        if (step is { Interface: "bios", Step: "factory_reset" })
        {
            node.Details = node.Details with { BiosSettings = [] };
            return null;
        }

        if (step is not { Interface: "bios", Step: "apply_configuration" }
            || user?.Arg("settings") is not { } settings)
        {
            return null;
        }

        var error = settings.ValueKind switch
        {
            JsonValueKind.Array => settings.EnumerateArray().Select(SettingError).FirstOrDefault(e => e is not null),
            JsonValueKind.String => "string indices must be integers, not 'str'",
            JsonValueKind.Object => "string indices must be integers, not 'str'",
            _ => $"'{PythonType(settings)}' object is not iterable",
        };
        if (error is not null)
        {
            return error;
        }

        var (applied, failure) = FakeBios.Apply(node, settings, now);
        if (failure is null)
        {
            node.Details = node.Details with { BiosSettings = applied };
        }

        return failure;
    }

    private static string? SettingError(JsonElement setting) => setting.ValueKind switch
    {
        JsonValueKind.Object when setting.TryGetProperty("name", out _) => null,
        JsonValueKind.Object => "'name'",
        JsonValueKind.String => "string indices must be integers, not 'str'",
        _ => $"'{PythonType(setting)}' object is not subscriptable",
    };

    private static string PythonType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out _) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Null => "NoneType",
        JsonValueKind.Array => "list",
        _ => "object",
    };
}
