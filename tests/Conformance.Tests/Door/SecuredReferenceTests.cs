using Conformance.Door;
using Conformance.Monitoring;
using Conformance.NUnit;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.Tests.Door;

/// <summary>
/// A reference implementation behind OAuth2 (the NPP's) is reached with its own demo client whichever front end opens
/// the run: the door takes the client from the started reference, so no front end knows about it.
/// </summary>
public class SecuredReferenceTests
{
    private static RunDoor Door()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        return new RunDoor { Catalogue = catalogue, StartReference = ReferenceImplementations.Starter(catalogue) };
    }

    private static string Profile => Path.Combine(Fixtures.RepositoryRoot(), "vendor-profiles", "npp-1.0-reference.yaml");

    [Test]
    public void The_door_gives_a_run_against_the_reference_the_reference_s_own_client()
    {
        using var run = Door().Open(null, new RunOverrides { Standard = "npp-1.0", Reference = true });
        var oauth2 = run.Request.Probe.Credentials.OAuth2;
        Assert.That(oauth2, Is.Not.Null, "the NPP reference wants a token");
        Assert.That(oauth2!.TokenUrl, Is.EqualTo(new Uri(run.Request.Target, "/auth")), "the token comes from the reference itself");
    }

    [Test]
    public void An_open_reference_is_given_no_credentials()
    {
        using var run = Door().Open(null, new RunOverrides { Standard = "oruk-3.0", Reference = true });
        Assert.That(run.Request.Probe.Credentials.Any, Is.False);
    }

    [Test]
    public async Task The_monitor_and_a_suite_pass_the_secured_reference_through_its_vendor_profile()
    {
        var outDir = Directory.CreateTempSubdirectory("conformance-secured-").FullName;
        try
        {
            var record = await TargetRunner.RunOneAsync(MonitorTarget.Of(Profile), outDir, new MonitorOptions { Door = Door() }, CancellationToken.None);
            Assert.That((record.Status, record.Verdict), Is.EqualTo((TargetStatus.Completed, Verdict.Pass)), record.Message);
            Assert.That(SuiteRuns.Make(Profile, null, Door()).Verdict, Is.EqualTo(Verdict.Pass), "a ConformanceSuite");
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
