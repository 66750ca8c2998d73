namespace Conformance.Specs;

/// <summary>
/// A document's errata in one sentence, grouped by how each met it ("3 errata incorporated in our transcription"; "1
/// erratum applied to the supplier's document (X-E2), 2 not applied, as it does not hold what they correct (X-E1,
/// X-E3)"): the console and a run's notes say that much, and `conformance describe` and the reports' diagnostics say the rest.
/// </summary>
public static class ErrataSummary
{
    /// <summary>The sentence, without a full stop, or null where the document met no erratum.</summary>
    /// <param name="document">What the errata met, as the sentence names it: "the published document".</param>
    /// <param name="naming">Name the errata applied as well as those not applied (those are always named).</param>
    public static string? Of(IEnumerable<SpecDiagnostic> diagnostics, string document, bool naming = false)
    {
        var errata = diagnostics.Where(d => d is { Kind: SpecDiagnostic.Erratum, Use: not null }).ToList();
        if (errata.Count == 0) return null;
        string Ids(ErratumUse use) => string.Join(", ", errata.Where(d => d.Use == use).Select(d => d.ErratumId));
        var parts = new List<string>();
        foreach (var use in new[] { ErratumUse.Applied, ErratumUse.Incorporated, ErratumUse.NotApplied })
        {
            var n = errata.Count(d => d.Use == use);
            if (n == 0) continue;
            var count = parts.Count == 0 ? $"{n} {(n == 1 ? "erratum" : "errata")}" : $"{n}";
            parts.Add(use switch
            {
                ErratumUse.Applied => $"{count} applied to {document}{(naming ? $" ({Ids(use)})" : "")}",
                ErratumUse.Incorporated => $"{count} incorporated in our transcription{(naming ? $" ({Ids(use)})" : "")}",
                _ => $"{count} not applied, as {(parts.Count == 0 ? document : "it")} does not hold what {(n == 1 ? "it corrects" : "they correct")} ({Ids(use)})",
            });
        }
        return string.Join(", ", parts);
    }
}
