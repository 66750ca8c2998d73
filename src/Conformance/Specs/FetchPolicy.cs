using System.Net;

namespace Conformance.Specs;

/// <summary>
/// Where a spec, and each document its `$ref`s name, may be read from. A spec is input the harness did not write,
/// so nothing it says may make the harness read a local file or reach a machine the user did not point it at:
/// <list type="bullet">
/// <item>a `$ref` whose prefix --ref-map maps is read from that folder, never fetched;</item>
/// <item>a `file:` document only for a local spec, and only inside the spec's own folder;</item>
/// <item>an http(s) document is fetched only from the spec's own origin or a host --allow-remote-refs names (an
/// `$id` is an identifier: one the spec declares is resolved from it, any other is such a `$ref`);</item>
/// <item>a download connects only to the addresses its host resolves to, each checked first: public ones, the kind
/// the spec itself was fetched from, and a private network for a host --allow-remote-refs names; never loopback,
/// link-local (the cloud metadata address) or unroutable ones unless the spec itself came from there;</item>
/// <item>at most <see cref="MaxRedirects"/> redirects, each keeping the scheme and judged again;</item>
/// <item>every document at most <see cref="MaxDocumentBytes"/>, read as a stream and stopped there.</item>
/// </list>
/// </summary>
public sealed class FetchPolicy(RefMap? refMap = null)
{
    public const long DefaultMaxDocumentBytes = 20L * 1024 * 1024;
    public const int MaxRedirects = 5;

    private readonly HashSet<string> _allowedHosts = new(StringComparer.OrdinalIgnoreCase);

