using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Conformance.Specs;

/// <summary>
/// Finds the line of a node in a YAML file by its path (keys and indexes), so an error in a profile can
/// say where to look. The deepest node that exists on the path is used.
/// </summary>
public static class YamlLocator
{
    /// <summary>The line of the value at a path, or with <paramref name="atKey"/> of the key that holds it.</summary>
    public static int? LineOf(string file, IEnumerable<object> path, bool atKey = false)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            if (stream.Documents.Count == 0) return null;
            YamlNode node = stream.Documents[0].RootNode;
            YamlNode? key = null;
            foreach (var step in path)
            {
                key = null;
                YamlNode? next = (node, step) switch
                {
                    (YamlMappingNode map, string name) => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == name) is var pair && pair.Key is not null
                        ? (key = pair.Key) is not null ? pair.Value : null : null,
                    (YamlSequenceNode seq, int index) when index >= 0 && index < seq.Children.Count => seq.Children[index],
                    _ => null,
                };
                if (next is null) break;
                node = next;
            }
            return (int)(atKey && key is not null ? key : node).Start.Line;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    /// <summary>A System.Text.Json path such as "$.clauses[3].level" as keys and indexes.</summary>
    public static IEnumerable<object> FromJsonPath(string? jsonPath) =>
        Regex.Matches(jsonPath ?? "", @"\.([A-Za-z0-9_]+)|\[(\d+)\]")
            .Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value));
}
