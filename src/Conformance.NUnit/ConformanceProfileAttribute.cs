namespace Conformance.NUnit;

/// <summary>
/// The vendor profile a suite runs (docs/vendor-profiles.md). A relative path is read from the test assembly's folder,
/// so copy the file to the output. Without it the run setting ConformanceProfile, then $CONFORMANCE_PROFILE, names it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ConformanceProfileAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
