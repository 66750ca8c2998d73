namespace Conformance.Specs;

/// <summary>The specification could not be read at all (missing file, not JSON/YAML, not OpenAPI).</summary>
public sealed class SpecLoadException(string message, Exception? inner = null) : Exception(message, inner);
