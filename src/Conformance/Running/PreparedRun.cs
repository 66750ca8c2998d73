using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// A run ready to start: the request with its standard settled ("auto" chosen from the target), the profile and the
/// spec loaded and shown to agree, and what the user should be told about how it was set up.
/// </summary>
public sealed record PreparedRun(RunRequest Request, Profile Profile, Spec Spec, IReadOnlyList<string> Notes);
