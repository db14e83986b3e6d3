using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using IronicCore.Errors;

namespace IronicCore.Configuration;

/// <summary>
/// How one type of option property reads from JSON, writes to JSON and is checked: the JSON forms
/// of <see cref="ConductorOptions.FromNames"/> (integer seconds for durations, arrays of strings for
/// lists, Ironic's names for choices).
/// </summary>
internal abstract partial class OptionKind
{
    /// <summary>What the option takes, for type errors, e.g. "a boolean".</summary>
    public abstract string Expected { get; }

    /// <summary>The unit limits are given in, e.g. " s"; empty for plain numbers.</summary>
    public virtual string Unit => string.Empty;

    /// <summary>The values a choice takes, by Ironic's names; null for any other kind.</summary>
    public virtual IReadOnlyList<string>? Choices => null;

    /// <summary>Whether the option may be unset (JSON <c>null</c>).</summary>
    public virtual bool TakesNull => false;

    /// <summary>The kind itself, or the kind a nullable one wraps.</summary>
    public virtual OptionKind Underlying => this;

    /// <summary>The kind of a property, from its type and declared nullability.</summary>
    /// <exception cref="InvalidOperationException">The type has no JSON form here.</exception>
    public static OptionKind For(PropertyInfo property)
    {
        var type = property.PropertyType;
        var nullableText = type == typeof(string)
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
        return type switch
        {
            _ when type == typeof(bool) => Boolean,
            _ when type == typeof(int) => Integer,
            _ when type == typeof(int?) => new NullableKind(Integer),
            _ when type == typeof(TimeSpan) => Seconds,
            _ when type == typeof(TimeSpan?) => new NullableKind(Seconds),
            _ when type == typeof(string) => nullableText ? new NullableKind(Text) : Text,
            _ when type == typeof(ImmutableArray<string>) => TextList,
            _ when type == typeof(ImmutableSortedDictionary<string, int>) => PriorityOverrides,
            _ when type == typeof(ImmutableSortedDictionary<string, string>) => TextMap,
            _ when type.IsEnum => (OptionKind)Activator.CreateInstance(typeof(ChoiceKind<>).MakeGenericType(type))!,
            _ => throw new InvalidOperationException(
                $"{property.DeclaringType?.Name}.{property.Name}: options of type {type.Name} have no JSON form."),
        };
    }

    /// <summary>Reads a value given by name.</summary>
    /// <exception cref="OptionTypeMismatchException">The JSON value has the wrong type.</exception>
    /// <exception cref="InvalidParameterValueException">The value is not one of the option's choices.</exception>
    public object? Read(string option, JsonElement json) =>
        TryRead(option, json, out var value)
            ? value
            : throw new OptionTypeMismatchException(
                option, Expected, json.ValueKind == JsonValueKind.Undefined ? "no value" : json.GetRawText());

    /// <summary>The JSON form of a value, as <see cref="Read"/> takes it back.</summary>
    public abstract JsonElement Write(object? value);

    /// <summary>
    /// What is wrong with a value that its C# type lets through but its JSON form cannot carry
    /// (null, fractional seconds, an undefined enum value), or null when nothing is.
    /// </summary>
    public abstract string? Check(object? value);

    /// <summary>The value as a number in <see cref="Unit"/>s, for limit checks; null when it has none.</summary>
    public virtual long? Magnitude(object? value) => null;

    /// <summary>Reads a value; false when the JSON value has the wrong type.</summary>
    /// <exception cref="InvalidParameterValueException">The value is not one of the option's choices.</exception>
    protected abstract bool TryRead(string option, JsonElement json, out object? value);
}
