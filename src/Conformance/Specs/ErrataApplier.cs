using System.Text.Json.Nodes;

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
                    $"Erratum {erratum.Id} ({erratum.Title}) not applied: the document does not hold what it corrects at {string.Join(", ", misses)}.")
                    { ErratumId = erratum.Id, Use = ErratumUse.NotApplied };
                continue;
            }
            foreach (var edit in erratum.Edits)
            {
                if (edit.MoveTo is null)
                {
                    Set(root, edit.At, edit.Value?.DeepClone());
                    continue;
                }
                var (parent, key) = JsonPointers.ParentOf(root, edit.At);
                var moved = JsonPointers.Step(parent!, key)!;
                ((JsonObject)parent!).Remove(key);
                Set(root, edit.MoveTo, moved);
            }
            yield return new SpecDiagnostic(SpecDiagnostic.Erratum, erratum.Edits[0].At,
                $"Erratum {erratum.Id} applied: {erratum.Title}. {erratum.Reason} (source: {erratum.Source})")
                { ErratumId = erratum.Id, Use = ErratumUse.Applied };
        }
    }

    private static bool Matches(JsonNode root, ErratumEdit edit)
    {
        if (edit.MoveTo is not null)
            return JsonPointers.ParentOf(root, edit.At) is (JsonObject from, var name) && from.ContainsKey(name)
                   && JsonPointers.ParentOf(root, edit.MoveTo) is (JsonObject to, var target) && !to.ContainsKey(target);
        var (parent, key) = JsonPointers.ParentOf(root, edit.At);
        return parent is not null && JsonNode.DeepEquals(JsonPointers.Step(parent, key), edit.Expect);
    }

    private static void Set(JsonNode root, string pointer, JsonNode? value)
    {
        var (parent, key) = JsonPointers.ParentOf(root, pointer);
        if (parent is JsonObject o) o[key] = value;
        else if (parent is JsonArray a && int.TryParse(key, out var i) && i >= 0 && i < a.Count) a[i] = value;
    }
}
