namespace Conformance.Evidence;

/// <summary>
/// The parameter values one operation's requests carry: path values, query pairs and header parameters, each given by
/// the user (a vendor profile, per operation or for all) or taken from the document (<see cref="Guessed"/>).
/// </summary>
public sealed record RequestValues
{
    public static RequestValues None { get; } = new();

    public IReadOnlyDictionary<string, string> Path { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    /// <summary>Values nobody gave: the harness took them from the document, so a refusal of them is its problem, not the server's.</summary>
    public IReadOnlyList<GuessedValue> Guessed { get; init; } = [];

    /// <summary>The query as sent, escaped.</summary>
    public string QueryString => string.Join("&", Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

    /// <summary>The same values without the path's guesses, when the path was filled some other way (ids from a list).</summary>
    public RequestValues WithoutGuessedPath() => this with { Guessed = Guessed.Where(g => g.In != "path").ToList() };
}

/// <summary>A value the harness took from the document for a parameter nobody gave a value for.</summary>
public sealed record GuessedValue(string In, string Name, string Value, string Source)
{
    public override string ToString() => $"{Name}={Value} ({In}, {Source})";
}
