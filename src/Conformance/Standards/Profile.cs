using Conformance.Specs;

namespace Conformance.Standards;

/// <summary>
/// A standard's conformance profile (standards/ID/profile.yaml): what its text requires beyond the
/// OpenAPI document. Loaded by <see cref="ProfileLoader"/>.
/// </summary>
public sealed class Profile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    /// <summary>The folder the profile was loaded from.</summary>
    public required string Directory { get; init; }
    /// <summary>SHA-256 (hex) of profile.yaml as loaded; null for the built-in generic profile, which the harness version fixes.</summary>
    public string? Digest { get; init; }
    public required SpecReference Spec { get; init; }
    public required Endpoints Endpoints { get; init; }
    public required IReadOnlyList<Clause> Clauses { get; init; }
    public IReadOnlyList<Erratum> Errata { get; init; } = [];
    public Pagination? Pagination { get; init; }
    public Discovery? Discovery { get; init; }
    /// <summary>Query parameters with a meaning the text states; several together are cumulative (AND).</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];
    /// <summary>Open: anonymous access must work; secured: credentials are expected.</summary>
    public Access Access { get; init; } = Access.Open;
    /// <summary>The value Access-Control-Allow-Origin must have, or null when the standard says nothing.</summary>
    public string? CorsAllowOrigin { get; init; }
    /// <summary>Formats chosen by extension, when the standard has them.</summary>
    public ResponseFormats? Formats { get; init; }
    public Jurisdiction? Jurisdiction { get; init; }
    public IReadOnlyList<Lookup> Lookups { get; init; } = [];
    /// <summary>The date that says how fresh a record is, reported as information when old.</summary>
    public Freshness? Freshness { get; init; }
    /// <summary>Fields the text requires of records beyond the schema.</summary>
    public IReadOnlyList<RequiredField> RequiredFields { get; init; } = [];
    /// <summary>The writes the harness may make, and how, when a vendor allows them on a test environment.</summary>
    public IReadOnlyList<WriteRecipe> Writes { get; init; } = [];
    /// <summary>The lists that should hold data; when none are named, every paginated list.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];
    /// <summary>Which field identifies a record in each list, unique within the list.</summary>
    public IReadOnlyList<UniqueId> UniqueIds { get; init; } = [];
    /// <summary>A search circle (latitude, longitude, radius) and where records name their places.</summary>
    public Geography? Geography { get; init; }
    /// <summary>Filters on when records start and end.</summary>
    public TimeWindows? TimeWindows { get; init; }
    /// <summary>A filter for what changed since an instant.</summary>
    public ChangesSince? ChangesSince { get; init; }
    /// <summary>References to a record at a version, each to resolve at the record's endpoint asked for that version.</summary>
    public VersionedReferences? References { get; init; }
    /// <summary>Records whose updates name the next version, a stale one refused.</summary>
    public Versioning? Versions { get; init; }
    /// <summary>Optional parts a parameter adds by name.</summary>
    public Expansion? Expand { get; init; }
    /// <summary>Fields that start and end a period, wherever they stand together.</summary>
    public IReadOnlyList<Period> Periods { get; init; } = [];
    /// <summary>What the standard asks of its clients beyond the document, judged by the stand-in.</summary>
    public ClientRules Client { get; init; } = new();

    public string TranscriptionPath => Path.Combine(Directory, Spec.Transcription);

    /// <summary>The id rule for a list, by its path template, if the profile names one.</summary>
    public UniqueId? UniqueIdFor(string pathTemplate) => UniqueIds.FirstOrDefault(u => u.Endpoints.Contains(pathTemplate));

    public Tier TierOf(string path) => Endpoints.Required.Contains(path) ? Tier.Required : Tier.Optional;

    /// <summary>The rules that bind one side of the exchange: a server run reports the server's, a stand-in the client's.</summary>
    public IEnumerable<Clause> ClausesOf(Side side) => Clauses.Where(c => c.Side == side);

    /// <summary>The clause a check's findings cite in this profile, if the profile uses the check.</summary>
    public Clause? ClauseFor(string checkId) => Clauses.FirstOrDefault(c => c.Checks.Contains(checkId));
}

public sealed class SpecReference
{
    /// <summary>Our transcription, relative to the profile's folder.</summary>
    public required string Transcription { get; init; }
    /// <summary>The canonical URL where the standard's owner publishes the spec.</summary>
    public required string Published { get; init; }
    /// <summary>Repository, path and commit the transcription was made from.</summary>
    public required string Upstream { get; init; }

    /// <summary>Whether a URL (an ORUK / document's openapi_url) names the standard's own published document.</summary>
    public bool IsPublishedAt(Uri url) =>
        Uri.TryCreate(Published, UriKind.Absolute, out var published)
        && Uri.Compare(url, published, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

public sealed class Endpoints
{
    public IReadOnlyList<string> Required { get; init; } = [];
    public IReadOnlyList<string> Optional { get; init; } = [];
}
