using System.Collections.Immutable;

namespace IronicCore.Packages.Tests;

/// <summary>
/// One thing a user does with the packages, proved by an NUnit test that the consumer project
/// (built from the packages only) runs.
/// </summary>
/// <param name="TestName">The consumer's test method that proves it.</param>
/// <param name="Packages">The IronicCore packages it references (their dependencies come with them).</param>
/// <param name="Sources">Its source files, under this project's Consumer/ folder.</param>
/// <param name="FrameworkReferences">Shared frameworks it needs beyond .NET's own, e.g. <c>Microsoft.AspNetCore.App</c>.</param>
internal sealed record ConsumerCheck(
    string TestName,
    ImmutableArray<string> Packages,
    ImmutableArray<string> Sources,
    ImmutableArray<string> FrameworkReferences)
{
    public override string ToString() => TestName;
}
