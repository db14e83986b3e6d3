using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Scenarios;

/// <content>The nodes of a file: each one's create request, with the oracle's UUIDs and BMC credentials.</content>
internal static partial class ScenarioParser
{
    /// <summary>What each driver's nodes may ask for, per interface field (the first the format's default).</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> DriverInterfaces = new(StringComparer.Ordinal)
    {
        ["fake-hardware"] = new(StringComparer.Ordinal)
        {
            ["boot_interface"] = ["fake"], ["power_interface"] = ["fake"], ["management_interface"] = ["fake"],
            ["inspect_interface"] = ["fake"], ["bios_interface"] = ["fake"],
        },
        ["ipmi"] = new(StringComparer.Ordinal)
        {
            ["boot_interface"] = ["pxe", "ipxe"], ["power_interface"] = ["ipmitool"], ["management_interface"] = ["ipmitool"],
            ["inspect_interface"] = ["no-inspect"], ["bios_interface"] = ["no-bios"],
        },
        ["redfish"] = new(StringComparer.Ordinal)
        {
            ["boot_interface"] = ["redfish-virtual-media", "ipxe", "pxe"], ["power_interface"] = ["redfish"], ["management_interface"] = ["redfish"],
            ["inspect_interface"] = ["redfish", "no-inspect"], ["bios_interface"] = ["redfish", "no-bios"],
        },
    };

    /// <summary>What the oracle gives a redfish node's driver_info unless the file does (a null leaves the key out).</summary>
    private static readonly (string Key, string Value)[] RedfishDriverInfo =
    [
        ("redfish_system_id", "/redfish/v1/Systems/1"),
        ("redfish_username", "admin"),
        ("redfish_password", "password"),
        ("deploy_kernel", "http://images.example.test/ipa.kernel"),
        ("deploy_ramdisk", "http://images.example.test/ipa.initramfs"),
        ("rescue_kernel", "http://images.example.test/ipa.kernel"),
        ("rescue_ramdisk", "http://images.example.test/ipa.initramfs"),
    ];

