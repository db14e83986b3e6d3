using IronicCore.Sweeps.Engines;
using YamlDotNet.RepresentationModel;

namespace IronicCore.Sweeps.Tests.Engines;

/// <summary>
/// The Indexed Job's shape, read back with a YAML parser: the fields Kubernetes' batch/v1 Job API
/// (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/job-v1/) defines, where
/// an Indexed Job with per-index retries needs them. No cluster runs here, and kubectl cannot
/// validate offline (its client-side dry run still asks a server for the API's schema).
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly KubernetesJobOptions Options = new()
    {
        Image = "registry.example.org/ironic-sim:0.1.0",
        Claim = "sweeps",
        SubPath = "bmc-fault-rate",
        Parallelism = 4,
        Cpus = 2,
        Memory = MemorySize.TryParse("2G"),
    };

    [Test]
    public void Manifest_IsAnIndexedJob_OneCompletionPerChunk()
    {
        var job = Parse(KubernetesManifest.Write(12, Options));

        Assert.That(Text(job, "apiVersion"), Is.EqualTo("batch/v1"));
        Assert.That(Text(job, "kind"), Is.EqualTo("Job"));
        Assert.That(Text(job, "metadata", "name"), Is.EqualTo("ironic-sweep"));
        Assert.That(Text(job, "spec", "completionMode"), Is.EqualTo("Indexed"));
        Assert.That(Text(job, "spec", "completions"), Is.EqualTo("12"));
        Assert.That(Text(job, "spec", "parallelism"), Is.EqualTo("4"));
    }

    [Test]
    public void AFailedIndex_IsRetriedAlone()
    {
        var job = Parse(KubernetesManifest.Write(12, Options));

        // backoffLimitPerIndex needs restartPolicy Never: a pod's failure is then the index's.
        Assert.That(Text(job, "spec", "backoffLimitPerIndex"), Is.EqualTo(KubernetesJobOptions.DefaultRetries.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Text(job, "spec", "template", "spec", "restartPolicy"), Is.EqualTo("Never"));
        Assert.That(Node(job, "spec").Children.Keys.Select(key => key.ToString()), Has.No.Member("backoffLimit"));
    }

    [Test]
    public void RefusedInput_FailsItsIndexAtOnce_AndAnEvictionUsesNoRetry()
    {
        var rules = ((YamlSequenceNode)Node(Parse(KubernetesManifest.Write(3, Options)), "spec", "podFailurePolicy").Children["rules"]).Children.Cast<YamlMappingNode>().ToArray();

        Assert.That(rules, Has.Length.EqualTo(2));
        Assert.That(Text(rules[0], "action"), Is.EqualTo("FailIndex"));
        Assert.That(Text(rules[0], "onExitCodes", "containerName"), Is.EqualTo("worker"));
        Assert.That(Text(rules[0], "onExitCodes", "operator"), Is.EqualTo("In"));
        Assert.That(((YamlSequenceNode)Node(rules[0], "onExitCodes").Children["values"]).Children.Select(value => value.ToString()), Is.EqualTo(new[] { "2" }));
        Assert.That(Text(rules[1], "action"), Is.EqualTo("Ignore"));
        Assert.That(Text((YamlMappingNode)((YamlSequenceNode)rules[1].Children["onPodConditions"]).Children.Single(), "type"), Is.EqualTo("DisruptionTarget"));
    }

    [Test]
    public void TheWorker_ReadsTheSweepDirectory_WhereTheClaimIsMounted()
    {
        var job = Parse(KubernetesManifest.Write(12, Options));
        var pod = Node(job, "spec", "template", "spec");
        var container = Single(pod, "containers");

        var args = ((YamlSequenceNode)container.Children["args"]).Children.Select(arg => arg.ToString());
        Assert.That(args, Is.EqualTo(new[] { "sweep", "worker", KubernetesJobOptions.MountPath, "--threads", "2" }));
        Assert.That(Text(container, "image"), Is.EqualTo("registry.example.org/ironic-sim:0.1.0"));
        var mount = Single(container, "volumeMounts");
        Assert.That(Text(mount, "mountPath"), Is.EqualTo(KubernetesJobOptions.MountPath));
        Assert.That(Text(mount, "subPath"), Is.EqualTo("bmc-fault-rate"));
        var volume = Single(pod, "volumes");
        Assert.That(Text(volume, "name"), Is.EqualTo(Text(mount, "name")));
        Assert.That(Text(volume, "persistentVolumeClaim", "claimName"), Is.EqualTo("sweeps"));
        // Kubernetes sets JOB_COMPLETION_INDEX itself in an Indexed Job's pods: the manifest must not.
        Assert.That(container.Children.Keys.Select(key => key.ToString()), Has.No.Member("env"));
    }

    [Test]
    public void Resources_AreTheOptions_MemoryInBinaryUnits()
    {
        var container = Single(Node(Parse(KubernetesManifest.Write(3, Options)), "spec", "template", "spec"), "containers");

        Assert.That(Text(container, "resources", "requests", "cpu"), Is.EqualTo("2"));
        Assert.That(Text(container, "resources", "requests", "memory"), Is.EqualTo("2Gi"));
        Assert.That(Text(container, "resources", "limits", "memory"), Is.EqualTo("2Gi"));
    }

    [Test]
    public void EveryField_IsOneTheJobApiDefines()
    {
        var job = Parse(KubernetesManifest.Write(3, Options));

        Assert.That(UnknownFields(job, "Job"), Is.Empty);
    }

    [Test]
    public void Parallelism_DefaultsToEveryIndexAtOnce_AndNeverExceedsTheChunks()
    {
        var all = Parse(KubernetesManifest.Write(5, Options with { Parallelism = null }));
        var capped = Parse(KubernetesManifest.Write(2, Options with { Parallelism = 10 }));

        Assert.That((Text(all, "spec", "parallelism"), Text(capped, "spec", "parallelism")), Is.EqualTo(("5", "2")));
    }

    [Test]
    public void WithoutResourcesOrSubPath_ThoseFieldsAreLeftOut()
    {
        var container = Single(Node(Parse(KubernetesManifest.Write(1, Options with { Cpus = null, Memory = null, SubPath = null })), "spec", "template", "spec"), "containers");

        Assert.That(container.Children.Keys.Select(key => key.ToString()), Has.No.Member("resources"));
        Assert.That(Single(container, "volumeMounts").Children.Keys.Select(key => key.ToString()), Has.No.Member("subPath"));
    }

    [Test]
    public void AValueWithYamlSyntax_StaysOneString()
    {
        var job = Parse(KubernetesManifest.Write(1, Options with { SubPath = "a: b # c" }));

        Assert.That(Text(Single(Single(Node(job, "spec", "template", "spec"), "containers"), "volumeMounts"), "subPath"), Is.EqualTo("a: b # c"));
    }

    [TestCase("Sweep", "job name 'Sweep' must be a DNS label")]
    [TestCase("-sweep", "job name '-sweep' must be a DNS label")]
    public void ANameKubernetesRefuses_IsRefused(string name, string error) =>
        Assert.That(() => KubernetesManifest.Write(1, Options with { JobName = name }), Throws.TypeOf<SweepEngineException>().With.Message.Contains(error));

    [Test]
    public void ImageAndClaim_AreRequired_BothReportedAtOnce()
    {
        var errors = (Options with { Image = null, Claim = null }).Errors();

        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors, Has.Some.Contains("--image").And.Some.Contains("--pvc"));
    }

    [TestCase("/abs")]
    [TestCase("a/../b")]
    [TestCase("")]
    public void ASubPathOutsideTheVolume_IsRefused(string subPath) =>
        Assert.That((Options with { SubPath = subPath }).Errors(), Has.One.Contains("must be relative"));

    [Test]
    public void MemoryZero_IsRefused_KubernetesHasNoWholeNodeMeaning() =>
        Assert.That((Options with { Memory = MemorySize.TryParse("0") }).Errors(), Has.One.Contains("Kubernetes needs a size"));

    /// <summary>The fields of the batch/v1 types the manifest uses, from Kubernetes' API reference (v1.29+).</summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> Schema = new()
    {
        ["Job"] = new() { ["apiVersion"] = null, ["kind"] = null, ["metadata"] = "ObjectMeta", ["spec"] = "JobSpec" },
        ["ObjectMeta"] = new() { ["name"] = null, ["labels"] = "Labels" },
        ["Labels"] = new() { ["app.kubernetes.io/name"] = null, ["app.kubernetes.io/component"] = null },
        ["JobSpec"] = new() { ["completionMode"] = null, ["completions"] = null, ["parallelism"] = null, ["backoffLimitPerIndex"] = null, ["podFailurePolicy"] = "PodFailurePolicy", ["template"] = "PodTemplateSpec" },
        ["PodFailurePolicy"] = new() { ["rules"] = "PodFailurePolicyRule" },
        ["PodFailurePolicyRule"] = new() { ["action"] = null, ["onExitCodes"] = "PodFailurePolicyOnExitCodesRequirement", ["onPodConditions"] = "PodFailurePolicyOnPodConditionsPattern" },
        ["PodFailurePolicyOnExitCodesRequirement"] = new() { ["containerName"] = null, ["operator"] = null, ["values"] = null },
        ["PodFailurePolicyOnPodConditionsPattern"] = new() { ["type"] = null, ["status"] = null },
        ["PodTemplateSpec"] = new() { ["metadata"] = "ObjectMeta", ["spec"] = "PodSpec" },
        ["PodSpec"] = new() { ["restartPolicy"] = null, ["containers"] = "Container", ["volumes"] = "Volume" },
        ["Container"] = new() { ["name"] = null, ["image"] = null, ["args"] = null, ["resources"] = "ResourceRequirements", ["volumeMounts"] = "VolumeMount" },
        ["ResourceRequirements"] = new() { ["requests"] = "ResourceList", ["limits"] = "ResourceList" },
        ["ResourceList"] = new() { ["cpu"] = null, ["memory"] = null },
        ["VolumeMount"] = new() { ["name"] = null, ["mountPath"] = null, ["subPath"] = null },
        ["Volume"] = new() { ["name"] = null, ["persistentVolumeClaim"] = "PersistentVolumeClaimVolumeSource" },
        ["PersistentVolumeClaimVolumeSource"] = new() { ["claimName"] = null },
    };

    private static IEnumerable<string> UnknownFields(YamlMappingNode node, string type)
    {
        foreach (var (key, value) in node.Children)
        {
            var name = key.ToString();
            if (!Schema[type].TryGetValue(name, out var child))
            {
                yield return $"{type}.{name}";
                continue;
            }

            var children = value switch
            {
                YamlMappingNode mapping => [mapping],
                YamlSequenceNode sequence => sequence.Children.OfType<YamlMappingNode>(),
                _ => [],
            };
            foreach (var mapping in children)
            {
                foreach (var unknown in UnknownFields(mapping, child ?? throw new AssertionException($"{type}.{name} is a scalar, not an object")))
                {
                    yield return unknown;
                }
            }
        }
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.That(stream.Documents, Has.Count.EqualTo(1));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Node(YamlMappingNode root, params string[] path) =>
        path.Aggregate(root, (node, key) => (YamlMappingNode)node.Children[key]);

    private static string Text(YamlMappingNode root, params string[] path) =>
        ((YamlScalarNode)Node(root, path[..^1]).Children[path[^1]]).Value!;

    private static YamlMappingNode Single(YamlMappingNode node, string key) =>
        (YamlMappingNode)((YamlSequenceNode)node.Children[key]).Children.Single();
}
