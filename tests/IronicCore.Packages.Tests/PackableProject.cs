namespace IronicCore.Packages.Tests;

/// <summary>A src project that makes a package: its name (the package id), project file, and whether it is a .NET tool.</summary>
internal sealed record PackableProject(string Name, string ProjectFile, bool IsTool);
