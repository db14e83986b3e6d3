using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>Options with a fixed set of values (oslo.config's <c>choices</c>).</content>
internal abstract partial class OptionKind
{
    /// <summary>One of an enum's Ironic names, e.g. <c>"http"</c> for <see cref="ImageDownloadSource.Http"/>.</summary>
    private sealed class ChoiceKind<TEnum> : OptionKind
        where TEnum : struct, Enum
    {
        public override string Expected =>
            $"one of {string.Join(", ", NameTable<TEnum>.Names.Select(name => $"\"{name}\""))}";

        public override JsonElement Write(object? value) => JsonSerializer.SerializeToElement(NameTable<TEnum>.NameOf((TEnum)value!));

        public override string? Check(object? value) =>
            Enum.IsDefined((TEnum)value!) ? null : $"must be {Expected}; got {value}";

        protected override bool TryRead(string option, JsonElement json, out object? value)
        {
            value = null;
            if (json.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var name = json.GetString()!;
            value = NameTable<TEnum>.TryParse(name, out var choice)
                ? choice
                : throw new InvalidParameterValueException(option, name, NameTable<TEnum>.Names);
            return true;
        }
    }
}
