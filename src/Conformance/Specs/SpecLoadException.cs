namespace Conformance.Specs;

/// <summary>The specification could not be read at all (missing file, not JSON/YAML, not OpenAPI).</summary>
public sealed class SpecLoadException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// The document was reached and is itself at fault: its server answered an error status, or it is not JSON, YAML or
    /// OpenAPI. Otherwise the harness could not reach it or its rules refused it, which blames nobody.
    /// </summary>
    public bool DocumentFault { get; init; }
}
