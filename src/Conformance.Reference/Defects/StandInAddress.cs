namespace Conformance.Reference.Defects;

/// <summary>What a test client is given to talk to a stand-in: its URL, the credentials it issued and the values to use.</summary>
public sealed record StandInAddress(Uri Url, IReadOnlyDictionary<string, string> Credentials, IReadOnlyDictionary<string, string> Values);
