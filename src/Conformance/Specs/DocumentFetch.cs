namespace Conformance.Specs;

/// <summary>
/// How a document was downloaded: where it was asked for and where it was found, the answer's status and media type,
/// the redirects followed and the time taken. It is the evidence for a finding about a document a server names.
/// </summary>
public sealed record DocumentFetch(
    Uri Asked,
    Uri Found,
    int Status,
    string? ContentType,
    IReadOnlyList<(int Status, Uri To)> Redirects,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    byte[] Body);
