using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace IronicCore.States;

/// <summary>
/// The wire names of one enum type, read once from its <see cref="IronicNameAttribute"/>s.
/// Values are dense from 0, so a name lookup is an array index.
/// </summary>
internal static partial class NameTable<TEnum>
    where TEnum : struct, Enum
{
    private static readonly string[] ByValue;
    private static readonly FrozenDictionary<string, TEnum> ByName;

    static NameTable()
    {
        // NameOf reads the value as a byte: every named enum is byte-backed and dense from 0.
        if (Enum.GetUnderlyingType(typeof(TEnum)) != typeof(byte))
        {
            throw new InvalidOperationException($"{typeof(TEnum).Name} must be byte-backed.");
        }

        var fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
        ByValue = new string[fields.Length];
        var byName = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var attribute = field.GetCustomAttribute<IronicNameAttribute>()
                ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{field.Name} has no Ironic name.");
            var value = (TEnum)field.GetValue(null)!;
            ByValue[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = attribute.Name;
            byName.Add(attribute.Name, value);
        }

        ByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Names = [.. ByValue];
        Kind = SplitWords().Replace(typeof(TEnum).Name, " $1").ToLowerInvariant();
    }

    /// <summary>Every name, in value order.</summary>
    public static ImmutableArray<string> Names { get; }

    /// <summary>What the enum is called in messages, e.g. "provision state".</summary>
    public static string Kind { get; }

    public static string NameOf(TEnum value) => ByValue[Unsafe.As<TEnum, byte>(ref value)];

    public static bool TryParse(string name, out TEnum value) => ByName.TryGetValue(name, out value);

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex SplitWords();
}
