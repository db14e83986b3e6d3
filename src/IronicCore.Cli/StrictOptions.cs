using Spectre.Console.Cli;

namespace IronicCore.Cli;

/// <summary>
/// Refuses what a command does not take, before it runs: an option it has no such name for, and
/// anything after <c>--</c>. Spectre.Console.Cli's own strict mode (<c>UseStrictParsing</c>) refuses
/// unknown options too, but on a parse error it retries with a branch's default command inserted
/// at every position, so an option missing its value at the end of the line
/// (<c>journal FILE --since</c>) got the word <c>__default_command</c> as its value; the lenient
/// parser reports that case as it is, and keeps what it did not know in
/// <see cref="CommandContext.Remaining"/>, checked here.
/// </summary>
internal sealed class StrictOptions : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (context.Remaining.Parsed.FirstOrDefault() is { } unknown)
        {
            throw new UnknownOptionException(unknown.Key);
        }

        if (context.Remaining.Raw.Count > 0)
        {
            throw new InputRefusedException($"unexpected arguments after --: {string.Join(' ', context.Remaining.Raw)}");
        }
    }
}
