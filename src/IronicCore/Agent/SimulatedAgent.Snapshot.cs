using IronicCore.Steps;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;
using static IronicCore.Steps.StepCodec;

namespace IronicCore.Agent;

// The agent in a snapshot: its life's generation, token, fault, clean steps and commands, and
// (a ninth element, written only when they are not IPA's defaults, so files without it still
// load and agents with the defaults keep their bytes) its service steps.
internal sealed partial class SimulatedAgent
{
    public void Write(ref MessagePackWriter writer)
    {
        var defaultServiceSteps = ServiceSteps == IpaServiceSteps.Default;
        writer.WriteArrayHeader(defaultServiceSteps ? 8 : 9);
        writer.Write(Generation);
        writer.Write(Token);
        writer.Write(Timed);
        writer.Write(HardwareFault);

        // Most agents report IPA's default steps: nil says so without repeating them per node.
        StepCodec.Write(ref writer, CleanSteps == IpaCleanSteps.Default ? null : CleanSteps);
        writer.Write(Running);
        if (LastCommand is { } command)
        {
            writer.WriteArrayHeader(4);
            StepCodec.Write(ref writer, command.Step);
            writer.Write((int)command.Status);
            writer.Write(command.StatusForced);
            writer.Write(command.Error);
        }
        else
        {
            writer.WriteNil();
        }

        if (nextResult is { } next)
        {
            writer.WriteArrayHeader(2);
            writer.Write((int)next.Status);
            writer.Write(next.Error);
        }
        else
        {
            writer.WriteNil();
        }

        if (!defaultServiceSteps)
        {
            StepCodec.Write(ref writer, ServiceSteps);
        }
    }

    public static SimulatedAgent Read(ref MessagePackReader reader, int slot, bool tls)
    {
        var fields = reader.ReadArrayHeader();
        if (fields is not (8 or 9))
        {
            throw new MessagePackSerializationException($"an agent has {fields} fields, not 8 or 9");
        }

        var generation = reader.ReadInt64();
        var token = reader.ReadString();
        var timed = reader.ReadBoolean();
        var fault = reader.ReadString();
        var cleanSteps = ReadStepDefinitions(ref reader) ?? IpaCleanSteps.Default;
        var running = reader.ReadBoolean();
        AgentCommand? lastCommand = null;
        if (!reader.TryReadNil())
        {
            Expect(ref reader, 4, "an agent's command");
            var step = ReadStepReference(ref reader) ?? throw new MessagePackSerializationException("an agent's command has no step");
            lastCommand = new AgentCommand(step, ReadEnum<AgentCommandStatus>(ref reader), reader.ReadBoolean(), reader.ReadString());
        }

        (AgentCommandStatus, string?)? nextResult = null;
        if (!reader.TryReadNil())
        {
            Expect(ref reader, 2, "an agent's next result");
            nextResult = (ReadEnum<AgentCommandStatus>(ref reader), reader.ReadString());
        }

        var serviceSteps = fields == 9 ? ReadStepDefinitions(ref reader) ?? IpaServiceSteps.Default : IpaServiceSteps.Default;
        return new SimulatedAgent(cleanSteps, serviceSteps, slot, tls)
        {
            Generation = generation,
            Token = token,
            Timed = timed,
            HardwareFault = fault,
            Running = running,
            LastCommand = lastCommand,
            nextResult = nextResult,
        };
    }
}
