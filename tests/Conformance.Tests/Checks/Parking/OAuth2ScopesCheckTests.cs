using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>oauth2-scopes: without a token and with a forged one, 401; an update with a token of another scope, 403.</summary>
public class OAuth2ScopesCheckTests
{
    private readonly OAuth2ScopesCheck _check = new();

    private static readonly JsonObject Quayside = new() { ["id"] = "quayside", ["version"] = 1 };

    /// <summary>A platform guarding as told: each request's answer by whether it carries a token, a forged one, or a scope.</summary>
    private Finding Asked(Func<ProbeRequest, int> status, bool writes = false, string path = "/places/{id}")
    {
        var read = new SentRequest(Answer(new Uri(Base + path.Replace("{id}", "quayside")), Quayside, anonymous: false)) { RecordId = "quayside" };
        var run = Run(path, path.EndsWith('}') ? OperationRole.Item : OperationRole.List, read);
        return Judged(_check, Answered(_check, run, Probing([], writes), request => Answer(request.Url, new JsonObject { ["status"] = "x" }, status(request))));
    }

    private static int Conforming(ProbeRequest request) =>
        request.Scope is not null ? 403 : request.Anonymous ? 401 : 200;

    [Test]
    public void Refusals_by_the_token_satisfy_it()
    {
        var finding = Asked(Conforming, writes: true);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.Contain("an update with a token of scope sp was refused with 403"));
    }

    [Test]
    public void A_read_served_without_a_token_violates_it()
    {
        var finding = Asked(request => request.Anonymous && request.Headers.Count == 0 ? 200 : Conforming(request));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("a request without a token answered 200, not 401"));
    }

    [Test]
    public void A_forged_token_refused_as_forbidden_violates_it() =>
        Assert.That(Asked(request => request.Headers.Count > 0 ? 403 : Conforming(request)).Message,
            Does.Contain("a request with a token the platform never issued answered 403, not 401"));

    [Test]
    public void An_update_accepted_with_a_token_of_another_scope_violates_it() =>
        Assert.That(Asked(request => request.Scope is not null ? 200 : Conforming(request), writes: true).Message,
            Does.Contain("an update with a token of scope sp was accepted (200); the operation needs po"));

    [Test]
    public void Without_writes_no_update_is_sent()
    {
        var finding = Asked(request => request.Scope is not null ? 200 : Conforming(request));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied));
        Assert.That(finding.Message, Does.Not.Contain("update"));
    }

    [Test]
    public void Without_credentials_nothing_is_judged()
    {
        var read = new SentRequest(Answer(new Uri(Base + "/places"), Page(1, 1, Quayside), anonymous: true)) { Page = 1 };
        var run = Run("/places", OperationRole.List, read);
        Assert.That(_check.Probes(run, Probing([])), Is.Empty);
        Assert.That(Judged(_check, run).Kind, Is.EqualTo(FindingKind.Skipped));
    }
}
