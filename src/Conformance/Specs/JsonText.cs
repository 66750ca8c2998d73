using System.Text.Json.Nodes;

namespace Conformance.Specs;

/// <summary>
/// A JSON value as text, or null when it cannot be text: a server may send a lone surrogate (\ud800), which
/// .NET refuses to turn into a string. Reading data must never throw.
/// </summary>
public static class JsonText
{
    public static string? Of(JsonNode? node)
    {
        try
        {
            return node?.ToString();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
