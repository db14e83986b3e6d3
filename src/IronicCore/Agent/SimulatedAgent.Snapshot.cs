using IronicCore.Steps;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;
using static IronicCore.Steps.StepCodec;

namespace IronicCore.Agent;

// The agent in a snapshot: its life's generation, token, fault, clean steps and commands.
internal sealed partial class SimulatedAgent
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(8);
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
    }

    public static SimulatedAgent Read(ref MessagePackReader reader, int slot, bool tls)
    {
        Expect(ref reader, 8, "an agent");
        var generation = reader.ReadInt64();
        var token = reader.ReadString();
        var timed = reader.ReadBoolean();
        var fault = reader.ReadString();
        var agent = new SimulatedAgent(ReadStepDefinitions(ref reader) ?? IpaCleanSteps.Default, slot, tls)
        {
            Generation = generation,
            Token = token,
            Timed = timed,
            HardwareFault = fault,
            Running = reader.ReadBoolean(),
        };
        if (!reader.TryReadNil())
        {
            Expect(ref reader, 4, "an agent's command");
            var step = ReadStepReference(ref reader) ?? throw new MessagePackSerializationException("an agent's command has no step");
            agent.LastCommand = new AgentCommand(step, ReadEnum<AgentCommandStatus>(ref reader), reader.ReadBoolean(), reader.ReadString());
        }

        if (!reader.TryReadNil())
        {
            Expect(ref reader, 2, "an agent's next result");
            agent.nextResult = (ReadEnum<AgentCommandStatus>(ref reader), reader.ReadString());
        }

        return agent;
    }
}
