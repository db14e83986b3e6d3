using System.Globalization;
using System.Net;
using IronicCore.Api;
using IronicCore.Configuration.Files;

namespace IronicCore.Cli.Commands.Serve;

/// <summary>
/// Where <c>serve</c> listens and whom it lets in: a command-line option wins, then Ironic's
/// configuration file (<c>[api] host_ip</c>, <c>[api] port</c>, <c>[DEFAULT] auth_strategy</c>,
/// <c>[DEFAULT] http_basic_auth_user_file</c>), then serve's own defaults (127.0.0.1, 6385, noauth).
/// </summary>
internal sealed record ServeHost(string Address, int Port, string Auth, string? Htpasswd)
{
    /// <summary>The options of Ironic's file that serve reads itself (the driver options are checked against its conductor).</summary>
    public static readonly string[] Options = [AuthOption, UserFileOption, HostOption, PortOption, .. EnabledDriverOptions.Names];

    private const string AuthOption = "DEFAULT.auth_strategy";
    private const string UserFileOption = "DEFAULT.http_basic_auth_user_file";
    private const string HostOption = "api.host_ip";
    private const string PortOption = "api.port";

    /// <summary>Ironic's <c>[DEFAULT] http_basic_auth_user_file</c> default.</summary>
    private const string DefaultUserFile = "/etc/ironic/htpasswd";

    public AuthStrategy Strategy => Auth == "http_basic" ? AuthStrategy.HttpBasic : AuthStrategy.NoAuth;

    /// <summary>The command line's values over the files' over serve's defaults.</summary>
    /// <exception cref="ConfigFileException">A file's value that Ironic refuses, or one serve cannot take.</exception>
    public static ServeHost From(ServeCommand.Settings settings, ConfigFileValues? files)
    {
        var given = files?.Host ?? System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;
        var auth = settings.Auth ?? (given.TryGetValue(AuthOption, out var strategy) ? AuthOf(files!, strategy) : "noauth");
        var htpasswd = settings.Htpasswd ?? (given.TryGetValue(UserFileOption, out var file) ? file : auth == "http_basic" ? DefaultUserFile : null);
        var address = settings.Host ?? (given.TryGetValue(HostOption, out var ip) ? AddressOf(files!, ip) : "127.0.0.1");
        var port = settings.Port ?? (given.TryGetValue(PortOption, out var number) ? PortOf(files!, number) : ServeCommand.DefaultPort);
        return new ServeHost(address, port, auth, htpasswd);
    }

    private static string AuthOf(ConfigFileValues files, string value) => value switch
    {
        "noauth" or "http_basic" => value,
        "keystone" => throw Refused(files, AuthOption, "keystone is not simulated: serve has no Identity service; use noauth or http_basic"),
        _ => throw Refused(files, AuthOption, $"Value for option auth_strategy is not valid: Valid values are [noauth, keystone, http_basic], but found '{value}'"),
    };

    private static string AddressOf(ConfigFileValues files, string value) =>
        IPAddress.TryParse(value, out _) ? value : throw Refused(files, HostOption, $"serve listens on an IP address, not \"{value}\"");

    /// <summary>oslo's <c>Port</c>: an integer from 0 to 65535.</summary>
    private static int PortOf(ConfigFileValues files, string value) =>
        !int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port)
            ? throw Refused(files, PortOption, $"Value for option port is not valid: invalid literal for int() with base 10: '{value}'")
            : port < 0 ? throw Refused(files, PortOption, "Value for option port is not valid: Should be greater than or equal to 0")
            : port > 65535 ? throw Refused(files, PortOption, "Value for option port is not valid: Should be less than or equal to 65535")
            : port;

    private static ConfigFileException Refused(ConfigFileValues files, string option, string message)
    {
        var dot = option.IndexOf('.', StringComparison.Ordinal);
        var where = files.Locate(option);
        return new ConfigFileException(where[..where.IndexOf(':', StringComparison.Ordinal)], option[..dot], option[(dot + 1)..], $"{where}: {message}");
    }
}
