using System.Buffers;
using System.Text.Json;
using IronicCore.States;
using IronicCore.Steps;
using MessagePack;

namespace IronicCore.Tests.Persistence;

/// <summary>A user's step in a snapshot: one sent through the API keeps its object as sent, so Ironic's quotes of it survive a restart.</summary>
[TestFixture]
public sealed class StepRequestCodecTests
{
    [Test]
    public void StepSentThroughTheApi_KeepsItsKeyOrderAndValuesAsSent()
    {
        var (steps, _) = StepSchema.Read(
            JsonElement.Parse("""[{"step": "factory_reset", "order": "3", "interface": "bios", "args": {"x": 1}}]"""), StepKind.Clean, IronicRelease.Master);

        var read = RoundTrip(steps[0]);

        Assert.Multiple(() =>
        {
            Assert.That(read.Describe(abortable: false, priority: 0), Is.EqualTo("{'step': 'factory_reset', 'order': '3', 'interface': 'bios', 'args': {'x': 1}, 'abortable': False, 'priority': 0}"));
            Assert.That((read.Order, read.Arg("x")?.GetInt32()), Is.EqualTo(((int?)3, (int?)1)));
        });
    }

    [Test]
    public void StepMadeInCode_IsWrittenAsBefore_AndDescribedInIronicsKeyOrder()
    {
        var step = new StepRequest("bios", "factory_reset") { Order = 2 };

        var read = RoundTrip(step);

        Assert.That(read.Describe(), Is.EqualTo("{'interface': 'bios', 'step': 'factory_reset', 'order': 2}"));
    }

    private static StepRequest RoundTrip(StepRequest step)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        StepCodec.Write(ref writer, step);
        writer.Flush();
        var reader = new MessagePackReader(buffer.WrittenMemory);
        return StepCodec.ReadStepRequest(ref reader)!;
    }
}
