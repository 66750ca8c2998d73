using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>versions: one record updated naming the next version, then a stale version, then created again.</summary>
public class VersionsCheckTests
{
    private readonly VersionsCheck _check = new();

    /// <summary>A platform keeping one assigned right at a version; <paramref name="staleAccepted"/> makes it take any update.</summary>
    private sealed class Platform(bool staleAccepted = false, int writeStatus = 0)
    {
        public long Version { get; private set; } = 3;

        public Exchange Serve(ProbeRequest request)
        {
            var record = new JsonObject { ["id"] = "ar-1", ["version"] = Version };
            if (request.Write is null) return Answer(request.Url, record);
            if (writeStatus != 0) return Answer(request.Url, new JsonObject { ["status"] = "error" }, writeStatus);
            var named = JsonNode.Parse(request.Write.Body)!["version"]!.GetValue<long>();
            if (request.Write.Method == "POST") return Answer(request.Url, new JsonObject { ["status"] = "error" }, 409);
            if (named != Version + 1 && !staleAccepted) return Answer(request.Url, new JsonObject { ["status"] = "error" }, 409);
            Version = Math.Max(Version, named);
            return Answer(request.Url, new JsonObject { ["status"] = "ok" });
        }
    }

    private Finding Judge(Platform platform, bool writes = true)
    {
        var right = new JsonObject { ["id"] = "ar-1", ["version"] = 3 };
        var run = Run("/rights/assigned/{id}", OperationRole.Item, Read("/rights/assigned/{id}", right, "ar-1"));
        return Judged(_check, Answered(_check, run, Probing(new() { ["/rights/assigned"] = [right] }, writes), platform.Serve));
    }

    [Test]
    public void Versions_kept_as_the_standard_says_satisfy_it()
    {
        var platform = new Platform();
        var finding = Judge(platform);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(platform.Version, Is.EqualTo(4));
    }

    [Test]
    public void A_stale_update_accepted_violates_it()
    {
        var finding = Judge(new Platform(staleAccepted: true));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("an update naming version 3, older than the latest, was accepted (200)"));
    }

    [Test]
    public void Without_writes_nothing_is_sent_and_it_says_so()
    {
        var platform = new Platform();
        Assert.That(Judge(platform, writes: false).Kind, Is.EqualTo(FindingKind.Skipped));
        Assert.That(platform.Version, Is.EqualTo(3));
    }

    [Test]
    public void An_update_the_credentials_may_not_make_is_not_judged() =>
        Assert.That(Judge(new Platform(writeStatus: 403)).Message, Does.Contain("refused (403)"));

    [Test]
    public void An_update_naming_the_next_version_refused_violates_it() =>
        Assert.That(Judge(new Platform(writeStatus: 409)).Message, Does.Contain("an update naming the next version, 4, answered 409"));
}
