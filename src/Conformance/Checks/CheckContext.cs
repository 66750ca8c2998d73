using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>
/// What a check may read besides the exchanges: the spec, the standard's profile, and the run's secrets, which a
/// check masks in any value it shortens (a secret cut in two could no longer be recognised and masked later).
/// </summary>
public sealed record CheckContext(Spec Spec, Profile Profile, IReadOnlyCollection<string>? Secrets = null)
{
    public string Masked(string text) => Secrets is { Count: > 0 } secrets ? Http.Redaction.Mask(text, secrets) : text;
}
