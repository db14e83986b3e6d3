using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// A method of a fake interface that is not a step. Ironic runs a service step as given by
/// looking its name up on the interface (<c>getattr</c>) and calling it with the task and the
/// step's arguments as keywords, so such a method runs too, and a call that does not fit its
/// signature fails with Python's <c>TypeError</c>.
/// </summary>
/// <param name="Interface">The interface type, e.g. <c>raid</c>.</param>
/// <param name="Name">The method's name, as a step names it.</param>
/// <param name="QualifiedName">The class that defines it and its name, as Python's messages print it.</param>
/// <param name="Required">Its required parameters after the task.</param>
/// <param name="Optional">Its parameters with defaults.</param>
internal sealed record FakeInterfaceMethod(
    string Interface, string Name, string QualifiedName, ImmutableArray<string> Required, ImmutableArray<string> Optional)
{
    /// <summary>
    /// The fake RAID interface's: <c>apply_configuration</c> comes from Ironic's base RAID
    /// interface; <c>create_configuration</c> and <c>delete_configuration</c> are the fake's own
    /// no-ops, which take no <c>delete_existing</c>.
    /// </summary>
    public static ImmutableArray<FakeInterfaceMethod> All { get; } =
    [
        new("raid", "apply_configuration", "RAIDInterface.apply_configuration",
            ["raid_config"], ["create_root_volume", "create_nonroot_volumes", "delete_existing"]),
        new("raid", "create_configuration", "FakeRAID.create_configuration", [], ["create_root_volume", "create_nonroot_volumes"]),
        new("raid", "delete_configuration", "FakeRAID.delete_configuration", [], []),
    ];

    /// <summary>The method a step names on its interface, or null.</summary>
    public static FakeInterfaceMethod? Find(string interfaceType, string name) =>
        All.FirstOrDefault(m => m.Interface == interfaceType && m.Name == name);

    /// <summary>
    /// Python's binding of <c>method(task, **args)</c>: the first argument that does not fit, in
    /// the order given (the task twice, a name the method lacks), then the missing required
    /// ones; null when the call binds.
    /// </summary>
    public string? BindingError(StepRequest user)
    {
        foreach (var name in user.ArgNames)
        {
            if (name == "task")
            {
                return $"{QualifiedName}() got multiple values for argument 'task'";
            }

            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                return $"{QualifiedName}() got an unexpected keyword argument '{name}'";
            }
        }

        var missing = Required.Where(r => user.Arg(r) is null).Select(r => $"'{r}'").ToList();
        return missing.Count switch
        {
            0 => null,
            1 => $"{QualifiedName}() missing 1 required positional argument: {missing[0]}",
            2 => $"{QualifiedName}() missing 2 required positional arguments: {missing[0]} and {missing[1]}",
            _ => $"{QualifiedName}() missing {missing.Count} required positional arguments: {string.Join(", ", missing[..^1])}, and {missing[^1]}",
        };
    }
}