    public RefMap RefMap { get; } = refMap ?? new RefMap();
    public long MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>--allow-remote-refs HOST: `$ref`s to this host (any port) may be fetched.</summary>
    public void AllowRemoteRefs(string host)
    {
        var name = host.Trim().Trim('[', ']');
        var kind = name.Length == 0 ? UriHostNameType.Unknown : Uri.CheckHostName(name);
        if (kind is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6))
            throw new ConfigurationException($"--allow-remote-refs expects a host name or address, such as schemas.example.org, not '{host}'.");
        _allowedHosts.Add(HostOf(new Uri(kind == UriHostNameType.IPv6 ? $"http://[{name}]/" : $"http://{name}/")));
    }

    /// <summary>
    /// The local file a document the spec refers to is read from, or null when it is to be downloaded from its URL
    /// (each redirect and address then checked by <see cref="CheckRedirect"/> and <see cref="RefuseAddress"/>).
    /// </summary>
    /// <exception cref="SpecLoadException">It may be read from nowhere; the message names the flag that would allow it.</exception>
    public string? Locate(Uri target, SpecOrigin spec)
    {
        if (RefMap.MapToFile(target) is { } mapped) return mapped;
        if (target.IsFile)
        {
            if (!spec.IsLocal)
                throw Refused(target, $"a spec read from {spec.Authority} may not make the harness read local files");
            if (target.IsUnc || target.Host.Length > 0)
                throw Refused(target, "it names a file on another machine, which a spec may never make the harness open");
            var path = Path.GetFullPath(target.LocalPath);
            if (!path.StartsWith(spec.Folder, StringComparison.Ordinal))
                throw Refused(target, $"it is outside the spec's own folder {spec.Folder}; to read it, map its folder with --ref-map {FolderOf(target)}=DIR");
            return path;
        }
        if (target.Scheme is not ("http" or "https"))
            throw Refused(target, "the spec declares no schema by that identifier, and only http and https documents are ever fetched");
        CheckHost(target, spec);
        return null;
    }

    /// <summary>A redirect met while downloading: the same scheme, and for a document the spec refers to, the same rules as its `$ref`.</summary>
    /// <param name="spec">Null while downloading the spec itself, which the user chose and which may move to another host.</param>
    public void CheckRedirect(Uri from, Uri to, SpecOrigin? spec)
    {
        if (!to.Scheme.Equals(from.Scheme, StringComparison.OrdinalIgnoreCase))
            throw new SpecLoadException($"'{from}' redirects to '{to}', and a download only follows redirects that keep its scheme ({from.Scheme}).");
        if (spec is not null) CheckHost(to, spec);
    }

    /// <summary>Why a download may not connect to an address its host resolved to, or null when it may.</summary>
    /// <param name="spec">Null for the spec's own URL and its redirects; <paramref name="specScope"/> is then where the first request went.</param>
    public string? RefuseAddress(Uri url, IPAddress address, SpecOrigin? spec, AddressScope? specScope)
    {
        var scope = AddressScopes.Of(address);
        var from = spec?.Scope ?? specScope;
        if (scope == AddressScope.Public || scope == from) return null;
        if (spec is null && from is null) return null; // the spec's own URL: the user's choice
        var host = HostOf(url);
        if (scope == AddressScope.Private && _allowedHosts.Contains(host)) return null;
        var source = spec switch
        {
            { IsLocal: true } => "a local spec",
            { Scope: null } => "a spec read from a --ref-map folder",
            _ => $"a spec fetched from {AddressScopes.Describe(from ?? AddressScope.Public)}",
        };
        var (subject, allow) = spec is null
            ? ($"{source} may not be redirected there", "to use it, give its final URL or a local copy to --spec")
            : ($"{source} may not make the harness fetch from there", scope == AddressScope.Private
                ? $"allow it with --allow-remote-refs {host}, or read it from a local copy with --ref-map {FolderOf(url)}=DIR"
                : $"read it from a local copy with --ref-map {FolderOf(url)}=DIR");
        var at = host == address.ToString() ? host : $"its host {host} resolves to {address}, which";
        return $"'{url}' was not fetched: {at} is {AddressScopes.Describe(scope)}, and {subject}; {allow}.";
    }

    /// <summary>
    /// Why a document a server names (not the user) may not be fetched from an address, or null when it may: a public
    /// address; the naming server's own origin, which the user chose to test; a private network only for a host
    /// --allow-remote-refs names. Never loopback, link-local (the cloud metadata address) or unroutable addresses elsewhere.
    /// </summary>
    public string? RefuseNamedAddress(Uri url, IPAddress address, Uri namedBy)
    {
        var scope = AddressScopes.Of(address);
        if (scope == AddressScope.Public || new SpecOrigin(namedBy, null).IsSameOrigin(url)) return null;
        var host = HostOf(url);
        if (scope == AddressScope.Private && _allowedHosts.Contains(host)) return null;
        var allow = scope == AddressScope.Private
            ? $"allow it with --allow-remote-refs {host}, or read it from a local copy with --ref-map {FolderOf(url)}=DIR"
            : $"read it from a local copy with --ref-map {FolderOf(url)}=DIR";
        var at = host == address.ToString() ? host : $"its host {host} resolves to {address}, which";
        return $"'{url}' was not fetched: {at} is {AddressScopes.Describe(scope)}, and a document a server names is fetched only from a public address or from that server's own origin; {allow}.";
    }

    private void CheckHost(Uri target, SpecOrigin spec)
    {
        if (spec.IsSameOrigin(target) || _allowedHosts.Contains(HostOf(target))) return;
        throw Refused(target, $"it is not on the spec's own origin{(spec.IsLocal ? " (the spec is a local file)" : $" ({spec.Authority})")}; "
                              + $"allow its host with --allow-remote-refs {HostOf(target)}, or read it from a local copy with --ref-map {FolderOf(target)}=DIR");
    }

    private static SpecLoadException Refused(Uri target, string why) => new($"'{target}' was not read: {why}.");

    private static string HostOf(Uri uri) => uri.IdnHost.Trim('[', ']').ToLowerInvariant();

    /// <summary>The folder part of a URL, as a --ref-map prefix would name it.</summary>
    private static string FolderOf(Uri uri)
    {
        var text = uri.GetLeftPart(UriPartial.Path);
        return text[..(text.LastIndexOf('/') + 1)];
    }
}
