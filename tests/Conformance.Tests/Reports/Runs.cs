using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Reports;

/// <summary>Run results made by hand, for reporters: only what a report reads.</summary>
public static class Runs
{
    public static RunResult Of(IReadOnlyList<CheckResult> results, IReadOnlyList<Exchange>? exchanges = null, string? aborted = null,
        IReadOnlyList<OperationCoverage>? coverage = null, IReadOnlyList<string>? secrets = null, IReadOnlyList<Clause>? manual = null,
        IReadOnlyDictionary<Exchange, RequestOwner>? owners = null) => new()
    {
        StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "http://vendor.test/", SpecLocation = "file:///spec.json",
        SpecDigest = "00", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(2), Results = results,
        Diagnostics = [], ManualClauses = manual ?? [], RequestsSent = exchanges?.Count ?? results.Count, Exchanges = exchanges ?? [],
        Aborted = aborted, Coverage = coverage ?? [], Secrets = secrets ?? [],
        Owners = owners ?? new Dictionary<Exchange, RequestOwner>(ReferenceEqualityComparer.Instance),
    };

    public static CheckResult Result(Outcome outcome, Exchange? evidence = null, string check = "root-document", string clause = "ORUK-3.0/discovery",
        string operation = "GET /", string message = "m", params string[] details) =>
        new(check, clause, Level.Must, operation, Tier.Required, outcome, message, details, evidence);

    public static string Write(IReporter reporter, RunResult result) => new StringWriter().Apply(w => reporter.Write(result, w)).ToString();
}
