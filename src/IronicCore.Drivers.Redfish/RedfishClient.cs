using IronicCore.Configuration;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// What Ironic's redfish interfaces reach the BMCs through (<c>redfish.utils.get_system</c> over
/// sushy): the node's <c>driver_info</c> parsed once per version, the BMC of its address and its
/// system, connection attempts with <c>[redfish] connection_retry_interval</c> between them,
/// sushy's session cache, and the errors Ironic makes of the BMC's answers. Waiting is charged to
/// the task's time line, never slept. Shared by the interfaces of one hardware type.
/// </summary>
internal sealed partial class RedfishClient(DriverContext context, RedfishBehaviour behaviour)
{
    private const string Root = "/redfish/v1/";

    private readonly Dictionary<string, RedfishBmc> bmcs = new(StringComparer.Ordinal);
    private readonly List<RedfishSystem?> bySlot = [];
    private readonly List<(IReadOnlyDictionary<string, string> Raw, RedfishDriverInfo Parsed, int Session)?> infoBySlot = [];

    // sushy's session cache, by key; a key is numbered once per version of a node's driver_info,
    // so a request checks and sets a flag instead of hashing the key.
    private readonly Dictionary<string, int> sessionNumbers = new(StringComparer.Ordinal);
    private readonly List<bool> sessionOpen = [];

    /// <summary>The release whose redfish driver this is.</summary>
    public IronicRelease Release => context.Options.Release;

    /// <summary>The conductor's <c>[redfish]</c> section, or the release's defaults when the options carry none.</summary>
    public RedfishOptions Options { get; } = context.Options.GetSection<RedfishOptions>() ?? new RedfishOptions(context.Options.Release);

    public ConductorOptions ConductorOptions => context.Options;

    public RedfishBehaviour Behaviour => behaviour;

    /// <summary>The BMCs made so far, by address.</summary>
    public IReadOnlyDictionary<string, RedfishBmc> Bmcs => bmcs;

    /// <summary>The node's <c>driver_info</c>, parsed once per version of it.</summary>
    /// <exception cref="Errors.MissingParameterValueException">redfish_address is missing.</exception>
    /// <exception cref="Errors.InvalidParameterValueException">A value is not one Ironic accepts.</exception>
    public RedfishDriverInfo InfoOf(DriverTask task) => CachedInfoOf(task).Parsed;

    /// <summary>The node's parsed <c>driver_info</c> and its session key's number, made once per version of it.</summary>
    private (IReadOnlyDictionary<string, string> Raw, RedfishDriverInfo Parsed, int Session) CachedInfoOf(DriverTask task)
    {
        Grow(infoBySlot, task.Slot);
        if (infoBySlot[task.Slot] is { } cached && ReferenceEquals(cached.Raw, task.DriverInfo))
        {
            return cached;
        }

        var parsed = RedfishDriverInfo.Parse(task.NodeUuid, task.DriverInfo, Options, Release);

        // Ironic's SessionCache key: the address as given, the credentials (and verify_ca, always true here).
        var key = $"{parsed.Address} {task.DriverInfo.GetValueOrDefault("redfish_username")} {task.DriverInfo.GetValueOrDefault("redfish_password")}";
        if (!sessionNumbers.TryGetValue(key, out var session))
        {
            session = sessionOpen.Count;
            sessionNumbers.Add(key, session);
            sessionOpen.Add(false);
        }

        var entry = (task.DriverInfo, parsed, session);
        infoBySlot[task.Slot] = entry;
        return entry;
    }

    /// <summary>The node's system at the BMC its address names, made on first use (no request is sent).</summary>
    /// <exception cref="Errors.IronicException">The node's driver_info is invalid.</exception>
    /// <exception cref="ArgumentException">Another node is that system of that BMC.</exception>
    public RedfishSystem SystemOf(DriverTask task)
    {
        Grow(bySlot, task.Slot);
        if (bySlot[task.Slot] is { } known)
        {
            return known;
        }

        var info = InfoOf(task);
        if (!bmcs.TryGetValue(info.BmcKey, out var bmc))
        {
            bmc = new RedfishBmc(info.Address);
            bmcs.Add(info.BmcKey, bmc);
        }

        var system = bmc.Add(info.SystemId ?? "1", task.NodeUuid, task.Machine);
        bySlot[task.Slot] = system;
        return system;
    }

    /// <summary>Every system made so far, by its node's slot, in slot order.</summary>
    public IReadOnlyList<(int Slot, RedfishSystem System)> Systems
    {
        get
        {
            var result = new List<(int, RedfishSystem)>();
            for (var slot = 0; slot < bySlot.Count; slot++)
            {
                if (bySlot[slot] is { } system)
                {
                    result.Add((slot, system));
                }
            }

            return result;
        }
    }

    /// <summary>A snapshot's system, at the BMC it was at.</summary>
    /// <exception cref="ArgumentException">Another node is that system of that BMC.</exception>
    public RedfishSystem Restore(DriverTask task, string address, string id)
    {
        var key = RedfishDriverInfo.BmcKeyOf(address);
        if (!bmcs.TryGetValue(key, out var bmc))
        {
            bmc = new RedfishBmc(address);
            bmcs.Add(key, bmc);
        }

        Grow(bySlot, task.Slot);
        var system = bmc.Add(id, task.NodeUuid, task.Machine);
        bySlot[task.Slot] = system;
        return system;
    }