    private static ScenarioNode ParseNode(JsonElement node, string where, ProvisionStateMachine machine, ulong seed, int index)
    {
        Require(node.ValueKind == JsonValueKind.Object, where, "an object");
        var unknown = node.EnumerateObject().Select(p => p.Name).Where(n => !NodeKeys.Contains(n)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ScenarioException("InvalidScenario", $"{where}: unknown fields {string.Join(", ", unknown)}");
        }

        var name = String(node, "name", where) ?? throw new ScenarioException("InvalidScenario", $"{where}.name: expected a non-empty string");
        Require(name.Length > 0, $"{where}.name", "a non-empty string");
        var driver = String(node, "driver", where) ?? "fake-hardware";
        if (!DriverInterfaces.TryGetValue(driver, out var interfaces))
        {
            throw new ScenarioException("NotSupported", $"{where}.driver \"{driver}\": the simulator has fake-hardware, ipmi and redfish");
        }

        var deployInterface = String(node, "deploy_interface", where);
        if (deployInterface is not (null or "fake" or "direct"))
        {
            throw new ScenarioException("InvalidScenario", $"{where}.deploy_interface: expected \"fake\" or \"direct\"");
        }

        var rescueInterface = String(node, "rescue_interface", where);
        if (rescueInterface is not (null or "fake" or "agent" or "no-rescue"))
        {
            throw new ScenarioException("InvalidScenario", $"{where}.rescue_interface: expected \"fake\", \"agent\" or \"no-rescue\"");
        }

        var ipmi = driver == "ipmi";
        foreach (var (field, values) in interfaces)
        {
            if (String(node, field, where) is { } value && !values.Contains(value))
            {
                throw new ScenarioException("NotSupported",
                    $"{where}.{field} \"{value}\": the simulator's {driver} nodes use {string.Join(" or ", values)}");
            }
        }

        var state = ProvisionStateMachine.InitialState;
        if (String(node, "provision_state", where) is { } stateName)
        {
            Require(IronicNames.TryParse(stateName, out state) && machine.Exists(state),
                $"{where}.provision_state", $"one of {string.Join(", ", machine.States.Select(s => $"\"{s.ToIronicName()}\""))}");
        }

        PowerState? power = null;
        if (String(node, "power_state", where) is { } powerName)
        {
            Require(IronicNames.TryParse<PowerState>(powerName, out var parsed) && parsed is PowerState.PowerOn or PowerState.PowerOff,
                $"{where}.power_state", "\"power on\", \"power off\" or null");
            power = parsed;
        }

        NodeFault? fault = null;
        if (String(node, "fault", where) is { } faultName)
        {
            Require(IronicNames.TryParse<NodeFault>(faultName, out var parsedFault), $"{where}.fault", "an Ironic fault");
            fault = parsedFault;
        }

        var driverInfo = ImmutableSortedDictionary<string, string>.Empty;
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        if (node.TryGetProperty("driver_info", out var info))
        {
            Require(info.ValueKind == JsonValueKind.Object, $"{where}.driver_info", "an object");
            driverInfo = info.EnumerateObject().ToImmutableSortedDictionary(
                p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
            leftOut = [.. info.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null).Select(p => p.Name)];
        }

        if (driver == "redfish")
        {
            // As the oracle does: its BMC address by the node's position, credentials and agent
            // images, unless the file gives its own; a null leaves the key out.
            driverInfo = driverInfo.SetItem("redfish_address", driverInfo.GetValueOrDefault("redfish_address") ?? $"https://{OracleBmcAddress(index)}");
            foreach (var (key, value) in RedfishDriverInfo)
            {
                driverInfo = driverInfo.SetItem(key, driverInfo.GetValueOrDefault(key) ?? value);
            }

            driverInfo = driverInfo.RemoveRange(leftOut);
        }

        if (ipmi)
        {
            // As the oracle does: an ipmi node gets BMC credentials unless the file gives its own.
            driverInfo = driverInfo
                .SetItem("ipmi_address", driverInfo.GetValueOrDefault("ipmi_address") ?? BmcAddress(seed, name))
                .SetItem("ipmi_username", driverInfo.GetValueOrDefault("ipmi_username") ?? "admin")
                .SetItem("ipmi_password", driverInfo.GetValueOrDefault("ipmi_password") ?? "password");
        }

        ImmutableArray<StepDefinition>? agentSteps = null;
        ImmutableArray<StepDefinition>? agentServiceSteps = null;
        if (node.TryGetProperty("agent", out var agent))
        {
            Require(agent.ValueKind == JsonValueKind.Object, $"{where}.agent", "an object");
            var unknownAgent = agent.EnumerateObject().Select(p => p.Name).Where(n => n is not ("clean_steps" or "deploy_steps" or "service_steps")).ToList();
            if (unknownAgent.Count > 0)
            {
                throw new ScenarioException("InvalidScenario", $"{where}.agent: unknown fields {string.Join(", ", unknownAgent)}");
            }

            if (agent.TryGetProperty("deploy_steps", out _))
            {
                // The oracle's addition: in-band deploy steps the agent reports. Ours reports
                // ironic-python-agent's fixed list (IpaDeploySteps), so another list would be ignored: refused.
                throw new ScenarioException("NotSupported", $"{where}.agent.deploy_steps: the agent's in-band deploy steps are ironic-python-agent's (deploy.write_image, deploy.inject_files); another list is not simulated");
            }

            if (agent.TryGetProperty("clean_steps", out var cleanSteps))
            {
                agentSteps = ParseAgentSteps(cleanSteps, $"{where}.agent.clean_steps", cleanSteps: true);
            }

            if (agent.TryGetProperty("service_steps", out var serviceSteps))
            {
                agentServiceSteps = ParseAgentSteps(serviceSteps, $"{where}.agent.service_steps", cleanSteps: false);
            }
        }

        return new ScenarioNode(name, new NodeCreateRequest
        {
            Name = name,
            Uuid = NameBasedUuid.Create($"ironic-sim/{seed.ToString(CultureInfo.InvariantCulture)}/{name}").ToString(),
            Driver = driver,
            DeployInterface = deployInterface,
            RescueInterface = rescueInterface,
            BootInterface = String(node, "boot_interface", where),
            InspectInterface = String(node, "inspect_interface", where),
            BiosInterface = String(node, "bios_interface", where),
            AgentCleanSteps = agentSteps,
            AgentServiceSteps = agentServiceSteps,
            DriverInfo = driverInfo,
            ProvisionState = state,
            PowerState = power,
            Maintenance = Bool(node, "maintenance", where) ?? false,
            MaintenanceReason = String(node, "maintenance_reason", where),
            Fault = fault,
            AutomatedClean = Bool(node, "automated_clean", where),
        });
    }

    /// <summary>The oracle's BMC address of the node at <paramref name="index"/> in the file.</summary>
    private static string OracleBmcAddress(int index) => index < 240
        ? $"192.0.2.{(10 + index).ToString(CultureInfo.InvariantCulture)}"
        : $"198.51.{(index / 250 % 250).ToString(CultureInfo.InvariantCulture)}.{(index % 250).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A BMC address of the node's own (per-address command spacing must not couple nodes).</summary>
    private static string BmcAddress(ulong seed, string name)
    {
        var bytes = NameBasedUuid.Create($"ironic-sim/{seed.ToString(CultureInfo.InvariantCulture)}/{name}/bmc").ToByteArray();
        return $"10.{bytes[0]}.{bytes[1]}.{bytes[2]}";
    }

    /// <summary>
    /// An agent's reported steps. Ironic's <c>refresh_steps</c> marks every agent clean step as
    /// requiring the ramdisk whatever the agent says; a service step keeps the agent's word (default: required).
    /// </summary>
    private static ImmutableArray<StepDefinition> ParseAgentSteps(JsonElement steps, string where, bool cleanSteps)
    {
        Require(steps.ValueKind == JsonValueKind.Array, where, "a list");
        var result = ImmutableArray.CreateBuilder<StepDefinition>();
        foreach (var (step, index) in steps.EnumerateArray().Select((s, i) => (s, i)))
        {
            var at = $"{where}[{index}]";
            Require(step.ValueKind == JsonValueKind.Object, at, "an object");
            var known = new HashSet<string> { "interface", "step", "priority", "reboot_requested", "abortable", "argsinfo", "requires_ramdisk" };
            var unknown = step.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                throw new ScenarioException("InvalidScenario", $"{at}: unknown fields {string.Join(", ", unknown)}");
            }

            var name = String(step, "interface", at);
            var stepName = String(step, "step", at);
            Require(name is not null, $"{at}.interface", "a string");
            Require(stepName is not null, $"{at}.step", "a string");
            Require(step.TryGetProperty("priority", out var priority) && priority.ValueKind == JsonValueKind.Number && priority.TryGetInt32(out _),
                $"{at}.priority", "an integer");
            JsonElement? argsInfo = null;
            if (step.TryGetProperty("argsinfo", out var info) && info.ValueKind != JsonValueKind.Null)
            {
                Require(info.ValueKind == JsonValueKind.Object, $"{at}.argsinfo", "an object or null");
                argsInfo = info.Clone();
            }

            result.Add(new StepDefinition(
                name!, stepName!, priority.GetInt32(), Bool(step, "abortable", at) ?? false, cleanSteps || (Bool(step, "requires_ramdisk", at) ?? true), argsInfo, Bool(step, "reboot_requested", at) ?? false));
        }

        return result.ToImmutable();
    }
}
