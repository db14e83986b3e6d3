using System.Reflection;

namespace IronicCore.Architecture.Tests;

/// <summary>The assemblies built from src/, loaded once for every architecture test.</summary>
internal static class SourceProjects
{
    public static readonly Assembly Core = typeof(Conductor).Assembly;

    public static readonly IReadOnlyList<Assembly> All =
    [
        Core,
        Assembly.Load("IronicCore.Drivers.Ipmi"),
        Assembly.Load("IronicCore.Drivers.Pxe"),
        Assembly.Load("IronicCore.Drivers.Redfish"),
        Assembly.Load("IronicCore.Fleet"),
        Assembly.Load("IronicCore.Sweeps"),
        Assembly.Load("IronicCore.Scenarios"),
        Assembly.Load("IronicCore.Api"),
        Assembly.Load("IronicCore.Cli"),
    ];

    public static Assembly Named(string name) => All.Single(a => a.GetName().Name == name);

    /// <summary>The assembly's own top-level types, without what the compiler or a source generator adds.</summary>
    public static IEnumerable<Type> Types(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsNested && !IsGenerated(t));

    private static bool IsGenerated(Type type) =>
        type.Name.Contains('<', StringComparison.Ordinal) || type.Namespace is null
        || type.Namespace.StartsWith("Microsoft", StringComparison.Ordinal) || type.Namespace.StartsWith("System", StringComparison.Ordinal);
}
