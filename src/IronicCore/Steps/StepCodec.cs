using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using MessagePack;
using IronicCore.Persistence;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Steps;

/// <summary>Steps in a snapshot: references, definitions, the user's requests and a plan of both.</summary>
internal static class StepCodec
{
    public static void Write(ref MessagePackWriter writer, StepReference? step)
    {
        if (step is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(2);
        writer.Write(step.Interface);
        writer.Write(step.Step);
    }

    public static StepReference? ReadStepReference(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(ref reader, 2, "a step reference");
        return new StepReference(ReadText(ref reader, "a step's interface"), ReadText(ref reader, "a step's name"));
    }

    public static void Write(ref MessagePackWriter writer, StepDefinition step)
    {
        writer.WriteArrayHeader(7);
        writer.Write(step.Interface);
        writer.Write(step.Step);
        writer.Write(step.Priority);
        writer.Write(step.Abortable);
        writer.Write(step.RequiresRamdisk);
        WriteObject(ref writer, step.ArgsInfo);

        writer.Write(step.RebootRequested);
    }

    public static StepDefinition ReadStepDefinition(ref MessagePackReader reader)
    {
        Expect(ref reader, 7, "a step definition");
        var @interface = ReadText(ref reader, "a step's interface");
        var step = ReadText(ref reader, "a step's name");
        var priority = reader.ReadInt32();
        var abortable = reader.ReadBoolean();
        var requiresRamdisk = reader.ReadBoolean();
        var args = ReadObject(ref reader);
        return new StepDefinition(@interface, step, priority, abortable, requiresRamdisk, args, reader.ReadBoolean());
    }

    public static void Write(ref MessagePackWriter writer, ImmutableArray<StepDefinition>? steps)
    {
        if (steps is not { IsDefault: false } present)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(present.Length);
        foreach (var step in present)
        {
            Write(ref writer, step);
        }
    }

    public static ImmutableArray<StepDefinition>? ReadStepDefinitions(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<StepDefinition>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add(ReadStepDefinition(ref reader));
        }

        return builder.MoveToImmutable();
    }

    public static void Write(ref MessagePackWriter writer, StepRequest? step)
    {
        if (step is null)
        {
            writer.WriteNil();
            return;
        }

        // A runbook's step carries its order as a fifth field; a step from the API its object as
        // sent as a sixth (the fifth then nil without an order); a step made in code has four, as before.
        writer.WriteArrayHeader(step.Given is not null ? 6 : step.Order is null ? 4 : 5);
        writer.Write(step.Interface);
        writer.Write(step.Step);
        WriteObject(ref writer, step.Args);
        SnapshotCodec.Write(ref writer, step.Priority);
        if (step.Given is { } given)
        {
            SnapshotCodec.Write(ref writer, step.Order);
            writer.Write(given.GetRawText());
        }
        else if (step.Order is { } order)
        {
            writer.Write(order);
        }
    }

    public static StepRequest? ReadStepRequest(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var fields = reader.ReadArrayHeader();
        if (fields is not (4 or 5 or 6))
        {
            throw new MessagePackSerializationException($"a step request has {fields} fields, not 4 to 6");
        }

        var @interface = ReadText(ref reader, "a step's interface");
        var step = ReadText(ref reader, "a step's name");
        var args = ReadObject(ref reader);
        var priority = ReadNullableInt(ref reader);
        var order = fields > 4 ? ReadNullableInt(ref reader) : null;
        if (fields < 6)
        {
            return new StepRequest(@interface, step, args, priority) { Order = order };
        }

        // The object as sent, and its args from it, as the API's reading keeps them.
        JsonElement given;
        try
        {
            using var sent = JsonDocument.Parse(ReadText(ref reader, "a step's object"));
            given = sent.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new MessagePackSerializationException("a step's object is not JSON", error);
        }

        var givenArgs = given.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object ? a : args;
        return new StepRequest(@interface, step, givenArgs, priority) { Order = order, Given = given };
    }

    public static void Write(ref MessagePackWriter writer, ImmutableArray<StepRequest> steps)
    {
        writer.WriteArrayHeader(steps.IsDefault ? 0 : steps.Length);
        foreach (var step in steps.IsDefault ? [] : steps)
        {
            Write(ref writer, step);
        }
    }

    public static ImmutableArray<StepRequest> ReadStepRequests(ref MessagePackReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<StepRequest>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add(ReadStepRequest(ref reader) ?? throw new MessagePackSerializationException("a requested step is missing"));
        }

        return builder.MoveToImmutable();
    }

    public static void Write(ref MessagePackWriter writer, ImmutableArray<(StepDefinition Step, StepRequest? User)> plan)
    {
        writer.WriteArrayHeader(plan.Length);
        foreach (var (step, user) in plan)
        {
            Write(ref writer, step);
            Write(ref writer, user);
        }
    }

    public static ImmutableArray<(StepDefinition Step, StepRequest? User)> ReadPlan(ref MessagePackReader reader)
    {
        var builder = ImmutableArray.CreateBuilder<(StepDefinition, StepRequest?)>(reader.ReadArrayHeader());
        for (var i = 0; i < builder.Capacity; i++)
        {
            builder.Add((ReadStepDefinition(ref reader), ReadStepRequest(ref reader)));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>
    /// A JSON object (a step's <c>args</c> or <c>argsinfo</c>) as a map of its keys, in their
    /// order, to each value's JSON text; nil for none.
    /// </summary>
    private static void WriteObject(ref MessagePackWriter writer, JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } json)
        {
            writer.WriteNil();
            return;
        }

        var count = 0;
        foreach (var _ in json.EnumerateObject())
        {
            count++;
        }

        writer.WriteMapHeader(count);
        foreach (var property in json.EnumerateObject())
        {
            writer.Write(property.Name);
            writer.Write(property.Value.GetRawText());
        }
    }

    /// <summary>
    /// The object <see cref="WriteObject"/> wrote. Snapshots written before <c>argsinfo</c> kept
    /// its descriptions hold a bool (required) for each argument: read as <c>{"required": b}</c>.
    /// </summary>
    private static JsonElement? ReadObject(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var json = new JsonObject();
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            var name = ReadText(ref reader, "an argument's name");
            if (reader.NextMessagePackType == MessagePackType.Boolean)
            {
                json[name] = new JsonObject { ["required"] = reader.ReadBoolean() };
                continue;
            }

            try
            {
                json[name] = JsonNode.Parse(ReadText(ref reader, "an argument's value"));
            }
            catch (JsonException error)
            {
                throw new MessagePackSerializationException($"argument {name} is not JSON", error);
            }
        }

        return JsonSerializer.SerializeToElement(json);
    }
}
