using System.Text.Json;

namespace IronicCore.Tests;

/// <summary>A provision state machine as the JSON documents describe it, by wire names only.</summary>
internal sealed record FsmDocument(
    string InitialState,
    IReadOnlyDictionary<string, (bool Stable, string? Target)> States,
    IReadOnlySet<(string From, string Event, string To)> Transitions,
    IReadOnlyDictionary<string, string> ApiVerbs,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Sets,
    IReadOnlyList<string> PowerStates)
{
    public static FsmDocument Master { get; } = Load("ironic-provision-fsm.json");

    public static FsmDocument Release21_4 { get; } = Load("ironic-21.4-provision-fsm.json");

    public static FsmDocument Release2025_1 { get; } = Load("ironic-2025.1-provision-fsm.json");

    public static FsmDocument Load(string testDataFile) =>
        Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", testDataFile)));

    public static FsmDocument Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new FsmDocument(
            root.GetProperty("initial_state_for_new_nodes").GetString()!,
            root.GetProperty("states").EnumerateArray().ToDictionary(
                s => s.GetProperty("name").GetString()!,
                s => (s.GetProperty("stable").GetBoolean(), s.GetProperty("target").GetString())),
            root.GetProperty("transitions").EnumerateArray()
                .Select(t => (t.GetProperty("from").GetString()!, t.GetProperty("event").GetString()!, t.GetProperty("to").GetString()!))
                .ToHashSet(),
            root.GetProperty("api_verbs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            root.GetProperty("sets").EnumerateObject().ToDictionary(
                p => p.Name,
                p => (IReadOnlySet<string>)p.Value.EnumerateArray().Select(v => v.GetString()!).ToHashSet()),
            [.. root.GetProperty("power_states").EnumerateArray().Select(v => v.GetString()!)]);
    }

    public static FsmDocument For(IronicCore.States.IronicRelease release) => release switch
    {
        IronicCore.States.IronicRelease.Master => Master,
        IronicCore.States.IronicRelease.Release21_4 => Release21_4,
        IronicCore.States.IronicRelease.Release2025_1 => Release2025_1,
        _ => throw new ArgumentOutOfRangeException(nameof(release), release, null),
    };

    /// <summary>Where <paramref name="event"/> leads from <paramref name="from"/>, or null when refused.</summary>
    public string? Target(string from, string @event) =>
        Transitions.Where(t => t.From == from && t.Event == @event).Select(t => t.To).SingleOrDefault();
}
