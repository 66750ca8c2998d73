using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Checks;

/// <summary>What a check may read besides the exchanges: the spec and the standard's profile.</summary>
public sealed record CheckContext(Spec Spec, Profile Profile);
