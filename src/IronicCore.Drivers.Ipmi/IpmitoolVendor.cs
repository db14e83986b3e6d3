using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// Ironic's <c>ipmitool</c> vendor interface (<c>ipmitool.VendorPassthru</c>): the asynchronous
/// passthru methods <c>bmc_reset</c> (<c>bmc reset warm|cold</c>) and <c>send_raw</c>
/// (<c>raw RAW_BYTES</c>), each under the exclusive lock, and from 2025.1 <c>send_raw</c> as a clean
/// (out of band, not abortable), deploy and service step of priority 0.
/// </summary>
internal sealed class IpmitoolVendor : IVendorInterface
{
    private static readonly ImmutableArray<string> Post = ["POST"];

    private static readonly JsonElement RawBytesArgs = JsonElement.Parse(
        """{"raw_bytes": {"description": "A string of raw bytes to convey the request to transmit to the remote BMC.", "required": true}}""");

    private readonly Ipmitool ipmitool;

    public IpmitoolVendor(Ipmitool ipmitool)
    {
        this.ipmitool = ipmitool;
        if (ipmitool.Release != IronicRelease.Release21_4)
        {
            CleanSteps = [new("vendor", "send_raw", 0, Abortable: false, RequiresRamdisk: false, ArgsInfo: RawBytesArgs)];
            DeploySteps = [new("vendor", "send_raw", 0, Abortable: true, ArgsInfo: RawBytesArgs)];
            ServiceSteps = [new("vendor", "send_raw", 0, Abortable: false, ArgsInfo: RawBytesArgs)];
        }
    }

    public string Name => "ipmitool";

    // Ironic's vendor_routes come from inspect.getmembers: in name order.
    public ImmutableArray<VendorPassthruMethod> Methods { get; } =
    [
        new("bmc_reset", Post, Async: true,
            "Reset the BMC. Required argument: 'warm' (Boolean) - for warm (True) or cold (False) reset.", Attach: false, RequireExclusiveLock: true),
        new("send_raw", Post, Async: true,
            "Send raw bytes to the BMC. Required argument: 'raw_bytes' - a string of raw bytes (e.g. '0x00 0x01').", Attach: false, RequireExclusiveLock: true),
    ];

    public ImmutableArray<StepDefinition> CleanSteps { get; } = [];

    public ImmutableArray<StepDefinition> DeploySteps { get; } = [];

    public ImmutableArray<StepDefinition> ServiceSteps { get; } = [];

    /// <summary><c>VendorPassthru.validate</c>: <c>send_raw</c> needs true <c>raw_bytes</c>; then the node's <c>driver_info</c>.</summary>
    public void Validate(DriverTask task, string method, JsonElement args)
    {
        if (method == "send_raw" && !(args.TryGetProperty("raw_bytes", out var raw) && PythonValue.IsTruthy(raw)))
        {
            throw new MissingParameterValueException("Parameter raw_bytes (string of bytes) was not specified.");
        }

        ipmitool.InfoOf(task);
    }

    public JsonElement? Invoke(DriverTask task, string method, string httpMethod, JsonElement args)
    {
        if (method == "bmc_reset")
        {
            // bmc_reset(self, task, http_method, warm=True)
            RefuseUnexpected(args, "bmc_reset", "warm");
            var warm = !args.TryGetProperty("warm", out var flag) || PythonValue.ToBool(flag);
            var command = warm ? IpmiCommand.BmcResetWarm : IpmiCommand.BmcResetCold;
            ipmitool.InfoOf(task);
            ipmitool.Execute(task, command, command.Text());
            return null;
        }

        // 21.4: send_raw(self, task, http_method, raw_bytes); later releases take **kwargs.
        if (ipmitool.Release == IronicRelease.Release21_4)
        {
            RefuseUnexpected(args, "send_raw", "raw_bytes");
        }

        SendRaw(task, args);
        return null;
    }

    public void ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user)
    {
        if (definition.Step != "send_raw")
        {
            throw new UnsupportedDriverExtensionException(task.DriverName, definition.Step);
        }

        SendRaw(task, user?.Args ?? default);
    }

    /// <summary>Ironic's <c>send_raw</c>: <c>raw_bytes</c> must be true, then <c>ipmitool raw</c> with them.</summary>
    private void SendRaw(DriverTask task, JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Object || !args.TryGetProperty("raw_bytes", out var raw) || !PythonValue.IsTruthy(raw))
        {
            throw new MissingParameterValueException("Argument raw_bytes is missing.");
        }

        ipmitool.InfoOf(task);
        var bytes = raw.ValueKind switch
        {
            JsonValueKind.String => raw.GetString()!,
            JsonValueKind.True => "True",
            _ => raw.GetRawText(),
        };
        ipmitool.Execute(task, IpmiCommand.Raw, $"raw {bytes}", bytes);
    }

    /// <summary>Python's binding of the body's keys to the method's keyword parameters.</summary>
    private static void RefuseUnexpected(JsonElement args, string method, string parameter)
    {
        foreach (var property in args.EnumerateObject())
        {
            if (property.Name != parameter)
            {
                throw new VendorPassthruException($"VendorPassthru.{method}() got an unexpected keyword argument '{property.Name}'");
            }
        }
    }
}
