using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>The digest <c>ironic-sim bench</c> prints as <c>outcome_sha256</c>, one shard at a time.</summary>
internal static class BenchOutcome
{
    /// <summary>
    /// Adds every node's identity, states, last change (virtual time) and error, then the clock's
    /// time and event count and <paramref name="transitions"/>, to <paramref name="hash"/>.
    /// </summary>
    public static void Append(IncrementalHash hash, Conductor conductor, long transitions)
    {
        var number = new byte[sizeof(long)];
        void Append(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            hash.AppendData(number);
        }

        void AppendText(string? text)
        {
            Append(text?.Length ?? -1);
            hash.AppendData(Encoding.UTF8.GetBytes(text ?? string.Empty));
        }

        foreach (var node in conductor.Nodes)
        {
            AppendText(node.Uuid);
            AppendText(node.Name);
            Append((long)node.ProvisionState);
            Append(node.TargetProvisionState is { } target ? (long)target : -1);
            Append(node.PowerState is { } power ? (long)power : -1);
            Append(node.ProvisionUpdatedAt.UtcTicks);
            AppendText(node.LastError);
            AppendText(node.InstanceUuid);
        }

        Append(conductor.Clock.GetUtcNow().UtcTicks);
        Append(conductor.Clock.EventsRun);
        Append(transitions);
    }
}
