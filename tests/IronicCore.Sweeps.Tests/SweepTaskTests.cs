namespace IronicCore.Sweeps.Tests;

/// <summary>Which chunk a worker runs without <c>--task</c>: Slurm's array task id, else Kubernetes' completion index.</summary>
[TestFixture]
public sealed class SweepTaskTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void Task_IsSlurmArrayTaskId() =>
        Assert.That(SweepTask.FromEnvironment(Environment(("SLURM_ARRAY_TASK_ID", "12"))), Is.EqualTo(12));

    [Test]
    public void Task_IsJobCompletionIndex_WithoutSlurm() =>
        Assert.That(SweepTask.FromEnvironment(Environment(("JOB_COMPLETION_INDEX", "3"))), Is.EqualTo(3));

    [Test]
    public void SlurmArrayTaskId_ComesBeforeJobCompletionIndex() =>
        Assert.That(SweepTask.FromEnvironment(Environment(("JOB_COMPLETION_INDEX", "3"), ("SLURM_ARRAY_TASK_ID", "5"))), Is.EqualTo(5));

    [Test]
    public void Task_IsNull_WhenNeitherIsSet() =>
        Assert.That(SweepTask.FromEnvironment(Environment()), Is.Null);

    [TestCase("-1")]
    [TestCase("1.5")]
    [TestCase("x")]
    public void Task_ThatIsNoWholeNumber_IsRefused_NamingTheVariable(string value)
    {
        var error = Assert.Throws<FormatException>(() => SweepTask.FromEnvironment(Environment(("SLURM_ARRAY_TASK_ID", value))));

        Assert.That(error.Message, Does.StartWith($"SLURM_ARRAY_TASK_ID={value} is not a task number"));
    }
}
