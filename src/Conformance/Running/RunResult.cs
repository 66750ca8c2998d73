using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>Everything a run produced. Reporters read it; nothing re-runs.</summary>
public sealed class RunResult
{
    public required string StandardId { get; init; }
    public required string StandardName { get; init; }
    public required string Target { get; init; }
    /// <summary>Whose API it is (from the vendor profile) and whether this was a demonstration; set from the request it ran.</summary>
    public Supplier Supplier { get; set; } = Supplier.Unnamed;
    /// <summary>The name reports give the API tested: "Product by Vendor", or the host where no vendor profile named it.</summary>
    public string SupplierName => Supplier.NameFor(Target);
    public required string SpecLocation { get; init; }
    public required string SpecDigest { get; init; }
    public string SpecVersion { get; init; } = "";
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required IReadOnlyList<CheckResult> Results { get; init; }
    public required IReadOnlyList<SpecDiagnostic> Diagnostics { get; init; }
    public required IReadOnlyList<Clause> ManualClauses { get; init; }
    /// <summary>Every clause of the profile, so a report can say each rule in words and not only by its id.</summary>
    public IReadOnlyList<Clause> Clauses { get; init; } = [];
    public required int RequestsSent { get; init; }
    /// <summary>
    /// Every exchange the run recorded, each once, operation by operation: the evidence results point at and the
    /// requests no result cites. An answer waited out (429, 503 with Retry-After) or refused for a lapsed token and
    /// asked again is not kept, nor the answers of an operation a stop cut off; so this may be shorter than <see cref="RequestsSent"/>.
    /// </summary>
    public IReadOnlyList<Exchange> Exchanges { get; init; } = [];
    /// <summary>The check each request sent for one check belongs to, by its exchange (held by reference); ordinary reads have none.</summary>
    public IReadOnlyDictionary<Exchange, RequestOwner> Owners { get; init; } = new Dictionary<Exchange, RequestOwner>(ReferenceEqualityComparer.Instance);
    /// <summary>Time spent honouring the server's Retry-After.</summary>
    public TimeSpan Waited { get; init; }
    /// <summary>The seed of the random page sample: --seed repeats the same pages.</summary>
    public int? Seed { get; init; }
    /// <summary>What the user should know about how the run was set up, e.g. why a standard was chosen.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Reports that could not be written, each with why: the reports that were written name them.</summary>
    public List<string> UnwrittenReports { get; } = [];

    /// <summary>Values reporters must mask (credentials, header values, keys in the target's query). Never written.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Why the run stopped early (unreachable target, cancelled), or null.</summary>
    public string? Aborted { get; init; }

    /// <summary>The client judged, for a run of the stand-in; null for a run that judged a server.</summary>
    public ClientUnderTest? Client { get; init; }

    /// <summary>What each operation covered, and what a required one lacks for a pass.</summary>
    public IReadOnlyList<OperationCoverage> Coverage { get; init; } = [];

    public string Verdict => Running.Verdict.Of(Results, Aborted, Coverage);

    public int Count(Outcome outcome) => Results.Count(r => r.Outcome == outcome);
}
