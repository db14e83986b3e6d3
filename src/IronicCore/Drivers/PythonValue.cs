using System.Text.Json;

namespace IronicCore.Drivers;

/// <summary>
/// How Ironic's Python reads a JSON value a request gave: its truth (<c>if kwargs.get(name)</c>)
/// and oslo's <c>bool_from_string</c> of it. Public for driver packages, whose vendor methods
/// take a request's body as keyword arguments.
/// </summary>
public static class PythonValue
{
    /// <summary>Python's truth of the value: false for null, false, "", 0, [] and {}.</summary>
    /// <param name="value">A JSON value.</param>
    /// <returns>Whether Python takes it as true.</returns>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    /// <summary>
    /// oslo's <c>bool_from_string</c> (not strict) of a JSON value: a boolean is itself, anything
    /// else is true only when Python's <c>str()</c> of it is a true word (<see cref="OsloBool"/>).
    /// </summary>
    /// <param name="value">A JSON value.</param>
    /// <returns>The flag.</returns>
    public static bool ToBool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => OsloBool.FromString(value.GetString()!),
        // str() of an int is its digits ("1" is true); of a float, a list or a dict never a true word.
        JsonValueKind.Number => value.TryGetInt64(out var number) && number == 1,
        _ => false,
    };
}
