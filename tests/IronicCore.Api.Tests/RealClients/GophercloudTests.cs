using IronicCore.Api.Tests.Durability;

namespace IronicCore.Api.Tests.RealClients;

/// <summary>
/// Debian's gophercloud (golang-github-gophercloud-gophercloud-dev 0.12, the library metal3's
/// baremetal-operator speaks Ironic through; installed with golang-go by .ci/run) against a real
/// <c>ironic-sim serve</c>: RealClients/gophercloud/node_life.go, built in GOPATH mode from
/// Debian's /usr/share/gocode with no network, prints one line per check. A missing Go toolchain
/// or gophercloud fails the test: it is never skipped.
/// </summary>
[NonParallelizable]
public sealed class GophercloudTests
{
    private const string GoPath = "/usr/share/gocode";

    [Test]
    public async Task Gophercloud_DrivesANodesLife_AgainstServe()
    {
        Assert.That(File.Exists("/usr/bin/go"), Is.True, "Go is missing: install Debian's golang-go (.ci/run does)");
        Assert.That(Directory.Exists(Path.Combine(GoPath, "src/github.com/gophercloud/gophercloud/openstack/baremetal")), Is.True,
            "gophercloud is missing: install Debian's golang-github-gophercloud-gophercloud-dev (.ci/run does)");

        var work = Directory.CreateTempSubdirectory("ironic-sim-gophercloud-");
        try
        {
            var program = Path.Combine(work.FullName, "node_life");
            var environment = new Dictionary<string, string>
            {
                ["GO111MODULE"] = "off",
                ["GOPATH"] = GoPath,
                ["GOPROXY"] = "off",
                ["GOFLAGS"] = string.Empty,
                ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "ironic-sim-gophercloud-cache"),
            };
            var build = await ClientProcess.Run("/usr/bin/go",
                ["build", "-o", program, Path.Combine(TestContext.CurrentContext.TestDirectory, "RealClients", "gophercloud", "node_life.go")],
                TimeSpan.FromMinutes(4), environment);
            Assert.That(build.ExitCode, Is.Zero, build.ToString());

            var port = ServeProcess.FreePort();
            using var serve = await ServeProcess.Start(port);
            var run = await ClientProcess.Run(program, [$"http://127.0.0.1:{port}"], TimeSpan.FromMinutes(4));

            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.EndWith("ok its port went with it\ndone\n"));
            Assert.That(run.Passed, Is.EqualTo(38), run.ToString());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
