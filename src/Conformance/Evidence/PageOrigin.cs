using System.Text.Json.Nodes;
using System.Text.Json;
using Conformance.Http;
using Conformance.Standards;

namespace Conformance.Evidence;

/// <summary>
/// Where a list's page numbers start. The standards count from 1, but Spring-style feeds count from 0, so asking
/// for page 1 first misses their first page. Where the profile looks for them, page 1 saying it is not the first
/// page sends the harness to page 0, and page 0 saying it is the first settles it.
/// </summary>
public static class PageOrigin
{
    /// <summary>The purpose of the request for page 0.</summary>
    public const string Probe = "page 0 (page 1 says it is not the first page)";

    /// <summary>
    /// The request for page 0, unless it turns out to be the first page: it belongs to the check that uses it
    /// (<see cref="RequestOwner.Uses"/>), and no other check sees it.
    /// </summary>
    public static readonly RequestKind PageZero = new("page zero");

    /// <summary>The page answered and its first-page flag is false.</summary>
    public static bool SaysNotFirst(Exchange page, Pagination p) => Flag(page, p) == false;

    /// <summary>The page answered and its first-page flag is true.</summary>
    public static bool SaysFirst(Exchange page, Pagination p) => Flag(page, p) == true;

    /// <summary>What the run's notes say was found.</summary>
    public static string Note(string operation, Pagination p, bool fromZero) => fromZero
        ? $"{operation} counts its pages from 0: page 1 said {p.FirstPage}=false and page 0 said {p.FirstPage}=true, so page 0 was sampled as the first page."
        : $"{operation}: page 1 said {p.FirstPage}=false, but page 0 did not say {p.FirstPage}=true, so pages were sampled from 1.";

    private static bool? Flag(Exchange page, Pagination p) =>
        page.IsSuccess && page.Json.Node is JsonObject body && body[p.FirstPage] is JsonValue flag
        && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? flag.GetValue<bool>() : null;
}
