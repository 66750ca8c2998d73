using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>
/// A named correction to a published spec, stated in the profile with the reason and the source that
/// shows what the standard means. Applied whenever the published document is used, and reported.
/// </summary>
public sealed class Erratum
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Reason { get; init; }
    public required string Source { get; init; }
    public required IReadOnlyList<ErratumEdit> Edits { get; init; }
}

/// <summary>
/// One edit: at a JSON Pointer, the published document holds <see cref="Expect"/> (null: nothing there),
/// and the corrected one holds <see cref="Value"/>. With <see cref="MoveTo"/>, whatever is at the pointer
/// moves there instead (a path named wrongly), which needs something at the pointer and nothing at MoveTo.
/// </summary>
public sealed record ErratumEdit(string At, JsonNode? Expect, JsonNode? Value, string? MoveTo = null);
