using IronicCore.JournalCrashWriter;
using IronicCore.Persistence;

// Appends records to the journal given as the first argument until it is killed, printing
// "ack N" each time N records are known to be on the disk. The crash test kills it at random
// points and checks that every acknowledged record survived.
var batchSize = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
using var writer = new TransitionJournalWriter(args[0], batchSize);
var acknowledged = writer.Acknowledged;
for (var n = writer.Acknowledged; ; n++)
{
    writer.OnTransition(CrashRecords.At(n));
    if (writer.Acknowledged != acknowledged)
    {
        acknowledged = writer.Acknowledged;
        Console.Out.WriteLine($"ack {acknowledged}");
        Console.Out.Flush();
    }
}
