using System.Text.Json.Nodes;
using Conformance.Standards;

namespace Conformance.Specs;

/// <summary>
/// Applies a profile's errata to a spec's JSON tree. An edit only applies where the document still holds
/// what the erratum expects, so a fixed upstream (or another document) is never silently rewritten.
/// </summary>
public static class ErrataApplier
{
    public static IEnumerable<SpecDiagnostic> Apply(JsonNode root, IEnumerable<Erratum> errata)
    {
        foreach (var erratum in errata)
        {
            var misses = erratum.Edits.Where(e => !Matches(root, e)).Select(e => e.At).ToList();
            if (misses.Count > 0)
            {
                yield return new SpecDiagnostic(SpecDiagnostic.Erratum, misses[0],
                    $"Erratum {erratum.Id} ({erratum.Title}) not applied: the document does not hold what it corrects at {string.Join(", ", misses)}.");
                continue;
            }
            foreach (var edit in erratum.Edits) Set(root, edit.At, edit.Value?.DeepClone());
            yield return new SpecDiagnostic(SpecDiagnostic.Erratum, erratum.Edits[0].At,
                $"Erratum {erratum.Id} applied: {erratum.Title}. {erratum.Reason} (source: {erratum.Source})");
        }
    }

    private static bool Matches(JsonNode root, ErratumEdit edit)
    {
        var (parent, key) = Locate(root, edit.At);
        if (parent is null) return false;
        var current = parent is JsonObject o ? (o.TryGetPropertyValue(key, out var v) ? v : null)
            : parent is JsonArray a && int.TryParse(key, out var i) && i < a.Count ? a[i] : null;
        return JsonNode.DeepEquals(current, edit.Expect);
    }

    private static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var (parent, key) = Locate(root, pointer);
        if (parent is JsonObject o) o[key] = value;
        else if (parent is JsonArray a) a[int.Parse(key)] = value;
    }

    /// <summary>The container that holds the pointer's last token, and that token.</summary>
    private static (JsonNode? Parent, string Key) Locate(JsonNode root, string pointer)
    {
        var tokens = pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
        if (tokens.Count == 0) return (null, "");
        JsonNode? node = root;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(token, out var v) ? v : null,
                JsonArray a when int.TryParse(token, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return (null, "");
        }
        return (node, tokens[^1]);
    }
}
