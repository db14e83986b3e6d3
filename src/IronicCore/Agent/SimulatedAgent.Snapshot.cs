using IronicCore.Steps;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;
using static IronicCore.Steps.StepCodec;

namespace IronicCore.Agent;

// The agent in a snapshot: its life's generation, token, fault, clean steps and commands, and
// (a ninth element, written only when they are not IPA's defaults, so files without it still
// load and agents with the defaults keep their bytes) its service steps. An agent that has run
// commands since it started (format 7) writes ten: the step command with its kind, the service
// steps or nil, and what the conductor reads of its command list (the kinds run, how many, whether
// the step command is the last). Format 6 wrote a step command without its kind and nothing else.
internal sealed partial class SimulatedAgent
{
    public void Write(ref MessagePackWriter writer)
    {
        var defaultServiceSteps = ServiceSteps == IpaServiceSteps.Default;
        var commandsRun = CommandCount > 0;
        writer.WriteArrayHeader(commandsRun ? 10 : defaultServiceSteps ? 8 : 9);
        writer.Write(Generation);
        writer.Write(Token);
        writer.Write(Timed);
        writer.Write(HardwareFault);

        // Most agents report IPA's default steps: nil says so without repeating them per node.
        StepCodec.Write(ref writer, CleanSteps == IpaCleanSteps.Default ? null : CleanSteps);
        writer.Write(Running);
        if (StepCommand is { } command)
        {
            writer.WriteArrayHeader(5);
            WriteEnum(ref writer, command.Kind);
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

        if (commandsRun)
        {
            StepCodec.Write(ref writer, defaultServiceSteps ? null : ServiceSteps);
            writer.WriteArrayHeader(3);
            writer.Write((int)CommandsRun);
            writer.Write(CommandCount);
            writer.Write(StepCommandIsLast);
        }
        else if (!defaultServiceSteps)
        {
            StepCodec.Write(ref writer, ServiceSteps);
        }
    }

    public static SimulatedAgent Read(ref MessagePackReader reader, int slot, bool tls)
    {
        var fields = reader.ReadArrayHeader();
        if (fields is not (8 or 9 or 10))
        {
            throw new MessagePackSerializationException($"an agent has {fields} fields, not 8, 9 or 10");
        }

        var generation = reader.ReadInt64();
        var token = reader.ReadString();
        var timed = reader.ReadBoolean();
        var fault = reader.ReadString();
        var cleanSteps = ReadStepDefinitions(ref reader) ?? IpaCleanSteps.Default;
        var running = reader.ReadBoolean();
        AgentCommand? stepCommand = null;
        if (!reader.TryReadNil())
        {
            Expect(ref reader, fields == 10 ? 5 : 4, "an agent's command");
            var kind = fields == 10 ? ReadNullableEnum<StepKind>(ref reader) : null;
            var step = ReadStepReference(ref reader) ?? throw new MessagePackSerializationException("an agent's command has no step");
            stepCommand = new AgentCommand(kind, step, ReadEnum<AgentCommandStatus>(ref reader), reader.ReadBoolean(), reader.ReadString());
        }

        (AgentCommandStatus, string?)? nextResult = null;
        if (!reader.TryReadNil())
        {
            Expect(ref reader, 2, "an agent's next result");
            nextResult = (ReadEnum<AgentCommandStatus>(ref reader), reader.ReadString());
        }

        var serviceSteps = fields >= 9 ? ReadStepDefinitions(ref reader) ?? IpaServiceSteps.Default : IpaServiceSteps.Default;

        // Format 6 knew only the step command: it was the agent's one command, and the last.
        var (commandsRun, commandCount, stepCommandIsLast) = stepCommand is null
            ? (AgentCommandsRun.None, 0, false)
            : (AgentCommandsRun.Other, 1, true);
        if (fields == 10)
        {
            Expect(ref reader, 3, "an agent's commands");
            var run = reader.ReadInt32();
            commandsRun = (run & ~0xF) == 0 ? (AgentCommandsRun)run : throw new MessagePackSerializationException($"{run} is not a set of agent commands");
            commandCount = reader.ReadInt32();
            if (commandCount < 0)
            {
                throw new MessagePackSerializationException($"an agent has run {commandCount} commands");
            }

            stepCommandIsLast = reader.ReadBoolean();
        }

        return new SimulatedAgent(cleanSteps, serviceSteps, slot, tls)
        {
            Generation = generation,
            Token = token,
            Timed = timed,
            HardwareFault = fault,
            Running = running,
            StepCommand = stepCommand,
            StepCommandIsLast = stepCommandIsLast,
            CommandsRun = commandsRun,
            CommandCount = commandCount,
            nextResult = nextResult,
        };
    }
}
