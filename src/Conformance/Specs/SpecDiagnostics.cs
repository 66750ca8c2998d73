using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Specs;

/// <summary>
/// A spec's diagnostics as a reader should see them: each true, naming one place that exists in the document, and
/// each told once with a count. The OpenAPI reader is wrong in known ways, and what it says wrongly is left out:
/// Swagger 2.0's validation fields on parameters, items and headers (uniqueItems, maxItems, …) are valid there; and it
/// calls circular what merely refers into another file (a real cycle is found on the document's own tree instead,
/// by <see cref="InPlaceCycles"/>).
/// </summary>
public static partial class SpecDiagnostics
{
    /// <summary>Fields a Swagger 2.0 parameter, items or header object may have (Swagger 2.0, Parameter, Items and Header Objects).</summary>
    private static readonly HashSet<string> Swagger2Fields =
    [
        "name", "in", "description", "required", "schema", "type", "format", "allowEmptyValue", "items", "collectionFormat", "default",
        "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "enum", "multipleOf",
    ];

    /// <summary>The longest a place is written: anything longer is cut back to the part of it the document has.</summary>
    public const int LongestPlace = 300;

    public static List<SpecDiagnostic> Tidy(IReadOnlyList<SpecDiagnostic> raw, string version, JsonNode? root)
    {
        var kept = new List<(SpecDiagnostic Diagnostic, int Count)>();
        var index = new Dictionary<(string, string), int>();
        foreach (var diagnostic in raw)
        {
            var (place, message) = Placed(diagnostic);
            if (IsFalse(message, place, version) || ResolvesAsWritten(message, place, root)) continue;
            place = Existing(place, root);
            if (index.TryGetValue((diagnostic.Kind, message), out var at))
            {
                kept[at] = (kept[at].Diagnostic, kept[at].Count + 1);
                continue;
            }
            index[(diagnostic.Kind, message)] = kept.Count;
            kept.Add((diagnostic with { Location = place, Message = message }, 1));
        }
        return kept.Select(k => k.Count == 1 ? k.Diagnostic
            : k.Diagnostic with { Count = k.Count, Message = $"{k.Diagnostic.Message} ({k.Count:N0} places; the first is named)" }).ToList();
    }

    /// <summary>The reader writes some places into its message ("… at #/paths/~1a/get"): the place is taken out of it.</summary>
    private static (string Place, string Message) Placed(SpecDiagnostic diagnostic)
    {
        var at = AtPlace().Match(diagnostic.Message);
        return at.Success && diagnostic.Location.Length == 0
            ? (at.Groups["place"].Value.TrimStart('#'), diagnostic.Message[..at.Index])
            : (diagnostic.Location.StartsWith("#/", StringComparison.Ordinal) ? diagnostic.Location[1..] : diagnostic.Location, diagnostic.Message);
    }

    private static bool IsFalse(string message, string place, string version)
    {
        if (message.StartsWith("Circular reference detected while resolving", StringComparison.Ordinal)) return true;
        return version.StartsWith('2') && NotValidProperty().Match(message) is { Success: true } m && Swagger2Fields.Contains(m.Groups["field"].Value)
               && (place.Contains("/parameters", StringComparison.Ordinal) || place.Contains("/headers", StringComparison.Ordinal) || place.EndsWith("/items", StringComparison.Ordinal));
    }

    /// <summary>
    /// The reader files every schema under components/schemas and says a reference elsewhere points nowhere; but
    /// validation reads the document's own tree, where the reference as written (#/components/definitions/X) resolves.
    /// </summary>
    private static bool ResolvesAsWritten(string message, string place, JsonNode? root)
    {
        if (root is null || !message.StartsWith("The schema reference", StringComparison.Ordinal) || !message.Contains("does not point to an existing")) return false;
        var written = place.StartsWith('/') ? JsonText.Of(JsonPointers.Resolve(root, place)) : null;
        return written is not null && written.StartsWith("#/", StringComparison.Ordinal)
               && JsonPointers.Resolve(root, Uri.UnescapeDataString(written[1..])) is not null;
    }

    /// <summary>
    /// A place as far as the document has it: a pointer that runs on past what exists (or is too long to read) is cut
    /// back to the deepest part that exists; text that is no pointer at all names no place.
    /// </summary>
    private static string Existing(string place, JsonNode? root)
    {
        if (place.Length == 0 || root is null) return place;
        if (!place.StartsWith('/')) return "";
        if (place.Length <= LongestPlace && JsonPointers.Resolve(root, place) is not null) return place;
        var tokens = JsonPointers.Tokens(place);
        var node = root;
        var kept = "";
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            var next = $"{kept}/{JsonPointers.Escape(token)}";
            if (node is null || next.Length > LongestPlace) break;
            kept = next;
        }
        return kept;
    }

    [GeneratedRegex(@" at (?<place>#?/\S*)$")]
    private static partial Regex AtPlace();

    [GeneratedRegex(@"^(?<field>[A-Za-z$-]+) is not a valid property")]
    private static partial Regex NotValidProperty();
}
