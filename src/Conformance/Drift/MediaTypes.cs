namespace Conformance.Drift;

/// <summary>Media types as drift matches them: without parameters (charset), in lower case; a wildcard covers what it names.</summary>
public static class MediaTypes
{
    public static string Normal(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The entry of <paramref name="offered"/> that serves <paramref name="wanted"/>: the same type, else a wildcard that covers it.</summary>
    public static string? Serving(string wanted, IEnumerable<string> offered)
    {
        var list = offered.ToList();
        if (list.Contains(wanted)) return wanted;
        var family = wanted.Split('/')[0];
        return list.FirstOrDefault(o => o == $"{family}/*") ?? list.FirstOrDefault(o => o == "*/*");
    }
}
