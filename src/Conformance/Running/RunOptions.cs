namespace Conformance.Running;

/// <summary>How much of a feed to sample.</summary>
public sealed record RunOptions
{
    /// <summary>Pages sampled per list in order: the first, the last, then middle ones spread evenly (plus <see cref="RandomPages"/>).</summary>
    public int MaxPages { get; init; } = 3;
    /// <summary>Pages chosen at random besides those, per list (seeded by <see cref="Seed"/>).</summary>
    public int RandomPages { get; init; } = 2;
    /// <summary>The random sample's seed; null chooses one, which the result reports so the run can be repeated.</summary>
    public int? Seed { get; init; }
    /// <summary>Walk every page of every list instead of sampling (--harvest all), up to <see cref="HarvestPages"/>.</summary>
    public bool HarvestAll { get; init; }
    /// <summary>The most pages a harvest reads of one list (--harvest-limit); where a list has more, the run's notes say so.</summary>
    public int HarvestPages { get; init; } = DefaultHarvestPages;
    public const int DefaultHarvestPages = 10_000;
    /// <summary>Ids taken from each list to look up at its /{id} endpoint.</summary>
    public int IdsPerList { get; init; } = 3;
    /// <summary>When the user sends credentials, also probe the required endpoints without them.</summary>
    public bool ProbeAnonymously { get; init; } = true;
    /// <summary>Values for path parameters by name (from a vendor profile), for operations no list supplies.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>();
    /// <summary>Query parameters sent with every request (from a vendor profile), e.g. jurisdiction_id.</summary>
    public IReadOnlyDictionary<string, string> QueryValues { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// Make the profile's writes (--allow-writes). Only ever set for a vendor profile whose environment is
    /// test; without it every write is skipped with that reason.
    /// </summary>
    public bool AllowWrites { get; init; }
    /// <summary>Also send requests made to fail (--negative): an unknown id, an invalid page number.</summary>
    public bool Negative { get; init; }
    /// <summary>
    /// Optional endpoints (by the spec's path) the vendor declares "implemented" (then held to the bar of a
    /// required one) or "not-implemented" (then it must refuse with 404 or 501); "unknown" changes nothing.
    /// </summary>
    public IReadOnlyDictionary<string, Vendors.FeatureState> Features { get; init; } = new Dictionary<string, Vendors.FeatureState>();
    /// <summary>The longest the whole run may take; past it the run stops and reports what it found (--deadline).</summary>
    public TimeSpan? Deadline { get; init; }
    /// <summary>The vendor declares an endpoint serving several jurisdictions: its refusals of a missing or unknown one are probed.</summary>
    public bool SeveralJurisdictions { get; init; }
    /// <summary>The supplier's own OpenAPI document (a vendor profile's openapi_url: a path or URL), compared with the standard's by spec-drift.</summary>
    public string? SupplierDocument { get; init; }
}

/// <summary>Progress for long runs: which operation, which request, how far through the plan.</summary>
public sealed record RunProgress(int OperationIndex, int OperationCount, string Operation, string Purpose);
