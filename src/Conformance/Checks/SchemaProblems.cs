using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;
using Json.Schema;

namespace Conformance.Checks;

/// <summary>
/// Turns a failed schema evaluation into problems a council officer can act on: the field, the value found, what was
/// expected in plain words and, where it is known, the fix. Alternatives (anyOf, oneOf) are one problem, not one per
/// branch; a failure with no message of its own (not, oneOf matched twice, contains) is explained from its keyword.
/// </summary>
public static partial class SchemaProblems
{
    /// <param name="mask">Masks the run's secrets: a value is masked before it is shortened, so no part of a secret shows.</param>
    /// <param name="schemaAt">The schema at a location the validator names, to quote what it allows (enum, pattern, const).</param>
    public static List<Problem> Of(EvaluationResults results, Exchange exchange, OperationRole role, Pagination? pagination,
        Func<string, string> mask, Func<Uri, JsonNode?>? schemaAt = null)
    {
        var details = Deciding((results.Details ?? []).ToList());
        var problems = new List<Problem>();
        // anyOf/oneOf: each branch's failures, by the keyword (where it is and what it judged) and the branch's number.
        var alternatives = new Dictionary<(string Pointer, string Keyword), SortedDictionary<int, List<string>>>();
        foreach (var detail in details.Where(d => !d.IsValid))
        {
            var pointer = detail.InstanceLocation.ToString();
            var evaluation = detail.EvaluationPath.ToString();
            var branch = Branch().Match(evaluation);
            var schema = schemaAt?.Invoke(detail.SchemaLocation);
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                if (branch.Success)
                {
                    // One branch failing says nothing alone: the alternatives are reported together, under the keyword's own field.
                    var owner = evaluation[..branch.Index];
                    var ownerPointer = details.FirstOrDefault(d => d.EvaluationPath.ToString() == owner)?.InstanceLocation.ToString() ?? pointer;
                    var within = pointer.StartsWith(ownerPointer, StringComparison.Ordinal) ? pointer[ownerPointer.Length..] : "";
                    var field = within.Length == 0 ? "" : RecordLocation.Field(Specs.JsonPointers.Tokens(within)) + " ";
                    var expectation = keyword == "required"
                        ? $"{field}must have {string.Join(" and ", Missing(message))}"
                        : $"{field}{Expected(keyword, message, schema)}";
                    var byBranch = alternatives.TryGetValue((ownerPointer, owner + "/" + branch.Groups["keyword"].Value), out var found)
                        ? found : alternatives[(ownerPointer, owner + "/" + branch.Groups["keyword"].Value)] = [];
                    var number = int.Parse(branch.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    (byBranch.TryGetValue(number, out var list) ? list : byBranch[number] = []).Add(expectation);
                    continue;
                }
                if (keyword == "required")
                {
                    var what = exchange.Xml is null ? "is missing (the schema requires it)" : "is missing or empty (the schema requires it)";
                    foreach (var missing in Missing(message))
                        problems.Add(Make(exchange, role, pagination, $"{pointer}/{Specs.JsonPointers.Escape(missing)}", what, null,
                            technical: $"required: {message}"));
                    continue;
                }
                problems.Add(Make(exchange, role, pagination, pointer, Expected(keyword, message, schema), Value(exchange.Json.Node, pointer, mask),
                    Fix(keyword, message, exchange.Json.Node, pointer), $"{(keyword.Length == 0 ? "false schema" : keyword)}: {message}"));
            }
            if (detail.Errors is not { Count: > 0 } && !branch.Success && Unexplained(detail, details) is { } reason)
                problems.Add(Make(exchange, role, pagination, pointer, reason, Value(exchange.Json.Node, pointer, mask)));
        }
        foreach (var ((pointer, _), byBranch) in alternatives)
            problems.Add(Make(exchange, role, pagination, pointer, OneOf(byBranch.Values.Select(b => string.Join(", ", b.Distinct())).ToList()),
                Value(exchange.Json.Node, pointer, mask)));
        return problems.Count > 0 ? problems : [Make(exchange, role, pagination, "", "does not satisfy the documented schema", null)];
    }

    /// <summary>
    /// What a value failed, in plain words, where the value is one argument of a request rather than a body: each broken
    /// keyword once ("must be a number", "must be one of xml, json"), prefixed by the place within it where that is
    /// not the value itself ("[1] must be a whole number" for an item of a list).
    /// </summary>
    public static List<string> Expectations(EvaluationResults results, Func<Uri, JsonNode?>? schemaAt = null)
    {
        var said = new List<string>();
        foreach (var detail in Deciding((results.Details ?? []).ToList()).Where(d => !d.IsValid && d.Errors is { Count: > 0 }))
            foreach (var (keyword, message) in detail.Errors!)
            {
                var where = detail.InstanceLocation.ToString() is { Length: > 0 } pointer
                    ? RecordLocation.Field(Specs.JsonPointers.Tokens(pointer)) + " " : "";
                var expected = where + Expected(keyword, message, schemaAt?.Invoke(detail.SchemaLocation));
                if (!said.Contains(expected)) said.Add(expected);
            }
        return said.Count > 0 ? said : ["does not satisfy its schema"];
    }

