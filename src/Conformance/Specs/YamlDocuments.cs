using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;

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
    /// <param name="asText">Where, by the keys above it, a plain scalar is read as the text written (see <see cref="YamlToJson.Convert"/>).</param>
    public static JsonObject ReadMapping(string file, string expected, Func<string, Exception?, Exception> fail, Func<IReadOnlyList<string>, bool>? asText = null)
    {
        try
        {
            return YamlToJson.Convert(File.ReadAllText(file), asText) as JsonObject
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

    /// <summary>The values an enumeration of ours is written as, when a message says a value could not become one.</summary>
    private static IReadOnlyList<string>? EnumNamed(string message)
    {
        var named = System.Text.RegularExpressions.Regex.Match(message, @"could not be converted to (System\.Nullable`1\[)?(?<type>Conformance\.[\w.]+)");
        if (!named.Success || typeof(YamlDocuments).Assembly.GetType(named.Groups["type"].Value.TrimEnd('.')) is not { IsEnum: true } type) return null;
        return type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false).OfType<JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name ?? f.Name)
            .ToList();
    }

    /// <summary>The key a JSON path ends in ("$.auth.type" → "type"; "$.features['/x']" → "/x").</summary>
    private static string Key(string? path) =>
        path is null ? "a value" : System.Text.RegularExpressions.Regex.Match(path, @"(\['(?<quoted>[^']*)'\]|\.(?<plain>[^.\[]+))$") is { Success: true } m
            ? m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value
            : path;

    /// <summary>The mapping as <typeparamref name="T"/>; a type or key error names the line it comes from.</summary>
    public static T Deserialize<T>(string file, JsonObject node, Func<string, Exception?, Exception> fail)
    {
        try
        {
            return node.Deserialize<T>(SnakeCase) ?? throw fail($"{file}: the document is empty.", null);
        }
        catch (JsonException e)
        {
            var path = YamlLocator.FromJsonPath(e.Path).ToList();
            var unknown = System.Text.RegularExpressions.Regex.Match(e.Message, "The JSON property '([^']+)' could not be mapped");
            // The reader may have gone on into an unknown key's value: the line is the key's own.
            if (unknown.Success && path.FindLastIndex(p => Equals(p, unknown.Groups[1].Value)) is var at and >= 0) path = path[..(at + 1)];
            var missing = System.Text.RegularExpressions.Regex.Match(e.Message, "missing required properties including: (.+)\\.$");
            var line = YamlLocator.LineOf(file, path, atKey: unknown.Success);
            var message = unknown.Success ? $"unknown key '{unknown.Groups[1].Value}'"
                : missing.Success ? $"required key(s) missing: {missing.Groups[1].Value}"
                : EnumNamed(e.Message) is { } allowed ? $"{Key(e.Path)} must be {string.Join(", ", allowed.SkipLast(1))} or {allowed[^1]}"
                : e.Message.Split(" Path:")[0];
            throw fail($"{file}{(line is null ? "" : $", line {line}")}: {message}", e);
        }
    }
}
