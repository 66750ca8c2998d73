namespace Conformance.Specs;

/// <summary>Reads a document (a spec or a file it references) from a path, a file: URI or an http(s) URL.</summary>
public sealed class SpecSource(RefMap refMap, HttpClient? http = null)
{
    // One client for spec downloads, as .NET recommends; it holds no run state.
    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _http = http ?? SharedHttp;

    public RefMap RefMap { get; } = refMap;

    public static Uri ToUri(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri
            : new UriBuilder { Scheme = Uri.UriSchemeFile, Host = "", Path = Path.GetFullPath(pathOrUrl) }.Uri; // explicit: '#' in a $ref stays a fragment

    public string Read(Uri uri)
    {
        var location = uri.IsFile ? uri.LocalPath : RefMap.MapToFile(uri);
        if (location is not null)
        {
            if (!File.Exists(location))
                throw new SpecLoadException($"Cannot read '{uri}': file '{location}' does not exist.");
            return File.ReadAllText(location);
        }
        try
        {
            using var response = _http.GetAsync(uri).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                throw new SpecLoadException($"Cannot read '{uri}': the server answered {(int)response.StatusCode}.");
            return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new SpecLoadException($"Cannot read '{uri}': {e.Message} (use --ref-map to map it to a local folder).", e);
        }
    }
}
