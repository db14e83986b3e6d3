using System.Text;

namespace IronicCore.Cli;

/// <summary>
/// Writes through to another writer, leaving out the spaces that end a line: Spectre pads every
/// cell of a grid (help, tables) to its column's width, which a file or a pipe should not keep.
/// </summary>
internal sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    /// <summary>Spaces seen and not yet written: written before the next character that is not a space or a line's end.</summary>
    private int pending;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                pending++;
                return;
            case '\n' or '\r':
                pending = 0;
                break;
            default:
                for (; pending > 0; pending--)
                {
                    inner.Write(' ');
                }

                break;
        }

        inner.Write(value);
    }

    public override void Flush() => inner.Flush();
}
