using System.Text.Json;
using Json.Schema;

namespace Conformance.Specs;

/// <summary>
/// Which `format`s a response is held to. The standards require formats (ORUK: "formats included"), so format
/// assertion is on, but only for formats whose validators make no false failure on the official JSON Schema Test
/// Suite's optional/format tests (a test proves it). The validators for hostname, idn-hostname, iri and regex
/// (ECMA-262 patterns read by .NET) reject values the suite says are valid: those formats are read as
/// annotations, and pass.
/// Formats nobody defines (csv, datetime, ...) pass too.
/// </summary>
public static class FormatAssertion
{
    public static IReadOnlyList<string> Asserted { get; } =
    [
        "date", "date-time", "time", "duration", "email", "idn-email", "ipv4", "ipv6", "uri", "uri-reference",
        "iri-reference", "uri-template", "uuid", "json-pointer", "relative-json-pointer",
    ];

    public static IReadOnlyList<string> AnnotationOnly { get; } = ["hostname", "idn-hostname", "iri", "regex"];

    /// <summary>The formats an evaluation uses: the library's own, with the unproven ones made to pass.</summary>
    public static FormatRegistry Registry { get; } = Build();

    private static FormatRegistry Build()
    {
        var registry = new FormatRegistry();
        foreach (var key in AnnotationOnly) registry.Register(new PredicateFormat(key, _ => true));
        foreach (var key in Asserted) registry.Register(Tolerant(FormatRegistry.Global.Get(key)));
        return registry;
    }

    /// <summary>A validator that throws on a value it cannot parse (e.g. Arabic-Indic digits) has rejected it.</summary>
    private static PredicateFormat Tolerant(Format inner) => new(inner.Key, (JsonElement element, out string? error) =>
    {
        try
        {
            return inner.Validate(element, out error);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            error = $"Value does not match format \"{inner.Key}\"";
            return false;
        }
    });
}
