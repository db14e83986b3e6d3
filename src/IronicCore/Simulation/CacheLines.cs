using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace IronicCore.Simulation;

/// <summary>
/// Asks the processor to start loading memory that an event about to run will read, so the
/// load overlaps the event running now instead of stalling the next one. With a million nodes
/// on one conductor nearly every event's node, task and machine, and its slot in the event
/// heap, are out of cache; a hint costs a few cycles and changes nothing the program computes.
/// </summary>
/// <remarks>
/// A prefetch never faults, so an object's address may be read and hinted even if the collector
/// moves the object before the line arrives: the hint is then wasted, never wrong. Where the
/// processor has no prefetch instruction that .NET exposes (Arm64), the hints do nothing.
/// </remarks>
internal static class CacheLines
{
    private const int LineBytes = 64;

    /// <summary>Hints the line holding <paramref name="target"/>, e.g. an array element.</summary>
    public static unsafe void Prefetch<T>(ref T target)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref target));
        }
    }

    /// <summary>Hints the first <paramref name="lines"/> cache lines of an object (its header and first fields onwards).</summary>
    public static unsafe void Prefetch(object? target, int lines)
    {
        if (target is null || !Sse.IsSupported)
        {
            return;
        }

        var start = (byte*)Unsafe.As<object, nint>(ref target);
        for (var line = 0; line < lines; line++)
        {
            Sse.Prefetch0(start + (line * LineBytes));
        }
    }
}
