using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;

namespace Conformance.Specs;

/// <summary>
/// Turns a YAML (or JSON, which is YAML) text into a JsonNode, typing plain scalars the way YAML 1.2's
/// core schema does, so that one JSON tree serves errata, the OpenAPI reader and the schema validator. The text
/// is read as a stream of parser events, without recursion, so that a hostile document is refused, not obeyed:
/// nesting is bounded, and so is what aliases may add by repeating their anchors (a "billion laughs" would
/// otherwise grow to gigabytes).
/// </summary>
public static partial class YamlToJson
{
    /// <summary>Every JSON reader downstream stops at 64 levels; the deepest published spec we hold has 31.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes aliases may add in all: real documents repeat a few small anchors, an alias bomb adds billions.</summary>
    public const long MaxAliasNodes = 100_000;

    /// <param name="asText">
    /// Where a plain scalar is kept as the text written rather than typed, by the keys (and list positions) above it:
    /// a profile's parameter values are text, so 091620000000 keeps its leading 0 and 2024010112 is not a number.
    /// </param>
    /// <remarks>
    /// YamlDotNet refuses some documents YAML 1.2 allows (and libyaml, PyYAML, js-yaml read): a line holding only
    /// spaces before a block scalar's first line of text ("found extra spaces in first line"), and the lines of a
    /// multi-line quoted scalar written from the margin ("found wrong indentation"). The first is an empty line to
    /// YAML, and a quoted scalar's lines lose their leading spaces when folded, so a document refused is read again
    /// with such lines emptied and indented (<see cref="Normalised"/>): what they mean is unchanged. A document still
    /// refused then is truly invalid, and the first refusal, with its line, is what is thrown.
    /// </remarks>
    public static JsonNode? Convert(string text, Func<IReadOnlyList<string>, bool>? asText = null)
    {
        try
        {
            return Read(text, asText);
        }
        catch (YamlException refused) when (Normalised(text) is var normalised && normalised != text)
        {
            try
            {
                return Read(normalised, asText);
            }
            catch (YamlException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(refused).Throw();
                throw;
            }
        }
    }

