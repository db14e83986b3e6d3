using System.Diagnostics;

namespace IronicCore.Simulation;

/// <summary>
/// Math functions that give the same bits on every machine. <see cref="Math.Log(double)"/> calls
/// the platform's C runtime, whose last bit may differ between operating systems and
/// architectures; these use only IEEE 754 addition, multiplication and division, which are
/// correctly rounded everywhere (.NET never fuses them implicitly).
/// </summary>
internal static class DeterministicMath
{
    // ln 2 split so that k * Ln2High is exact for every binary exponent k of a double.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>The natural logarithm of a positive normal double, within about 1 ulp.</summary>
    public static double Log(double x)
    {
        Debug.Assert(double.IsNormal(x) && x > 0, "Only positive normal values are needed.");

        // x = 2^k * m with m in [sqrt(2)/2, sqrt(2)), so that ln(m) is small and its series short.
        var bits = BitConverter.DoubleToInt64Bits(x);
        var k = (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
        if (m >= Sqrt2)
        {
            m *= 0.5;
            k++;
        }

        // ln(1 + f) = 2 atanh(s) = 2s + s R, with s = f / (2 + f) and R = 2 (z/3 + z^2/5 + ...), z = s^2;
        // |s| < 0.1716, so the terms after z^11 are below half an ulp. Written, as in fdlibm, as
        // f - (f^2/2 - s (f^2/2 + R)) so that the exact f carries the result and the rounding
        // errors fall on the small correction only.
        var f = m - 1.0;
        var s = f / (2.0 + f);
        var z = s * s;
        var r = z * ((2.0 / 3) + (z * ((2.0 / 5) + (z * ((2.0 / 7) + (z * ((2.0 / 9) + (z * ((2.0 / 11)
            + (z * ((2.0 / 13) + (z * ((2.0 / 15) + (z * ((2.0 / 17) + (z * ((2.0 / 19) + (z * ((2.0 / 21)
            + (z * (2.0 / 23)))))))))))))))))))));
        var halfFSquared = 0.5 * f * f;
        return (k * Ln2High) - ((halfFSquared - ((s * (halfFSquared + r)) + (k * Ln2Low))) - f);
    }
}
