using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Specs;

/// <summary>
/// The value a document itself offers for a parameter, in the order a reader would trust it: the parameter's own
/// example, the first of its examples, its schema's default, the one value its enum allows, its const, then the
/// schema's own example (and Swagger 2.0's x-example). A value that is an object cannot go into a URL or header: none.
/// </summary>
public static class ParameterSuggestions
{
    public static Suggested? Of(IOpenApiParameter parameter)
    {
        var schema = parameter.Schema;
        var candidates = new (Func<JsonNode?> Value, string Source)[]
        {
            (() => parameter.Example, "its example"),
            (() => parameter.Examples?.Values.Select(e => e.Value).FirstOrDefault(v => v is not null), "its examples"),
            (() => schema?.Default, "its default"),
            (() => schema?.Enum is { Count: 1 } only ? only[0] : null, "the one value its enum allows"),
            (() => schema?.Const is { } constant ? JsonValue.Create(constant) : null, "its const"),
#pragma warning disable CS0618 // OpenAPI 3.0 documents write a schema's example as `example`, which the reader keeps there
            (() => schema?.Example, "its schema's example"),
#pragma warning restore CS0618
            (() => schema?.Examples?.FirstOrDefault(), "its schema's examples"),
            (() => parameter.Extensions?.TryGetValue("x-example", out var example) == true && example is JsonNodeExtension node ? node.Node : null, "its x-example"),
        };
        foreach (var (value, source) in candidates)
            if (Text(value()) is { } text) return new Suggested(text, source);
        return null;
    }

    /// <summary>For a required header typed as an enum, its first value is as good as any.</summary>
    public static Suggested? FirstOfEnum(SpecParameter parameter) =>
        parameter.Enum is [var first, ..] ? new Suggested(first, "the first value its enum allows") : null;

    /// <summary>A scalar as text; a list of scalars joined by commas (the form style's default); anything else none.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value => JsonText.Of(value) is { } text && !text.Any(char.IsControl) ? text : null,
        JsonArray { Count: > 0 } list when list.All(i => i is JsonValue) => string.Join(",", list.Select(JsonText.Of)),
        _ => null,
    };
}
