using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.JournalCrashWriter;

/// <summary>The records the crash writer appends, the n-th always the same, so a reader can check every one it finds.</summary>
public static class CrashRecords
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TransitionRecord At(long n) => new(
        $"00000000-0000-4000-8000-{n:D12}",
        (ProvisionState)(n % 30),
        (ProvisionEvent)(n % 18),
        (ProvisionState)((n + 1) % 30),
        Start.AddSeconds(n),
        (TransitionCause)(n % 4));
}