    /// <summary>
    /// The results that decided the outcome: a failure beneath a schema that held anyway (the branch of an anyOf or oneOf
    /// another branch satisfied, an `if` that chose `else`, the schema under a `not`, an item `contains` did not need)
    /// explains nothing, and is left out.
    /// </summary>
    private static List<EvaluationResults> Deciding(List<EvaluationResults> details)
    {
        var held = details.Where(d => d.IsValid).Select(d => (d.EvaluationPath.ToString(), d.InstanceLocation.ToString())).ToHashSet();
        if (held.Count == 0) return details;
        return details.Where(d => d.IsValid || !Overruled(d, held)).ToList();
    }

    private static bool Overruled(EvaluationResults detail, HashSet<(string, string)> held)
    {
        var instances = Prefixes(detail.InstanceLocation.ToString()).ToList();
        foreach (var evaluation in Prefixes(detail.EvaluationPath.ToString()).SkipLast(1)) // its ancestors, not itself
            foreach (var instance in instances)
                if (held.Contains((evaluation, instance))) return true;
        return false;
    }

    /// <summary>"/a/b" → "", "/a", "/a/b": a pointer and every pointer above it.</summary>
    private static IEnumerable<string> Prefixes(string pointer)
    {
        yield return "";
        for (var i = 1; i < pointer.Length; i++)
            if (pointer[i] == '/') yield return pointer[..i];
        if (pointer.Length > 0) yield return pointer;
    }

    /// <summary>Alternatives in plain words: "must be text or null", "must be null, or an object where a must be text".</summary>
    private static string OneOf(List<string> branches)
    {
        const string be = "must be ";
        var nouns = branches.Select(b => b.StartsWith(be, StringComparison.Ordinal) && !b.Contains(", ") ? b[be.Length..]
            : b.StartsWith("must ", StringComparison.Ordinal) ? $"a value that {b}"
            : $"an object where {b}").Distinct().ToList();
        if (branches.All(b => b.StartsWith(be, StringComparison.Ordinal) && !b.Contains(", "))) return be + string.Join(" or ", nouns);
        if (nouns.Count == 2 && nouns.Contains("null")) return $"must be null, or {nouns.Single(n => n != "null")}";
        return "must be one of: " + string.Join("; or ", nouns.Select((n, i) => $"({i + 1}) {n}"));
    }

    /// <param name="technical">The validator's own words, for the developer reading the evidence.</param>
    private static Problem Make(Exchange exchange, OperationRole role, Pagination? pagination, string pointer, string expected, string? found,
        string? fix = null, string? technical = null)
    {
        var (record, field) = RecordLocation.Of(pointer, role, pagination);
        return new Problem($"{field} {expected}", found, record is null ? null : $"{exchange.Url}#{record}",
            $"at {Location(pointer)}: {technical ?? expected}{(found is null ? "" : $"; found {found}")}", fix);
    }

    /// <summary>A keyword's failure as what was expected, in plain words; the schema, where known, says what it allows.</summary>
    private static string Expected(string keyword, string message, JsonNode? schema)
    {
        switch (keyword)
        {
            case "type" when TypeMessage().Match(message) is { Success: true } m:
                return "must be " + string.Join(" or ", m.Groups["expected"].Value.Split(", ").Select(Kind));
            case "format" when FormatMessage().Match(message) is { Success: true } f:
                return "must be " + FormatWords(f.Groups["format"].Value);
            case "enum":
                return schema?["enum"] is JsonArray allowed
                    ? $"must be one of {string.Join(", ", allowed.Take(12).Select(v => v?.ToJsonString(Readable) ?? "null"))}{(allowed.Count > 12 ? $" (or {allowed.Count - 12} more)" : "")}"
                    : "must be one of the values the schema lists";
            case "const":
                return schema is JsonObject withConst && withConst.ContainsKey("const")
                    ? $"must be {withConst["const"]?.ToJsonString(Readable) ?? "null"}" : "must be the one value the schema allows";
            case "pattern":
                return schema?["pattern"] is JsonValue pattern ? $"must match the pattern {pattern}" : "does not match the pattern the schema gives";
            case "uniqueItems":
                return "must not repeat an item";
            case "dependentRequired" or "dependencies":
                return $"must also have the fields that come with those it has ({message})";
            case "" or "false":
                return "is not allowed here (the schema allows nothing in this place)";
        }
        var should = ShouldMessage().Match(message);
        return should.Success ? "must " + should.Groups["rest"].Value : $"does not satisfy {keyword}: {message}";
    }

