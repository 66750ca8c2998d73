using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Specs;

/// <summary>
/// Reading our own YAML formats (standard profiles, vendor profiles): snake_case keys, unknown keys refused,
/// and every problem reported as "file, line N: message" through the caller's exception type.
/// </summary>
public static class YamlDocuments
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The file's top-level mapping; <paramref name="fail"/> makes the exception for any problem.</summary>
    public static JsonObject ReadMapping(string file, string expected, Func<string, Exception?, Exception> fail)
    {
        try
        {
            return YamlToJson.Convert(File.ReadAllText(file)) as JsonObject
                   ?? throw fail($"{file}: expected a mapping of keys ({expected}).", null);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw fail($"{file}, line {e.Start.Line}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SpecLoadException)
        {
            throw fail($"{file}: {e.Message}", e);
        }
    }

    /// <summary>The mapping as <typeparamref name="T"/>; a type or key error names the line it comes from.</summary>
    public static T Deserialize<T>(string file, JsonObject node, Func<string, Exception?, Exception> fail)
    {
        try
        {
            return node.Deserialize<T>(SnakeCase) ?? throw fail($"{file}: the document is empty.", null);
        }
        catch (JsonException e)
        {
            var line = YamlLocator.LineOf(file, YamlLocator.FromJsonPath(e.Path));
            var message = System.Text.RegularExpressions.Regex.Match(e.Message, "The JSON property '([^']+)' could not be mapped") is { Success: true } unknown
                ? $"unknown key '{unknown.Groups[1].Value}'"
                : e.Message.Split(" Path:")[0];
            throw fail($"{file}{(line is null ? "" : $", line {line}")}: {message}", e);
        }
    }
}