    private static JsonNode? Read(string text, Func<IReadOnlyList<string>, bool>? asText)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = new Builder(asText).Read(parser);
        parser.Consume<DocumentEnd>(); // later documents of a stream are not read, as before
        return root;
    }

    /// <summary>
    /// The text with each line that holds only spaces and tabs made empty, and each later line of a quoted scalar that
    /// starts left of its key indented past it; line breaks are kept, so line numbers hold.
    /// </summary>
    public static string Normalised(string text)
    {
        var lines = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^[ \t]+(?=\r?$)", "").Split('\n');
        char? quote = null;
        var indent = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            int from;
            if (quote is null)
            {
                var start = QuotedValue().Match(line);
                if (!start.Success) continue;
                quote = start.Groups["quote"].Value[0];
                indent = start.Groups["indent"].Length + 2;
                from = start.Groups["quote"].Index + 1;
            }
            else
            {
                var leading = line.Length - line.TrimStart(' ').Length;
                if (line.TrimEnd('\r').Length > 0 && leading < indent) lines[i] = line = new string(' ', indent - leading) + line;
                from = 0;
            }
            if (Closes(line, from, quote.Value)) quote = null;
        }
        return string.Join('\n', lines);
    }

    /// <summary>Whether a quoted scalar open at <paramref name="from"/> ends on this line ("\"" and '' escape a quote).</summary>
    private static bool Closes(string line, int from, char quote)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (quote == '"' && line[i] == '\\') i++;
            else if (line[i] == quote)
            {
                if (quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'') i++;
                else return true;
            }
        }
        return false;
    }

    /// <summary>A value (after "key: " or "- ") that opens with a quote.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<indent> *)(?:- +)?(?:[^\s#'""-][^#'""]*?:[ \t]+)?(?<quote>[""'])")]
    private static partial System.Text.RegularExpressions.Regex QuotedValue();

    private sealed class Builder(Func<IReadOnlyList<string>, bool>? asText)
    {
        private sealed class Open(JsonNode container, AnchorName anchor)
        {
            public JsonNode Container { get; } = container;
            public AnchorName Anchor { get; } = anchor;
            public string? Key { get; set; }
            public long Nodes { get; set; } = 1;
        }

        private readonly Stack<Open> _open = new();
        private readonly Dictionary<string, (JsonNode? Node, long Nodes)> _anchors = [];
        private long _aliasNodes;
        private JsonNode? _root;
        private bool _done;

        public JsonNode? Read(IParser parser)
        {
            while (!_done)
            {
                var next = parser.Consume<ParsingEvent>();
                switch (next)
                {
                    case Scalar scalar when _open.TryPeek(out var map) && map.Container is JsonObject && map.Key is null:
                        SetKey(map, scalar.Value, scalar);
                        Remember(scalar.Anchor, JsonValue.Create(scalar.Value), 1);
                        break;
                    case Scalar scalar:
                        var value = scalar is { Style: ScalarStyle.Plain, Value.Length: > 0 } && asText?.Invoke(PathHere()) == true
                            ? JsonValue.Create(scalar.Value) : ToScalar(scalar);
                        Remember(scalar.Anchor, value, 1);
                        Add(value, 1);
                        break;
                    case AnchorAlias alias:
                        Repeat(alias);
                        break;
                    case SequenceStart start:
                        Push(new JsonArray(), start.Anchor, start);
                        break;
                    case MappingStart start:
                        Push(new JsonObject(), start.Anchor, start);
                        break;
                    case SequenceEnd or MappingEnd:
                        var done = _open.Pop();
                        Remember(done.Anchor, done.Container, done.Nodes);
                        Add(done.Container, done.Nodes);
                        break;
                }
            }
            return _root;
        }

        /// <summary>The keys (and list positions) from the root down to the value being read.</summary>
        private List<string> PathHere() =>
            _open.Reverse().Select(o => o.Container is JsonArray list ? list.Count.ToString(CultureInfo.InvariantCulture) : o.Key ?? "").ToList();

        private void Push(JsonNode container, AnchorName anchor, ParsingEvent at)
        {
            if (_open.TryPeek(out var map) && map.Container is JsonObject && map.Key is null)
                throw new YamlException(at.Start, at.End, "A mapping key must be a scalar.");
            if (_open.Count == MaxDepth)
                throw new SpecLoadException($"The document nests deeper than {MaxDepth} levels (line {at.Start.Line}); refused.");
            _open.Push(new Open(container, anchor));
        }

        /// <summary>An alias adds a copy of its anchor's node, counted against <see cref="MaxAliasNodes"/> before it is made.</summary>
        private void Repeat(AnchorAlias alias)
        {
            // An anchor is known once its node is complete, so an alias inside its own anchor names nothing yet.
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                throw new YamlException(alias.Start, alias.End, $"The alias *{alias.Value} names no complete anchor before it.");
            if (_open.TryPeek(out var map) && map.Container is JsonObject && map.Key is null)
            {
                SetKey(map, anchored.Node is JsonValue v && v.TryGetValue<string>(out var key) ? key : anchored.Node?.ToJsonString() ?? "", alias);
                return;
            }
            _aliasNodes += anchored.Nodes;
            if (_aliasNodes > MaxAliasNodes)
                throw new SpecLoadException($"The document's YAML aliases would add more than {MaxAliasNodes:N0} nodes (line {alias.Start.Line}): an alias bomb is refused, not expanded.");
            Add(anchored.Node?.DeepClone(), anchored.Nodes);
        }

        private void Remember(AnchorName anchor, JsonNode? node, long nodes)
        {
            if (!anchor.IsEmpty) _anchors[anchor.Value] = (node, nodes);
        }

        private static void SetKey(Open map, string key, ParsingEvent at)
        {
            if (((JsonObject)map.Container).ContainsKey(key))
                throw new YamlException(at.Start, at.End, $"Duplicate key '{key}'.");
            map.Key = key;
        }

        private void Add(JsonNode? node, long nodes)
        {
            if (!_open.TryPeek(out var parent))
            {
                (_root, _done) = (node, true);
                return;
            }
            parent.Nodes += nodes;
            if (parent.Container is JsonArray array) array.Add(node);
            else
            {
                ((JsonObject)parent.Container)[parent.Key!] = node;
                parent.Key = null;
            }
        }
    }

    private static JsonNode? ToScalar(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(value);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (LooksNumeric(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    private static bool LooksNumeric(string value) =>
        value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') && !value.Contains(':');
}