    /// <summary>Where we know it, how to put a value right.</summary>
    private static string? Fix(string keyword, string message, JsonNode? body, string pointer)
    {
        if (keyword != "format" || FormatMessage().Match(message) is not { Success: true } f) return null;
        var value = Specs.JsonPointers.Resolve(body ?? new JsonObject(), pointer) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return f.Groups["format"].Value switch
        {
            "date-time" when value is not null && NoZone().IsMatch(value) => "add a time zone: Z or +01:00",
            "date-time" when value is not null && value.Length > 10 && value[10] == ' ' => "put a T between the date and the time, and a time zone after it",
            "date-time" => "write it like 2026-03-01T10:00:00Z",
            "date" => "write it like 2026-03-01",
            "time" => "write it like 10:00:00Z (RFC 3339 times carry a time zone)",
            "uri" when value is not null && !value.Contains("://") => "give the whole address, starting https://",
            "uri" => "write a whole address such as https://example.org/page",
            "email" => "write an address such as name@example.org",
            "uuid" => "write a UUID such as 0d2a8a6e-54a6-4c09-8e0f-3a8f5e2d1c01",
            _ => null,
        };
    }

    /// <summary>A failure with no message: what its keyword means, read from the branches beneath it.</summary>
    private static string? Unexplained(EvaluationResults detail, List<EvaluationResults> all)
    {
        var path = detail.EvaluationPath.ToString();
        var children = all.Where(d => d.EvaluationPath.ToString().StartsWith(path + "/", StringComparison.Ordinal)
                                      && d.InstanceLocation.ToString() == detail.InstanceLocation.ToString()).ToList();
        if (children.Any(c => c.EvaluationPath.ToString() == path + "/not" && c.IsValid))
            return "is a value the schema forbids (it matches the schema under \"not\")";
        var matched = children.Count(c => Regex.IsMatch(c.EvaluationPath.ToString()[path.Length..], "^/oneOf/[0-9]+$") && c.IsValid);
        if (matched > 1) return $"matches {matched} of the alternatives (oneOf), but must match exactly one";
        if (children.Any(c => c.EvaluationPath.ToString() == path + "/contains") || path.EndsWith("/contains"))
            return "has no item of the kind the schema requires (contains)";
        return null; // a parent of failures explained elsewhere ($ref, properties, items)
    }

    /// <summary>The value at a pointer, short enough to read: text and numbers as JSON, objects and lists by kind.</summary>
    public static string? Value(JsonNode? body, string pointer, Func<string, string> mask)
    {
        if (body is null) return null;
        var node = pointer.Length == 0 ? body : Specs.JsonPointers.Resolve(body, pointer);
        return node switch
        {
            null when pointer.Length > 0 && Specs.JsonPointers.ParentOf(body, pointer).Parent is JsonObject o
                                         && o.ContainsKey(Specs.JsonPointers.Tokens(pointer)[^1]) => "null",
            null => null,
            JsonObject => "an object",
            JsonArray a => $"a list of {a.Count}",
            // Cut before it is written out (a value may be megabytes long), but masked before it is cut to its shown
            // length, so no part of a secret shows.
            _ => Truncate(mask(JsonText.Of(node) is { } text && node.GetValueKind() == JsonValueKind.String
                ? JsonSerializer.Serialize(text.Length <= 400 ? text : text[..400], Readable) : node.ToJsonString())),
        };
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "…\"";

    private static IEnumerable<string> Missing(string message)
    {
        var list = message.IndexOf('[') is var start and >= 0 && message.LastIndexOf(']') is var end && end > start ? message[start..(end + 1)] : "[]";
        try
        {
            return JsonSerializer.Deserialize<string[]>(list) ?? [];
        }
        catch (JsonException)
        {
            return [message];
        }
    }

    private static string Kind(string type) => type switch
    {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "object" => "an object",
        "array" => "a list",
        "null" => "null",
        _ => type,
    };

    private static string FormatWords(string format) => format switch
    {
        "date-time" => "a date and time with a time zone (RFC 3339)",
        "date" => "a date (YYYY-MM-DD)",
        "time" => "a time of day with a time zone (RFC 3339)",
        "uri" => "an absolute URI",
        "uri-reference" => "a URI reference",
        "email" => "an e-mail address",
        "uuid" => "a UUID",
        "ipv4" => "an IPv4 address",
        "ipv6" => "an IPv6 address",
        _ => $"in the {format} format",
    };

    private static string Location(string pointer) => pointer.Length == 0 ? "/" : pointer;

    [GeneratedRegex("""/(?<keyword>anyOf|oneOf)/(?<index>[0-9]+)(/|$)""")]
    private static partial Regex Branch();

    [GeneratedRegex("""^Value is "(?<actual>[^"]*)" but should be "(?<expected>[^"]*)"$""")]
    private static partial Regex TypeMessage();

    [GeneratedRegex("""^Value does not match format "(?<format>[^"]*)"$""")]
    private static partial Regex FormatMessage();

    [GeneratedRegex("""^(Value|.*?) should (?<rest>.*)$""")]
    private static partial Regex ShouldMessage();

    [GeneratedRegex("""^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$""")]
    private static partial Regex NoZone();
}
