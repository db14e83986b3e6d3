using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;


namespace IronicCore.Fleet;

/// <summary>
/// Reads a fleet scenario file: <see cref="FleetScenario"/>'s properties in snake_case
/// (durations as <c>d.hh:mm:ss</c>), Ironic's options by their Ironic names under
/// <c>options</c>, and <c>ironic_release</c>. Unknown keys and bad values are refused.
/// </summary>
internal static class FleetScenarioFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type == typeof(FleetScenario))
                    {
                        // Ironic's options come by their own names, below; the driver configuration
                        // comes from --config-file, not from the file.
                        info.Properties.Remove(info.Properties.Single(p => p.Name == "options"));
                        info.Properties.Remove(info.Properties.Single(p => p.Name == "drivers"));
                    }
                },
            },
        },
    };

    /// <summary>
    /// <paramref name="scenario"/> as a file spells it, in full: every field, defaults included,
    /// Ironic's options by name under <c>options</c>, and <c>ironic_release</c>, each object's keys
    /// in ordinal order (a dictionary's enumeration order is not fixed). <see cref="Parse"/> reads it
    /// back to an equal scenario.
    /// </summary>
    public static JsonObject Write(FleetScenario scenario)
    {
        var root = JsonSerializer.SerializeToNode(scenario, Json)!.AsObject();
        root["ironic_release"] = scenario.Options.Release.ToIronicName();
        root["options"] = new JsonObject(scenario.Options.ToNames().Select(p => KeyValuePair.Create(p.Key, JsonNode.Parse(p.Value.GetRawText()))));
        return (JsonObject)Sorted(root)!;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject value => new JsonObject(value.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <param name="text">The file's text.</param>
    /// <param name="driverSections">The sections of the drivers the conductor runs, whose options the file may set; none for the fleet's own (fake-hardware).</param>
    /// <exception cref="FormatException">The text is not a valid fleet scenario.</exception>
    public static FleetScenario Parse(string text, IEnumerable<OptionSection>? driverSections)
    {
        try
        {
            var root = JsonNode.Parse(text) as JsonObject ?? throw new FormatException("a fleet scenario is a JSON object");
            var release = IronicRelease.Master;
            if (root.Remove("ironic_release", out var releaseNode))
            {
                var name = releaseNode?.GetValueKind() == JsonValueKind.String ? releaseNode.GetValue<string>() : null;
                if (!IronicNames.TryParse(name, out release))
                {
                    var names = IronicNames.All<IronicRelease>().Select(n => $"\"{n}\"").ToArray();
                    throw new FormatException($"ironic_release must be {string.Join(", ", names[..^1])} or {names[^1]} (got {releaseNode?.ToJsonString() ?? "null"})");
                }
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.Remove("options", out var options))
            {
                foreach (var (name, value) in options as JsonObject ?? throw new FormatException("options must be an object"))
                {
                    values[name] = JsonSerializer.SerializeToElement(value);
                }
            }

            FleetScenarioFileCheck.Check(root, typeof(FleetScenario), Json, FleetScenarioFileCheck.Root);
            var scenario = root.Deserialize<FleetScenario>(Json) ?? throw new FormatException("a fleet scenario is a JSON object");
            return scenario with { Options = ConductorOptions.FromNames(release, values, driverSections) };
        }
        catch (JsonException error) when (error is { Path: null, LineNumber: { } line })
        {
            // The reader's own words, less its advice to .NET programmers and its 0-based position.
            var reason = error.Message.Split(" LineNumber:")[0].Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
            throw new FormatException($"not valid JSON at line {line + 1}, column {error.BytePositionInLine + 1}: {reason}", error);
        }
        catch (JsonException error)
        {
            throw new FormatException(error.Message, error);
        }
        catch (InvalidOperationException error)
        {
            throw new FormatException(error.Message, error);
        }
        catch (IronicException error)
        {
            throw new FormatException($"options: {error.Message}", error);
        }
    }
}
