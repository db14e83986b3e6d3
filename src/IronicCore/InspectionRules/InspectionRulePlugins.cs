using System.Collections.Immutable;

namespace IronicCore.InspectionRules;

/// <summary>
/// The names inspection rules may use, as Ironic master's plugins define them: a condition's
/// <c>op</c> is an operator, or one inverted with a leading <c>!</c>; an action's <c>op</c> is an action.
/// </summary>
public static class InspectionRulePlugins
{
    /// <summary>Ironic's condition operators (<c>operators.OPERATORS</c>), in its order.</summary>
    public static ImmutableArray<string> Operators { get; } = [.. RulePlugin.Operators.Select(o => o.Name)];

    /// <summary>Ironic's actions (<c>actions.ACTIONS</c>), in its order.</summary>
    public static ImmutableArray<string> Actions { get; } = [.. RulePlugin.Actions.Select(a => a.Name)];
}
