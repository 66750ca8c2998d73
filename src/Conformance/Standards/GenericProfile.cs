using Conformance.Specs;

namespace Conformance.Standards;

/// <summary>
/// The profile for "any OpenAPI document": no standard's text, only what the document itself promises.
/// Every operation is held to it (tier required): it answers, with a documented status and media type, a
/// body its schema allows, and never a server error; and it should answer where the document says, without a redirect.
/// </summary>
public static class GenericProfile
{
    public const string Id = "openapi";

    public static Profile For(Spec spec) => new()
    {
        Id = Id,
        Name = "OpenAPI document",
        Version = spec.OpenApiVersion,
        Directory = "",
        Spec = new SpecReference { Transcription = "", Published = spec.Location.ToString(), Upstream = spec.Location.ToString() },
        Endpoints = new Endpoints { Required = spec.Operations.Select(o => o.Path).Distinct().ToList() },
        Access = Access.Unspecified,
        Clauses =
        [
            Clause("OAS/operation-answers", "Each documented operation answers a valid request with a success status.", "endpoint-answers"),
            Clause("OAS/documented-status", "Every status returned is one the document lists for the operation.", "status-code-documented"),
            Clause("OAS/documented-media-type", "Every response carries a media type the document lists for it.", "content-type-documented"),
            Clause("OAS/response-schema", "Every response body validates against the schema the document gives for it.", "response-schema"),
            Clause("OAS/no-server-error", "No request the harness sends is answered with a 5xx server error.", "no-server-error"),
            Clause("OAS/documented-url", "Each operation answers at the URL the document gives, not through a redirect (followed within the origin only).",
                "no-redirect", Level.Should, "OpenAPI Specification: Server Object and Paths Object; RFC 9110 §15.4"),
        ],
    };

    private static Clause Clause(string id, string statement, string check, Level level = Level.Must,
        string source = "OpenAPI Specification: Responses Object and Media Type Object") => new()
    {
        Id = id,
        Level = level,
        Statement = statement,
        Source = source,
        Checks = [check],
    };
}
