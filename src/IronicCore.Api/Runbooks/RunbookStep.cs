using System.Text.Json.Nodes;

namespace IronicCore.Api.Runbooks;

/// <summary>One step of a runbook: Ironic stores <c>order</c> as an integer and <c>args</c> as an object (<c>{}</c> when not given).</summary>
internal sealed record RunbookStep(string Interface, string Step, JsonObject Args, int Order)
{
    public JsonObject ToJson() => new()
    {
        ["interface"] = Interface,
        ["step"] = Step,
        ["args"] = Args.DeepClone(),
        ["order"] = Order,
    };
}
