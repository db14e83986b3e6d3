using System.Globalization;
using IronicCore.States;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// <c>ipmitool raw NETFN CMD [DATA...]</c> as a simulated BMC answers it: every byte must parse as
/// ipmitool's <c>str2uchar</c> reads it (C's <c>strtoul</c> with base 0: <c>0x</c> hex, a leading
/// <c>0</c> octal, else decimal, at most 255), and a request needs a network function and a
/// command; the BMC then answers every request. Chassis Control (net function 0x00, command 0x02)
/// acts on the machine: 0 powers it down, 1 up, 2 (power cycle) and 3 (hard reset) restart a
/// machine that is on, 5 (soft shutdown) powers it down.
/// </summary>
internal static class RawRequest
{
    /// <summary>Runs the request on the machine; null when answered, else ipmitool's error text.</summary>
    public static string? Answer(SimulatedMachine machine, string raw)
    {
        var tokens = raw.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return "Not enough parameters given.";
        }

        Span<byte> bytes = stackalloc byte[Math.Min(tokens.Length, 64)];
        for (var i = 0; i < tokens.Length && i < bytes.Length; i++)
        {
            if (Parse(tokens[i]) is not { } value)
            {
                return $"Given {(i == 0 ? "netfn" : i == 1 ? "command" : "data")} \"{tokens[i]}\" is invalid.";
            }

            bytes[i] = value;
        }

        if (bytes[0] == 0x00 && bytes[1] == 0x02 && tokens.Length > 2)
        {
            ChassisControl(machine, bytes[2]);
        }

        return null;
    }

    private static void ChassisControl(SimulatedMachine machine, byte action)
    {
        switch (action)
        {
            case 0 or 5:
                machine.SetPowerState(PowerState.PowerOff);
                break;
            case 1 when SimulatedBmc.PowerOf(machine) != PowerState.PowerOn:
                machine.SetPowerState(PowerState.PowerOn);
                break;
            case 2 or 3 when SimulatedBmc.PowerOf(machine) == PowerState.PowerOn:
                machine.SetPowerState(PowerState.PowerOff);
                machine.SetPowerState(PowerState.PowerOn);
                break;
        }
    }

    private static byte? Parse(string token)
    {
        var (digits, style, radix) = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? (token[2..], NumberStyles.AllowHexSpecifier, 16)
            : token.Length > 1 && token[0] == '0' ? (token[1..], NumberStyles.None, 8) : (token, NumberStyles.None, 10);
        if (digits.Length == 0)
        {
            return null;
        }

        if (radix == 8)
        {
            var value = 0;
            foreach (var c in digits)
            {
                if (c is < '0' or > '7' || (value = (value * 8) + (c - '0')) > 255)
                {
                    return null;
                }
            }

            return (byte)value;
        }

        return uint.TryParse(digits, style, CultureInfo.InvariantCulture, out var number) && number <= 255 ? (byte)number : null;
    }
}
