using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using System.Text;

namespace IronicCore.Api.Paths;

/// <summary>
/// The connection's input as Kestrel reads it, each <c>%00</c> in the path of a complete request line
/// changed in place to <c>%C0</c> before Kestrel parses it (<see cref="NulPathBytes"/>); every other
/// byte, and every position, unchanged. A read without <c>%00</c> costs one vectorized search.
/// </summary>
internal sealed class PatchingReader(PipeReader inner, ConcurrentQueue<PatchedTarget> patched) : PipeReader
{
    private static readonly byte[] Nul = "%00"u8.ToArray();
    private static readonly byte[] Version = " HTTP/1."u8.ToArray();

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        Patch(result.Buffer);
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }

        Patch(result.Buffer);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    /// <summary>Request lines lie within one segment in practice; one split across segments is left for Kestrel to refuse, as before.</summary>
    private void Patch(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            if (segment.Span.IndexOf(Nul) >= 0)
            {
                PatchSegment(MemoryMarshal.AsMemory(segment).Span);
            }
        }
    }

    private void PatchSegment(Span<byte> bytes)
    {
        for (var at = bytes.IndexOf(Nul); at >= 0;)
        {
            var start = bytes[..at].LastIndexOf((byte)'\n') + 1;
            var length = bytes[start..].IndexOf((byte)'\n');
            if (length < 0)
            {
                return;
            }

            var line = bytes.Slice(start, length + 1);
            if (TargetOf(line) is var (from, to) && to > from)
            {
                var target = line[from..to];
                var path = target.IndexOf((byte)'?') is var query and >= 0 ? target[..query] : target;
                var nuls = ImmutableArray.CreateBuilder<int>();
                for (var i = path.IndexOf(Nul); i >= 0; i = path[(i + 1)..].IndexOf(Nul) is var next and >= 0 ? i + 1 + next : -1)
                {
                    path[i + 1] = (byte)'C';
                    nuls.Add(i);
                }

                if (nuls.Count > 0)
                {
                    patched.Enqueue(new PatchedTarget(Encoding.ASCII.GetString(target), nuls.ToImmutable()));
                }
            }

            var rest = bytes[(start + length + 1)..].IndexOf(Nul);
            at = rest < 0 ? -1 : start + length + 1 + rest;
        }
    }

    /// <summary>The target's bounds when the line is an HTTP/1 request line (<c>METHOD SP target SP HTTP/1.x CRLF</c>).</summary>
    private static (int From, int To)? TargetOf(ReadOnlySpan<byte> line)
    {
        var method = 0;
        while (method < line.Length && line[method] is >= (byte)'A' and <= (byte)'Z')
        {
            method++;
        }

        if (method == 0 || method >= line.Length || line[method] != ' ' || method + 1 >= line.Length || line[method + 1] != '/')
        {
            return null;
        }

        var end = line[(method + 1)..].IndexOf((byte)' ');
        return end > 0 && line[(method + 1 + end)..].StartsWith(Version) ? (method + 1, method + 1 + end) : null;
    }
}
