namespace IronicCore.InspectionRules;

/// <summary>
/// A condition operator or an action as Ironic's inspection rule plugins declare it: the
/// arguments its <c>__call__</c> requires and accepts, and whether it is handed the plugin data.
/// </summary>
internal sealed record RulePlugin(string Name, string[] Required, string[] Optional, bool RequiresPluginData = false)
{
    /// <summary>Ironic's <c>operators.OPERATORS</c>, in its order.</summary>
    public static readonly RulePlugin[] Operators =
    [
        new("eq", ["values"], ["force_strings"]),
        new("lt", ["values"], ["force_strings"]),
        new("gt", ["values"], ["force_strings"]),
        new("is-empty", ["value"], []),
        new("in-net", ["address", "subnet"], []),
        new("matches", ["value", "regex"], []),
        new("contains", ["value", "regex"], []),
        new("one-of", ["value"], ["values"]),
        new("is-none", ["value"], []),
        new("is-true", ["value"], []),
        new("is-false", ["value"], []),
    ];

    /// <summary>Ironic's <c>actions.ACTIONS</c>, in its order.</summary>
    public static readonly RulePlugin[] Actions =
    [
        new("fail", ["msg"], []),
        new("log", ["msg"], ["level"]),
        new("set-attribute", ["path", "value"], []),
        new("extend-attribute", ["path", "value"], ["unique"]),
        new("del-attribute", ["path"], []),
        new("set-capability", ["name", "value"], []),
        new("unset-capability", ["name"], []),
        new("add-trait", ["name"], []),
        new("remove-trait", ["name"], []),
        new("set-plugin-data", ["path", "value", "plugin_data"], [], RequiresPluginData: true),
        new("extend-plugin-data", ["path", "value", "plugin_data"], ["unique"], RequiresPluginData: true),
        new("unset-plugin-data", ["path", "plugin_data"], [], RequiresPluginData: true),
        new("set-port-attribute", ["port_id", "path", "value"], []),
        new("extend-port-attribute", ["port_id", "path", "value"], ["unique"]),
        new("del-port-attribute", ["port_id", "path"], []),
        new("api-call", ["url"], ["headers", "proxies", "timeout", "retries", "backoff_factor"]),
    ];

    /// <summary>Ironic's <c>parse_inverted_operator</c>: the operator of a condition's <c>op</c>, with or without <c>!</c>; null if none.</summary>
    public static RulePlugin? Operator(string op) => Array.Find(Operators, o => o.Name == op.Trim().TrimStart('!').Trim());

    public static RulePlugin? Action(string op) => Array.Find(Actions, a => a.Name == op);
}
