using System.Text.Json.Nodes;
using Conformance.Checks;

namespace Conformance.Reference.Defects;

/// <summary>
/// Defects of NPP platforms that the checks of other standards already catch. The parking checks of their own
/// (geography, references, versions, pagination, expand, periods) bring theirs with them.
/// </summary>
public static class ParkingDefects
{
    private const string Npp = "npp-1.0";

    public static IEnumerable<Defect> All() =>
    [
        new()
        {
            Name = "npp-right-specification-without-issuer", Standard = Npp, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Right specifications leave out their issuer, which the NPP requires.",
            Apply = Tamper.Records(p => p.StartsWith("/rights/specs", StringComparison.Ordinal), r => r.Remove("issuer")),
        },
        new()
        {
            Name = "npp-credential-filter-ignored", Standard = Npp, Check = FiltersFilterCheck.CheckId,
            Breaks = "credential_id is ignored: asked for one number plate, rights and sessions come back for every vehicle.",
            Apply = Tamper.Ignoring("credential_id"),
        },
        new()
        {
            Name = "npp-place-without-hierarchy-record", Standard = Npp, Check = ResponseSchemaCheck.CheckId,
            Breaks = "Places leave out hierarchyElementRecord (when and by whom they were created), which the NPP requires.",
            Apply = Tamper.Records(p => p.StartsWith("/places", StringComparison.Ordinal), r => r.Remove("hierarchyElementRecord")),
        },
        new()
        {
            Name = "trap-npp-names-in-two-languages", Standard = Npp,
            Breaks = "Every place's name is given in English and in Welsh (cy), with accents: a multilingual string may hold several languages.",
            Apply = Tamper.Records(p => p.StartsWith("/places", StringComparison.Ordinal), r =>
            {
                if (r["name"] is JsonArray names && names.Count == 1)
                    names.Add(new JsonObject { ["language"] = "cy", ["string"] = $"Maes parcio – {names[0]?["string"]} – Ŵŷ" });
            }),
        },
    ];
}
