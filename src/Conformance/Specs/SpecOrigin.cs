namespace Conformance.Specs;

/// <summary>
/// Where the spec itself was read from: a local file, or a URL and the kind of address it was fetched from. The
/// documents the spec refers to are judged against it (<see cref="FetchPolicy"/>).
/// </summary>
public sealed record SpecOrigin(Uri Location, AddressScope? Scope)
{
    public bool IsLocal => Location.IsFile;

    /// <summary>The folder of a local spec, ending with a separator, so that a prefix test cannot match a sibling folder.</summary>
    public string Folder => Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Path.GetFullPath(Location.LocalPath))!) + Path.DirectorySeparatorChar;

    /// <summary>The same scheme, host and port as a spec given by URL (RFC 6454 §4).</summary>
    public bool IsSameOrigin(Uri uri) =>
        !IsLocal && uri.Scheme.Equals(Location.Scheme, StringComparison.OrdinalIgnoreCase)
                 && uri.IdnHost.Equals(Location.IdnHost, StringComparison.OrdinalIgnoreCase) && uri.Port == Location.Port;

    public string Authority => Location.GetLeftPart(UriPartial.Authority);
}
