namespace Conformance.Standards;

/// <summary>How strongly a clause binds (RFC 2119): only a MUST on a required endpoint can fail a run.</summary>
public enum Level { Must, Should, May }

/// <summary>Whether the standard requires an endpoint or leaves it optional.</summary>
public enum Tier { Required, Optional }
