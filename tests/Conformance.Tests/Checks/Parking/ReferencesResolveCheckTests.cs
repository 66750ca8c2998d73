using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using static Conformance.Tests.Checks.Parking.Npp;

namespace Conformance.Tests.Checks.Parking;

/// <summary>references-resolve: an assigned right's right specification, fetched at the version the right names.</summary>
public class ReferencesResolveCheckTests
{
    private readonly ReferencesResolveCheck _check = new();

    // Two permits issued under version 1 of the residents' zone, one under version 2.
    private static readonly JsonObject[] Rights =
    [
        Right("ar-1", 1), Right("ar-2", 1), Right("ar-3", 2),
    ];

    private static JsonObject Right(string id, int specVersion) => new()
    {
        ["id"] = id, ["version"] = 1, ["rightSpecification"] = new JsonObject { ["id"] = "rs-resident-h1", ["version"] = specVersion },
    };

    private Finding Asked(Func<string, long?, JsonNode?> spec, int status = 200)
    {
        var run = Run("/rights/assigned", OperationRole.List, Read("/rights/assigned", Page(1, 3, Rights)));
        var asked = Answered(_check, run, Probing(new() { ["/rights/assigned"] = [.. Rights] }), request =>
        {
            var version = Query(request.Url).TryGetValue("version", out var v) ? long.Parse(v) : (long?)null;
            return Answer(request.Url, spec(request.Url.AbsolutePath.Split('/')[^1], version), status);
        });
        Assert.That(asked.Requests.Count(r => r.Owner == _check), Is.EqualTo(2), "each distinct reference once");
        return Judged(_check, asked);
    }

    [Test]
    public void References_that_resolve_at_their_version_satisfy_it()
    {
        var finding = Asked((id, version) => new JsonObject { ["id"] = id, ["version"] = version });
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Satisfied), finding.Message);
        Assert.That(finding.Message, Does.StartWith("2 reference(s)"));
    }

    [Test]
    public void Only_the_latest_version_kept_violates_it()
    {
        var finding = Asked((id, _) => new JsonObject { ["id"] = id, ["version"] = 2 });
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("rightSpecification rs-resident-h1 at version 1: /rights/specs/{id} answered version 2"));
    }

    [Test]
    public void A_reference_that_is_not_found_violates_it() =>
        Assert.That(Asked((_, _) => new JsonObject { ["status"] = "error" }, 404).Message, Does.Contain("does not resolve: /rights/specs/{id} answered 404"));
}
