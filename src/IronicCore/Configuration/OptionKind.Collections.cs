using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace IronicCore.Configuration;

/// <content>Lists and dictionaries.</content>
internal abstract partial class OptionKind
{
    public static readonly OptionKind TextList = new TextListKind();
    public static readonly OptionKind PriorityOverrides = new PriorityOverridesKind();
    public static readonly OptionKind TextMap = new TextMapKind();

    /// <summary>A list of strings (oslo.config's <c>ListOpt</c> and <c>MultiStrOpt</c>): a JSON array of strings.</summary>
    private sealed class TextListKind : OptionKind
    {
        public override string Expected => "an array of strings";

        public override JsonElement Write(object? value) => JsonSerializer.SerializeToElement((ImmutableArray<string>)value!);

        public override string? Check(object? value)
        {
            var list = (ImmutableArray<string>)value!;
            return list.IsDefault ? MustBeSet
                : list.Contains(null!) ? "must not contain null"
                : null;
        }

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Array || json.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
            {
                return false;
            }

            value = json.EnumerateArray().Select(item => item.GetString()!).ToImmutableArray();
            return true;
        }
    }

    /// <summary>
    /// Step priorities keyed by <c>"interface.step"</c>: a JSON array of <c>"interface.step:priority"</c>
    /// strings, as the option is written in Ironic's file; a later entry for the same step wins.
    /// </summary>
    private sealed class PriorityOverridesKind : OptionKind
    {
        public override string Expected => "an array of \"interface.step:priority\" strings with integer priorities";

        public override JsonElement Write(object? value) =>
            JsonSerializer.SerializeToElement(((ImmutableSortedDictionary<string, int>)value!)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}:{pair.Value}")));

        public override string? Check(object? value) =>
            value is not ImmutableSortedDictionary<string, int> overrides ? MustBeSet
            : overrides.Keys.FirstOrDefault(key => key.Length == 0 || key.Contains(':', StringComparison.Ordinal)) is { } bad
                ? $"must map \"interface.step\" names; got \"{bad}\""
                : null;

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var overrides = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            foreach (var item in json.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : string.Empty;
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority))
                {
                    return false;
                }

                overrides[text[..colon]] = priority;
            }

            value = overrides.ToImmutable();
            return true;
        }
    }

    /// <summary>A dictionary of strings (oslo.config's <c>DictOpt</c>): a JSON object of strings.</summary>
    private sealed class TextMapKind : OptionKind
    {
        public override string Expected => "an object of strings";

        public override JsonElement Write(object? value) =>
            JsonSerializer.SerializeToElement((ImmutableSortedDictionary<string, string>)value!);

        public override string? Check(object? value) =>
            value is not ImmutableSortedDictionary<string, string> map ? MustBeSet
            : map.ContainsValue(null!) ? "must not map to null"
            : null;

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Object || json.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            {
                return false;
            }

            var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var property in json.EnumerateObject())
            {
                map[property.Name] = property.Value.GetString()!;
            }

            value = map.ToImmutable();
            return true;
        }
    }
}
