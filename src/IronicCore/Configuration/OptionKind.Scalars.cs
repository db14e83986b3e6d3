using System.Globalization;
using System.Text.Json;

namespace IronicCore.Configuration;

/// <content>Booleans, integers, durations and strings, and null for any of them.</content>
internal abstract partial class OptionKind
{
    public static readonly OptionKind Boolean = new BooleanKind();
    public static readonly OptionKind Integer = new IntegerKind();
    public static readonly OptionKind Seconds = new SecondsKind();
    public static readonly OptionKind Text = new TextKind();

    private const string MustBeSet = "must be set";

    private sealed class BooleanKind : OptionKind
    {
        public override string Expected => "a boolean";

        public override JsonElement Write(object? value) => JsonSerializer.SerializeToElement((bool)value!);

        public override string? Check(object? value) => null;

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = json.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
            return value is not null;
        }
    }

    private sealed class IntegerKind : OptionKind
    {
        public override string Expected => "a 32-bit integer";

        public override JsonElement Write(object? value) => JsonSerializer.SerializeToElement((int)value!);

        public override string? Check(object? value) => null;

        public override long? Magnitude(object? value) => (int)value!;

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt32(out var number))
            {
                return false;
            }

            value = number;
            return true;
        }
    }

    /// <summary>Durations: Ironic counts them in whole seconds, and so does their JSON form.</summary>
    private sealed class SecondsKind : OptionKind
    {
        // TimeSpan.FromSeconds overflows beyond this.
        private const long MaxSeconds = long.MaxValue / TimeSpan.TicksPerSecond;

        public override string Expected => "a whole number of seconds";

        public override string Unit => " s";

        public override JsonElement Write(object? value) =>
            JsonSerializer.SerializeToElement(((TimeSpan)value!).Ticks / TimeSpan.TicksPerSecond);

        public override string? Check(object? value)
        {
            var duration = (TimeSpan)value!;
            return duration.Ticks % TimeSpan.TicksPerSecond == 0
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"must be a whole number of seconds; got {duration.TotalSeconds} s");
        }

        public override long? Magnitude(object? value) => ((TimeSpan)value!).Ticks / TimeSpan.TicksPerSecond;

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt64(out var seconds) || Math.Abs(seconds) > MaxSeconds)
            {
                return false;
            }

            value = TimeSpan.FromSeconds(seconds);
            return true;
        }
    }

    private sealed class TextKind : OptionKind
    {
        public override string Expected => "a string";

        public override JsonElement Write(object? value) => JsonSerializer.SerializeToElement((string)value!);

        public override string? Check(object? value) => value is null ? MustBeSet : null;

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = json.ValueKind == JsonValueKind.String ? json.GetString() : null;
            return value is not null;
        }
    }

    /// <summary>An option that may also be unset: JSON <c>null</c> is null.</summary>
    private sealed class NullableKind(OptionKind inner) : OptionKind
    {
        public override string Expected => $"{inner.Expected} or null";

        public override string Unit => inner.Unit;

        public override bool TakesNull => true;

        public override OptionKind Underlying => inner;

        public override JsonElement Write(object? value) =>
            value is null ? JsonSerializer.SerializeToElement<object?>(null) : inner.Write(value);

        public override string? Check(object? value) => value is null ? null : inner.Check(value);

        public override long? Magnitude(object? value) => value is null ? null : inner.Magnitude(value);

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            return json.ValueKind == JsonValueKind.Null || inner.TryRead(option, json, out value);
        }
    }
}
