namespace Conformance.Http;

/// <summary>
/// A URL sent exactly as the harness built it. .NET's <see cref="Uri"/> un-escapes %2E and removes dot segments
/// ("/services/%2E%2E" becomes "/"), and RestSharp makes its request's Uri again from text: so a URL is made with that
/// canonicalisation off, and the probe puts it on the request message as it is.
/// </summary>
public static class ExactUrl
{
    private static readonly UriCreationOptions AsBuilt = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public static Uri Of(string text) => new(text, AsBuilt);
}
