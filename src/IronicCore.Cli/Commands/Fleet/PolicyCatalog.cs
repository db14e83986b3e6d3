using System.Reflection;
using System.Runtime.Loader;
using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>
/// The policies a fleet run can compare: the built-in ones, and every public non-abstract
/// <see cref="IFleetPolicy"/> class with a parameterless constructor in the assemblies given
/// with <c>--policy-assembly</c>. Each run gets a fresh instance.
/// </summary>
internal sealed class PolicyCatalog
{
    private readonly List<(string Name, Func<IFleetPolicy> Create)> policies =
    [
        ("hold", () => new HoldPolicy()),
        ("reparo", () => new ReparoPolicy()),
        ("fail-fast", () => new FailFastPolicy()),
    ];

    private PolicyCatalog()
    {
    }

    /// <summary>The built-in policies and those of <paramref name="assemblies"/>.</summary>
    /// <exception cref="FleetInputException">An assembly cannot be loaded, has no policy, or names one twice.</exception>
    public static PolicyCatalog Load(IEnumerable<string> assemblies)
    {
        var catalog = new PolicyCatalog();
        foreach (var path in assemblies)
        {
            catalog.AddFrom(path);
        }

        return catalog;
    }

    public IEnumerable<string> Names => policies.Select(p => p.Name);

    /// <summary>The policies to run: the given comma-separated names, or all of them.</summary>
    /// <exception cref="FleetInputException">A name is unknown or repeated.</exception>
    public IReadOnlyList<Func<IFleetPolicy>> Select(string? names)
    {
        if (names is null)
        {
            return [.. policies.Select(p => p.Create)];
        }

        var chosen = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (chosen.Length == 0 || chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Length)
        {
            throw new FleetInputException($"--policies needs distinct names from: {string.Join(", ", Names)}");
        }

        return [.. chosen.Select(name => policies.FirstOrDefault(p => p.Name == name).Create
            ?? throw new FleetInputException($"unknown policy \"{name}\"; known: {string.Join(", ", Names)}"))];
    }

    private void AddFrom(string path)
    {
        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
        }
        catch (Exception error) when (error is IOException or BadImageFormatException or ArgumentException)
        {
            throw new FleetInputException($"--policy-assembly {path}: {error.Message.Trim()}");
        }

        var types = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFleetPolicy).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (types.Count == 0)
        {
            throw new FleetInputException($"--policy-assembly {path}: no public IFleetPolicy class with a parameterless constructor");
        }

        foreach (var type in types)
        {
            IFleetPolicy Create() => (IFleetPolicy)Activator.CreateInstance(type)!;
            var name = Create().Name;
            if (policies.Any(p => p.Name == name))
            {
                throw new FleetInputException($"--policy-assembly {path}: a policy named \"{name}\" exists already");
            }

            policies.Add((name, Create));
        }
    }
}
