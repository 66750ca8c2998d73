using Conformance.Specs;

namespace Conformance.Http;

/// <summary>A document download (<see cref="DocumentFetch"/>) as an exchange: the evidence reports show for it, like any request.</summary>
public static class DocumentExchange
{
    public static Exchange Of(DocumentFetch fetch, string operation, string purpose) => new()
    {
        Operation = operation,
        Purpose = purpose,
        Method = "GET",
        Url = fetch.Found.AbsoluteUri,
        Asked = fetch.Asked,
        RequestHeaders = [],
        Status = fetch.Status,
        ResponseHeaders = fetch.ContentType is null ? [] : [new("Content-Type", fetch.ContentType)],
        Body = fetch.Body,
        ContentType = fetch.ContentType,
        StartedAt = fetch.StartedAt,
        Duration = fetch.Duration,
        Redirects = fetch.Redirects.Select(r => new Redirect(r.Status, r.To.AbsoluteUri)).ToList(),
    };
}