    /// <summary>
    /// Ironic's <c>get_system</c>: connects (reusing a cached session), retrying an unreachable BMC
    /// <c>connection_attempts</c> times, and reads the system.
    /// </summary>
    /// <exception cref="RedfishConnectionErrorException">Every attempt failed to connect.</exception>
    /// <exception cref="RedfishErrorException">The BMC rejected the credentials, or another node is the system the node names.</exception>
    public RedfishSystem GetSystem(DriverTask task)
    {
        var (_, info, session) = CachedInfoOf(task);
        if (!info.HasHost)
        {
            // requests refuses the URL before anything is sent, on every attempt.
            Charge(task, Options.ConnectionRetryInterval * (Options.ConnectionAttempts - 1));
            throw new RedfishConnectionErrorException(
                task.NodeUuid, $"Unable to connect to {info.Address}{Root}. Error: Invalid URL '{info.Address}{Root}': No host supplied");
        }

        RedfishSystem system;
        try
        {
            system = SystemOf(task);
        }
        catch (ArgumentException)
        {
            // A node made outside a scenario (serve, a library) meets its BMC at first use; one that
            // names another node's system would share that node's machine, which is not simulated.
            throw new RedfishErrorException(
                $"System {info.SystemId ?? "1"} at the Redfish BMC {info.Address} is another node's machine in this simulation, which gives every node a machine of its own: " +
                $"give node {task.NodeUuid} a redfish_system_id or redfish_address no other node has");
        }

        if (!Reach(task, system, session, out var path))
        {
            throw new RedfishConnectionErrorException(task.NodeUuid, SushyErrors.Connection(info.Address, path));
        }

        if (system.Bmc.RejectsCredentials)
        {
            // A cached session's token is refused and sushy logs in again, which is refused in turn;
            // without one (or with basic authentication) the system's own GET is refused.
            throw new RedfishErrorException(CloseSession(session) && info.AuthType != RedfishAuthType.Basic
                ? SushyErrors.Http("POST", $"{info.Address}{Root}SessionService/Sessions", 401, "Base.1.8.NoValidSession", "Invalid user name or password.")
                : SushyErrors.Unauthorized("GET", info.Address + SystemPath(system)));
        }

        sessionOpen[session] = true;
        return system;
    }

    /// <summary>
    /// Master's <c>get_root_vendor</c>: the service root's <c>Vendor</c>, which needs no credentials.
    /// A cached connection has the root already (no request); a new one reads it, with the
    /// connection attempts of <see cref="GetSystem"/>. Null when the BMC cannot be reached (Ironic
    /// logs that and goes on).
    /// </summary>
    public string? GetRootVendor(DriverTask task)
    {
        var (_, info, session) = CachedInfoOf(task);
        if (!info.HasHost)
        {
            Charge(task, Options.ConnectionRetryInterval * (Options.ConnectionAttempts - 1));
            return null;
        }

        RedfishSystem system;
        try
        {
            system = SystemOf(task);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (sessionOpen[session])
        {
            return system.Bmc.Vendor;
        }

        if (!Reach(task, system, session, out _))
        {
            return null;
        }

        // The connection is cached once made; with refused credentials sushy's login fails and none is kept.
        sessionOpen[session] = !system.Bmc.RejectsCredentials;
        return system.Bmc.Vendor;
    }

    /// <summary>
    /// Requests to the system's BMC, <c>connection_attempts</c> times while it does not answer, with
    /// <c>connection_retry_interval</c> between; whether it answered. A failure drops the cached session:
    /// the failed request's path is the system's while one was cached, else the service root's.
    /// </summary>
    private bool Reach(DriverTask task, RedfishSystem system, int session, out string failedPath)
    {
        failedPath = Root;
        for (var attempt = 1; ; attempt++)
        {
            Charge(task, behaviour.RequestLatency);
            if (system.Bmc.Reachable)
            {
                return true;
            }

            failedPath = CloseSession(session) ? SystemPath(system) : Root;
            Charge(task, behaviour.ConnectTimeout);
            if (attempt >= Options.ConnectionAttempts)
            {
                return false;
            }

            Charge(task, Options.ConnectionRetryInterval);
        }
    }

    /// <summary>Drops a cached session; whether there was one.</summary>
    private bool CloseSession(int session)
    {
        var open = sessionOpen[session];
        sessionOpen[session] = false;
        return open;
    }

    /// <summary>The system's path at its BMC, for the errors that name it.</summary>
    private static string SystemPath(RedfishSystem system) => $"{Root}Systems/{system.Id}";

    /// <summary>The URL of a path under a system's BMC.</summary>
    public static string Url(RedfishSystem system, string path) => $"{system.Bmc.Address}{Root}{path}";

    /// <summary>Charges simulated time to the task when the BMCs are timed.</summary>
    public void Charge(DriverTask task, TimeSpan duration)
    {
        if (behaviour.Timed && duration > TimeSpan.Zero)
        {
            task.Wait(duration);
        }
    }

    private static void Grow<T>(List<T?> list, int slot)
    {
        while (list.Count <= slot)
        {
            list.Add(default);
        }
    }
}
