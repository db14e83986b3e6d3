using System.Collections.Immutable;
using System.Text;

namespace IronicCore.Api.Paths;

/// <summary>A request target whose <c>%00</c> escapes <see cref="NulPathBytes"/> turned into <c>%C0</c>: which of its <c>%C0</c> escapes were NULs.</summary>
internal sealed record PatchedTarget(string Target, ImmutableArray<int> Nuls)
{
    /// <summary>The target as the client sent it.</summary>
    public string Original
    {
        get
        {
            var chars = Target.ToCharArray();
            foreach (var at in Nuls)
            {
                chars[at + 1] = '0';
            }

            return new string(chars);
        }
    }

    /// <summary>
    /// Kestrel's decoded path with the NULs back: Kestrel leaves every <c>%C0</c> encoded, so the
    /// n-th one in the path is the n-th one in the target.
    /// </summary>
    public string Decode(string path)
    {
        var escapes = Escapes(Target);
        var builder = new StringBuilder(path.Length);
        var n = 0;
        for (var i = 0; i < path.Length; i++)
        {
            if (IsEscape(path, i))
            {
                if (Nuls.Contains(escapes[n++]))
                {
                    builder.Append('\0');
                    i += 2;
                    continue;
                }
            }

            builder.Append(path[i]);
        }

        return builder.ToString();
    }

    private static List<int> Escapes(string target)
    {
        var found = new List<int>();
        for (var i = 0; i < target.Length && target[i] != '?'; i++)
        {
            if (IsEscape(target, i))
            {
                found.Add(i);
            }
        }

        return found;
    }

    private static bool IsEscape(string text, int i) =>
        text[i] == '%' && i + 2 < text.Length && (text[i + 1] is 'C' or 'c') && text[i + 2] == '0';
}
