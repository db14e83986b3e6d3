using IronicCore.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // The first Ctrl-C stops a run at its next step, the terminal restored; a second one ends the process at once.
    press.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};

return IronicSim.Run(args, new CliOutput(Console.Out, Console.Error), interrupted.Token);
