using System.ComponentModel;
using System.Text.Json.Nodes;
using IronicCore.Configuration.Files;
using IronicCore.Drivers;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Scenarios;
using IronicCore.States;
using Spectre.Console;
using Spectre.Console.Cli;
using ScenarioFile = IronicCore.Scenarios.Scenario;

namespace IronicCore.Cli.Commands.Scenario;

/// <summary>
/// <c>ironic-sim scenario FILE</c>: runs a scenario file and prints one JSON line per step,
/// in the format the Ironic oracle prints for the same file. <c>ironic-sim scenario --generate SEED</c>
/// writes the generated scenario file of a seed instead (the differential campaign's input).
/// </summary>
internal sealed class ScenarioCommand(CliOutput output) : Command<ScenarioCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("The scenario file (JSON, format ironic-sim/scenario@1).")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--generate <SEED>")]
        [Description("Write the generated scenario file of SEED to stdout instead of running a file: the same seed and profile always give the same bytes.")]
        public ulong? Generate { get; init; }

        [CommandOption("--profile <PROFILE>")]
        [Description("With --generate: the nodes' hardware, fake (fake-hardware), fake-direct (fake-hardware with the direct deploy interface), ipmi, redfish or mixed (default; fake, fake-direct and ipmi).")]
        [DefaultValue("mixed")]
        public string Profile { get; init; } = "mixed";

        [CommandOption("--release <RELEASE>")]
        [Description("With --generate: the file's Ironic release, 21.4 (default), 2025.1 or master; releases after 21.4 also draw service, hold steps and unhold.")]
        [DefaultValue("21.4")]
        public string Release { get; init; } = "21.4";

        [CommandOption("--each <SUFFIX>")]
        [Description("FILE lists scenario files, one a line: run each and write its lines beside it, in the file's name with .json replaced by SUFFIX (a refused file: its error line). For the differential campaign: one process for many files.")]
        public string? Each { get; init; }

        [CommandOption("--history")]
        [Description("Print the node history the run left instead of the step lines: one JSON line an entry (node, event_type, severity, event), node by node in the file's order, each node's oldest first, as Ironic's node_history table reads after the oracle's run (.ci/oracle-history). With --each, SUFFIX's files hold it.")]
        public bool History { get; init; }

        [CommandOption(ConfigFileOption.Template)]
        [Description(ConfigFileOption.Description)]
        public string[] ConfigFiles { get; init; } = [];

        public override ValidationResult Validate()
        {
            if (Generate is not null && ConfigFiles.Length > 0)
            {
                return ValidationResult.Error("--config-file cannot be used with --generate: a generated file sets its own options");
            }

            if (Generate is not null && History)
            {
                return ValidationResult.Error("--history cannot be used with --generate: it prints what a run of a file left");
            }

            if (Generate is null)
            {
                return string.IsNullOrEmpty(File) ? ValidationResult.Error("give a scenario FILE, or --generate SEED") : ValidationResult.Success();
            }

            if (!string.IsNullOrEmpty(File))
            {
                return ValidationResult.Error("give a scenario FILE or --generate SEED, not both");
            }

            if (!IronicNames.TryParse<IronicRelease>(Release, out _))
            {
                return ValidationResult.Error(
                    $"--release: expected one of {string.Join(", ", IronicNames.All<IronicRelease>())}, not \"{Release}\"");
            }

            return ParseProfile(Profile) is null
                ? ValidationResult.Error($"--profile: expected fake, fake-direct, ipmi, redfish or mixed, not \"{Profile}\"")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Generate is { } seed)
        {
            _ = IronicNames.TryParse<IronicRelease>(settings.Release, out var release);
            output.Out.Write(ScenarioGenerator.Generate(seed, ParseProfile(settings.Profile)!.Value, release));
            return 0;
        }

        IronicConfigFiles files;
        try
        {
            files = ConfigFileOption.Load(settings.ConfigFiles);
        }
        catch (ConfigFileException error)
        {
            output.Error.WriteLine($"ironic-sim: {error.Message}");
            return IronicSim.BadInput;
        }

        if (settings.Each is { } suffix)
        {
            var paths = ReadListing(settings.File);
            foreach (var path in paths)
            {
                OutputPath.File("--each", Path.ChangeExtension(path, null) + suffix);
            }

            foreach (var path in paths)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var writer = new StreamWriter(Path.ChangeExtension(path, null) + suffix);
                _ = Run(path, files, settings.History, writer, writer);
            }

            return 0;
        }

        return Run(settings.File, files, settings.History, output.Out, output.Error);
    }

    private static int Run(string path, IronicConfigFiles files, bool history, TextWriter lines, TextWriter errors)
    {
        ScenarioRunner runner;
        try
        {
            if (files.Files.IsEmpty)
            {
                runner = new ScenarioRunner(ScenarioFile.Load(path));
            }
            else
            {
                var (json, values) = ConfigFileOption.Beneath(ReadText(path), files, IronicRelease.Master, ServeConductor.DriverSections, errors, [.. EnabledDriverOptions.Names]);
                var scenario = ScenarioFile.Parse(json);
                ScenarioRunner? configured = null;
                if (values is not null)
                {
                    EnabledDriverOptions.Apply(values, drivers => (configured = new ScenarioRunner(scenario, drivers)).DriverNotes, errors);
                }

                runner = configured ?? new ScenarioRunner(scenario);
            }
        }
        catch (ConfigFileException error)
        {
            errors.WriteLine($"ironic-sim: {error.Message}");
            return IronicSim.BadInput;
        }
        catch (ScenarioException error)
        {
            errors.WriteLine(JsonLine.Format(new JsonObject { ["error"] = error.Error, ["message"] = error.Message, ["file"] = path }));
            return IronicSim.BadInput;
        }

        if (history)
        {
            runner.RunToEnd();
        }

        foreach (var line in history ? runner.History() : runner.Run())
        {
            lines.WriteLine(JsonLine.Format(line));
        }

        return 0;
    }

    /// <summary>The scenario files <c>--each</c>'s FILE lists, one a line.</summary>
    /// <exception cref="InputRefusedException">The list cannot be read.</exception>
    private static string[] ReadListing(string listing)
    {
        try
        {
            return [.. File.ReadAllLines(listing).Where(line => line.Length > 0)];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputRefusedException($"--each {listing}: {error.Message}");
        }
    }

    /// <summary>The file's text, a failure to read it refused as <see cref="ScenarioFile.Load"/> refuses it.</summary>
    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException("FileError", error.Message);
        }
    }

    private static ScenarioProfile? ParseProfile(string name) => name switch
    {
        "fake" => ScenarioProfile.Fake,
        "fake-direct" => ScenarioProfile.FakeDirect,
        "ipmi" => ScenarioProfile.Ipmi,
        "redfish" => ScenarioProfile.Redfish,
        "mixed" => ScenarioProfile.Mixed,
        _ => null,
    };
}
