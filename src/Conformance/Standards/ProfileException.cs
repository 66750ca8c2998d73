namespace Conformance.Standards;

/// <summary>A profile that cannot be used: unreadable, or inconsistent with itself or its spec.</summary>
public sealed class ProfileException(string message, Exception? inner = null) : Exception(message, inner);
