using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>The one validation pass.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// Checks every option at once against Ironic's limits and start-up rules, as a conductor does
    /// before it starts: each option's limits (the <c>min</c>/<c>max</c> Ironic declares), whole
    /// seconds for durations, the characters of conductor groups, master's scheme check of
    /// <c>[deploy] http_url</c> and its check that the worker pool outgrows the periodic tasks'
    /// workers, for 21.4 that no master-only option was changed, and the options of every driver
    /// section carried (<see cref="DriverSections"/>: one of each, none named as the conductor's own).
    /// </summary>
    /// <remarks>Whoever builds a conductor calls it; <see cref="FromNames"/> and <see cref="ToNames"/> call it too.</remarks>
    /// <exception cref="IncorrectConfigurationException">Something is wrong; <see cref="IncorrectConfigurationException.Errors"/> lists every problem.</exception>
    public void Validate()
    {
        var errors = ImmutableArray.CreateBuilder<OptionError>();
        CheckDriverSections(DriverSections, errors);
        var catalog = errors.Count == 0 ? OptionCatalog.For(DriverSections) : OptionCatalog.Core;
        foreach (var entry in catalog.Entries)
        {
            CheckOption(entry, errors);
        }

        CheckHttpUrl(errors);
        CheckWorkerPool(errors);
        if (errors.Count > 0)
        {
            throw new IncorrectConfigurationException(errors.ToImmutable());
        }
    }

    private void CheckOption(OptionEntry entry, ImmutableArray<OptionError>.Builder errors)
    {
        if (entry.SectionOf(this) is null)
        {
            // One error per unset section, not one per option in it.
            var section = entry.Name[..entry.Name.IndexOf('.', StringComparison.Ordinal)];
            if (errors.All(error => error.Option != section))
            {
                errors.Add(new OptionError(section, "must be set"));
            }

            return;
        }

        var value = entry.GetValue(this);
        if ((entry.Kind.Check(value) ?? entry.CheckLimits(value)) is { } problem)
        {
            errors.Add(new OptionError(entry.Name, problem));
            return;
        }

        if (!entry.ExistsIn(Release) && entry.DefaultFor(Release) is var neutral
            && !JsonElement.DeepEquals(entry.Kind.Write(value), neutral))
        {
            // The property exists for master; a 21.4 conductor must behave as if it did not.
            errors.Add(new OptionError(
                entry.Name, $"is not an option of Ironic {Release.ToIronicName()}; it must stay {neutral.GetRawText()}"));
        }
    }

    /// <summary>
    /// Master declares <c>[deploy] http_url</c> a URI with scheme <c>http</c> or <c>https</c> and a host;
    /// 21.4 takes any string.
    /// </summary>
    private void CheckHttpUrl(ImmutableArray<OptionError>.Builder errors)
    {
        if (!ReleaseProfile.For(Release).ValidatesHttpUrl || Deploy?.HttpUrl is not { } url)
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            var option = OptionCatalog.Of(typeof(DeployOptions), nameof(DeployOptions.HttpUrl)).Name;
            errors.Add(new OptionError(option, $"must be an http:// or https:// URL with a host; got \"{url}\""));
        }
    }

    /// <summary>
    /// Master's start-up check: after the reserve, the pool must exceed the workers the periodic tasks
    /// keep (power sync's, twice the periodic limit, two spare). 21.4 only logs a warning.
    /// </summary>
    private void CheckWorkerPool(ImmutableArray<OptionError>.Builder errors)
    {
        if (!ReleaseProfile.For(Release).ChecksWorkerPool)
        {
            return;
        }

        // In long: the products of unchecked ints may not fit in an int.
        var reserved = (long)WorkersPoolSize * ReservedWorkersPoolPercentage / 100;
        var normal = WorkersPoolSize - reserved;
        var needed = SyncPowerStateWorkers + (2L * PeriodicMaxWorkers) + 2;
        if (needed >= normal)
        {
            var pool = OptionCatalog.Of(typeof(ConductorOptions), nameof(WorkersPoolSize)).Name;
            var reserve = OptionCatalog.Of(typeof(ConductorOptions), nameof(ReservedWorkersPoolPercentage)).Name;
            var sync = OptionCatalog.Of(typeof(ConductorOptions), nameof(SyncPowerStateWorkers)).Name;
            var periodic = OptionCatalog.Of(typeof(ConductorOptions), nameof(PeriodicMaxWorkers)).Name;
            errors.Add(new OptionError(pool, string.Create(CultureInfo.InvariantCulture,
                $"leaves {normal} workers outside the {reserve} reserve; the periodic tasks need more than " +
                $"{needed} ({sync} + 2 × {periodic} + 2)")));
        }
    }
}
