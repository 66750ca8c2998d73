using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Specs;

/// <summary>
/// JSON Schema patterns are ECMAScript regular expressions; .NET's dialect knows Unicode categories only by their
/// short names. `\p{Letter}` (or `\p{gc=Letter}`) is rewritten to `\p{L}` in `pattern` values and
/// `patternProperties` names, so a valid pattern is never a schema the harness cannot use.
/// </summary>
public static partial class EcmaPatterns
{
    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M",
        ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N",
        ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z",
        ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp", ["Other"] = "C",
        ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    [GeneratedRegex(@"\\([pP])\{(?:gc=|General_Category=)?([A-Za-z_]+)\}")]
    private static partial Regex Property();

    public static string ToDotNet(string pattern) => Property().Replace(pattern,
        m => Categories.TryGetValue(m.Groups[2].Value, out var shortName) ? $"\\{m.Groups[1].Value}{{{shortName}}}" : m.Value);

    public static void Translate(JsonNode? node, int depth = 0)
    {
        if (depth > 512) return;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (key == "pattern" && child is JsonValue v && v.TryGetValue<string>(out var pattern))
                        obj[key] = ToDotNet(pattern);
                    else if (key == "patternProperties" && child is JsonObject map)
                        foreach (var (name, schema) in map.ToList().Where(p => ToDotNet(p.Key) != p.Key))
                        {
                            map.Remove(name);
                            map[ToDotNet(name)] = schema;
                        }
                    Translate(obj[key], depth + 1);
                }
                break;
            case JsonArray array:
                foreach (var child in array) Translate(child, depth + 1);
                break;
        }
    }
}
