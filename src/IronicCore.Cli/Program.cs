using IronicCore.Cli;

return IronicSim.Run(args, Console.Out, Console.Error);
