namespace Conformance;

/// <summary>Something the user set up cannot work (a malformed --ref-map, a busy port): exit 2, one sentence.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
