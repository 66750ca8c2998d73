namespace Conformance.Reference;

/// <summary>
/// A request as a reference implementation sees it when it needs more than method, path and query: its headers
/// (a bearer token, an access token) and its body (a record written with PUT or POST).
/// </summary>
public sealed record ReferenceRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A reference implementation's behaviour over whole requests. Pure: no HTTP.</summary>
public delegate ReferenceResponse RequestHandler(ReferenceRequest request);

public static class RequestHandlers
{
    /// <summary>
    /// A change made for the simpler <see cref="Handler"/> (a defect of the catalogue) applied to a whole-request
    /// handler: what it changes of method, path and query reaches the inner handler, with the request's own headers and body.
    /// </summary>
    public static RequestHandler Lift(Func<Handler, Handler> change, RequestHandler inner) => request =>
        change((method, path, query) => inner(request with { Method = method, Path = path, Query = query }))(request.Method, request.Path, request.Query);
}
