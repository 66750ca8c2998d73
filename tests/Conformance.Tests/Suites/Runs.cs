using Conformance.Http;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Suites;

/// <summary>Run results made by hand, for suites built without a run.</summary>
public static class Runs
{
    public static RunResult Of(IReadOnlyList<CheckResult> results, IReadOnlyList<string>? secrets = null,
        IReadOnlyList<OperationCoverage>? coverage = null, string? aborted = null, IReadOnlyList<Clause>? manual = null) => new()
    {
        StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "http://vendor.test/", SpecLocation = "file:///spec.json",
        SpecDigest = "00", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Diagnostics = [], ManualClauses = manual ?? [],
        RequestsSent = 7, Results = results, Secrets = secrets ?? [], Coverage = coverage ?? [], Aborted = aborted, Seed = 4242,
    };

    public static CheckResult Result(Outcome outcome, string message = "no Access-Control-Allow-Origin header", Exchange? evidence = null,
        string check = "cors-allow-origin", string operation = "GET /services", IReadOnlyList<string>? details = null) =>
        new(check, "ORUK-3.0/cors", Level.Must, operation, Tier.Required, outcome, message, details ?? ["page 1: no Access-Control-Allow-Origin header"],
            evidence ?? Fixtures.JsonExchange("/services", Fixtures.Page(1, 1, 1, Fixtures.Service(Fixtures.Id1)), cors: null, page: 1));
}
