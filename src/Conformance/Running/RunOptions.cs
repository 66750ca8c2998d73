using Conformance.Checks;

namespace Conformance.Running;

/// <summary>How much of a feed to sample, with which checks, and what else the run was asked to send.</summary>
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
    /// <summary>Values for path parameters by name (from a vendor profile), for operations no list supplies.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>();
    /// <summary>Query parameters sent with every request (from a vendor profile), e.g. jurisdiction_id.</summary>
    public IReadOnlyDictionary<string, string> QueryValues { get; init; } = new Dictionary<string, string>();
    /// <summary>Values for the header parameters the spec declares, by name (a vendor profile's header_parameters).</summary>
    public IReadOnlyDictionary<string, string> HeaderValues { get; init; } = new Dictionary<string, string>();
    /// <summary>Values for one operation's parameters by its id ("GET /trips"), then by name; they win over the others.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> OperationValues { get; init; } = new Dictionary<string, Dictionary<string, string>>();
    /// <summary>
    /// Make the profile's writes (--allow-writes). Only ever set for a vendor profile whose environment is
    /// test; without it every write is skipped with that reason.
    /// </summary>
    public bool AllowWrites { get; init; }
    /// <summary>
    /// The opt-in groups of requests the run was asked for, by name (<see cref="Evidence.OptIn"/>): --negative, --probe
    /// NAME, a vendor profile's several_jurisdictions. A check with an opt-in sends its requests only when named here.
    /// </summary>
    public IReadOnlySet<string> OptIns { get; init; } = new HashSet<string>();
    /// <summary>The checks a run may use (those its profile cites are used), in the order results are reported.</summary>
    public IReadOnlyList<Check> Checks { get; init; } = CheckCatalogue.All;
    /// <summary>
    /// Optional endpoints (by the spec's path) the vendor declares "implemented" (then held to the bar of a
    /// required one) or "not-implemented" (then it must refuse with 404 or 501); "unknown" changes nothing.
    /// </summary>
    public IReadOnlyDictionary<string, Vendors.FeatureState> Features { get; init; } = new Dictionary<string, Vendors.FeatureState>();
    /// <summary>The longest the whole run may take; past it the run stops and reports what it found (--deadline).</summary>
    public TimeSpan? Deadline { get; init; }
    /// <summary>The supplier's own OpenAPI document (a vendor profile's openapi_url: a path or URL), compared with the standard's by spec-drift.</summary>
    public string? SupplierDocument { get; init; }
}

/// <summary>Progress for long runs: which operation, which request, how far through the plan.</summary>
public sealed record RunProgress(int OperationIndex, int OperationCount, string Operation, string Purpose);
