using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Conformance.Specs;

/// <summary>
/// Builds JSON Schemas (JsonSchema.Net, 2020-12) for the response schemas of a spec. The spec itself is
/// registered as a base document so local $refs resolve into it; other documents (relative files or
/// remote URLs mapped by --ref-map) are read on demand. A schema that cannot be built is a spec diagnostic.
/// </summary>
public sealed class ResponseSchemas
{
    private readonly SchemaRegistry _registry = new();
    private readonly SpecSource _source;
    private readonly bool _normalise;
    private readonly List<SpecDiagnostic> _diagnostics;
    private readonly Uri _location;
    private readonly ConcurrentDictionary<string, (JsonSchema? Schema, string? Problem)> _built = new();
    private readonly Lock _buildLock = new();

    public ResponseSchemas(Uri location, JsonNode validationRoot, SpecSource source, bool normalise, List<SpecDiagnostic> diagnostics)
    {
        _location = ForValidator(location);
        _source = source;
        _normalise = normalise;
        _diagnostics = diagnostics;
        _registry.Register(_location, new JsonElementBaseDocument(ToElement(validationRoot), _location));
        _registry.Fetch = (uri, _) => FetchDocument(uri);
    }

    // Specs' schemas carry many non-JSON-Schema keywords (example, name, core, datapackage_metadata...):
    // JSON Schema 2020-12 ignores unknown keywords, the library's newer default dialect refuses them.
    private static readonly Dialect Lenient = Dialect.Draft202012.With([], allowUnknownKeywords: true);

    private BuildOptions Build() => new() { SchemaRegistry = _registry, Dialect = Lenient };

    public static EvaluationOptions Evaluation { get; } = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true, // uuid, uri, email, date-time are asserted; unknown formats pass
    };

    /// <summary>The schema at a pointer in the spec, or the reason it could not be built.</summary>
    public (JsonSchema? Schema, string? Problem) At(string pointer) => _built.GetOrAdd(pointer, BuildAt);

    private (JsonSchema?, string?) BuildAt(string pointer)
    {
        lock (_buildLock) // the registry's fetch is not meant for concurrent builds
        {
            try
            {
                var reference = new JsonObject { ["$ref"] = $"{_location}#{EncodeFragment(pointer)}" };
                var schema = JsonSchema.Build(ToElement(reference), Build(),
                    new Uri($"urn:conformance:response:{Guid.NewGuid():N}"));
                return (schema, null);
            }
            catch (Exception e) when (e is not OperationCanceledException) // whatever a spec holds, it is a diagnostic
            {
                var problem = $"The response schema at {pointer} cannot be used: {e.Message.Replace(LocalFiles, "file://")}";
                lock (_diagnostics) _diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, pointer, problem));
                return (null, problem);
            }
        }
    }

    // .NET resolves "#fragment" and "other.json#/x" against file: URIs wrongly (the '#' becomes %23), so
    // local files are known to the validator by an http-style name and mapped back when read.
    private const string LocalFiles = "https://local-file.conformance.invalid";

    private static Uri ForValidator(Uri location) => location.IsFile ? new Uri(LocalFiles + location.AbsolutePath) : location;

    private static Uri FromValidator(Uri uri) => uri.GetLeftPart(UriPartial.Authority) == LocalFiles
        ? new UriBuilder { Scheme = Uri.UriSchemeFile, Host = "", Path = Uri.UnescapeDataString(uri.AbsolutePath) }.Uri
        : uri;

    private IBaseDocument? FetchDocument(Uri uri)
    {
        var withoutFragment = new Uri(uri.GetLeftPart(UriPartial.Query));
        var text = _source.Read(FromValidator(withoutFragment));
        var node = YamlToJson.Convert(text) ?? throw new SpecLoadException($"'{withoutFragment}' is empty.");
        if (_normalise) SchemaDialect.NormaliseToJsonSchema(node);
        var isOpenApi = node is JsonObject o && (o["openapi"] is not null || o["swagger"] is not null);
        return isOpenApi
            ? new JsonElementBaseDocument(ToElement(node), withoutFragment)
            : JsonSchema.Build(ToElement(node), Build(), withoutFragment);
    }

    private static string EncodeFragment(string pointer) =>
        string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    private static JsonElement ToElement(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
