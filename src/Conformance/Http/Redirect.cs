namespace Conformance.Http;

/// <summary>One redirect the probe followed: the status that asked for it and where it led (secrets masked).</summary>
public sealed record Redirect(int Status, string Location);
