using System.Text.Json;

namespace IronicCore.Api.Tests.Options;

/// <summary>
/// How one option is shown to change a decision: <see cref="Observe"/> runs something small (a
/// scenario, a conductor, a fleet, the API, or Ironic's start-up checks) with the options given by
/// name and returns what can be seen; run with <see cref="Base"/> alone (the option at its default)
/// and with <see cref="Base"/> plus the option at <see cref="Value"/>, the two must differ.
/// </summary>
/// <param name="Option">The option, as <c>"section.option"</c>.</param>
/// <param name="Value">A value other than the default, as JSON.</param>
/// <param name="Observe">Runs with the given options (by name) and says what it saw.</param>
/// <param name="Base">Other options both runs take, as a JSON object; null for none.</param>
internal sealed record OptionProof(string Option, string Value, Func<IReadOnlyDictionary<string, JsonElement>, string> Observe, string? Base = null)
{
    /// <summary>The options of one run: <see cref="Base"/>, with the option at <see cref="Value"/> when <paramref name="withOption"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Options(bool withOption)
    {
        var options = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Base is not null)
        {
            foreach (var property in JsonDocument.Parse(Base).RootElement.EnumerateObject())
            {
                options[property.Name] = property.Value.Clone();
            }
        }

        if (withOption)
        {
            options[Option] = JsonDocument.Parse(Value).RootElement.Clone();
        }

        return options;
    }

    /// <inheritdoc/>
    public override string ToString() => Option;
}
