using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Persistence;

/// <summary>What a transition journal holds, in the order written.</summary>
/// <param name="Records">Every complete, intact record.</param>
/// <param name="DroppedTail">
/// Set when the last record was torn or corrupt (a writer stopped mid-write) and was left
/// out: says where and why. Null when the file ended cleanly.
/// </param>
public sealed record JournalContents(ImmutableArray<TransitionRecord> Records, string? DroppedTail);
