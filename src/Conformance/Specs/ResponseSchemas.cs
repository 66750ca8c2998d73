using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.Json;
using Json.Schema;

namespace Conformance.Specs;

/// <summary>
/// Builds JSON Schemas (JsonSchema.Net, 2020-12) for the response schemas of a spec. The spec itself is
/// registered as a base document so local $refs resolve into it; other documents are read on demand, where
/// <see cref="FetchPolicy"/> allows. A schema that cannot be built is a spec diagnostic.
/// </summary>
public sealed class ResponseSchemas
{
    private readonly SchemaRegistry _registry = new();
    private readonly SpecSource _source;
    private readonly SpecOrigin _origin;
    private readonly bool _normalise;
    private readonly List<SpecDiagnostic> _diagnostics;
    private readonly Uri _location;
    private readonly ConcurrentDictionary<string, (JsonSchema? Schema, string? Problem)> _built = new();
    private readonly Lock _buildLock = new();
    private readonly Dictionary<Uri, SchemaResources.Resource> _resources;
    private readonly HashSet<Uri> _clashes;
    private readonly JsonNode _validationRoot;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, JsonNode> _documents = new(); // read for $refs, by address
    private readonly HashSet<Uri> _building = []; // resources being built: a lookup of one from inside itself must not loop

    private readonly IReadOnlySet<string> _dangling; // local $refs in the spec that name nothing

    public ResponseSchemas(SpecOrigin origin, JsonNode validationRoot, SpecSource source, bool normalise, List<SpecDiagnostic> diagnostics,
        IReadOnlySet<string>? dangling = null)
    {
        _dangling = dangling ?? new HashSet<string>();
        _location = ForValidator(origin.Location);
        _origin = origin;
        _source = source;
        _normalise = normalise;
        _diagnostics = diagnostics;
        _validationRoot = validationRoot;
        (_resources, _clashes) = SchemaResources.Find(validationRoot, _location);
        foreach (var clash in _clashes)
            diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, "", $"The $id {clash} is declared by more than one schema: schemas that use it cannot be judged."));
        _registry.Register(_location, new SchemaDocument(validationRoot, _location, DialectOf, _registry.Get, _clashes));
        // An identifier the spec declares is resolved from it, never fetched: identifiers are not addresses.
        _registry.Fetch = (uri, _) => _resources.ContainsKey(new Uri(uri.GetLeftPart(UriPartial.Query))) ? Embedded(uri) : FetchDocument(uri);
    }

    // Specs' schemas carry many non-JSON-Schema keywords (example, name, core, datapackage_metadata...):
    // JSON Schema 2020-12 ignores unknown keywords, the library's newer default dialect refuses them.
    private static readonly Dialect Lenient = Dialect.Draft202012.With([], allowUnknownKeywords: true);

    private BuildOptions Build(string? dialect = null) => new() { SchemaRegistry = _registry, Dialect = DialectOf(dialect) };

    /// <summary>The dialect a `$schema` names; 2020-12 (what OpenAPI 3.1 uses) when it names none we know.</summary>
    private static Dialect DialectOf(string? schema) => schema switch
    {
        null => Lenient,
        _ when schema.Contains("draft-07") => Dialect.Draft07,
        _ when schema.Contains("draft-06") => Dialect.Draft06,
        _ when schema.Contains("2019-09") => Dialect.Draft201909,
        _ => Lenient,
    };

    /// <summary>
    /// A schema resource declared inside the spec or an OpenAPI document it references, built from there: the
    /// outermost resource that holds it is built whole, which registers it and every resource inside it once.
    /// </summary>
    private IBaseDocument? Embedded(Uri uri)
    {
        var id = new Uri(uri.GetLeftPart(UriPartial.Query));
        if (!_resources.TryGetValue(id, out var resource)) return null;
        if (_clashes.Contains(id)) throw new JsonSchemaException($"the spec declares the $id {id} more than once, so it names no one schema");
        if (!_building.Add(id)) return null; // asked for again while it is being built: not resolvable this way
        try
        {
            if (resource.Outermost != id) return _registry.Get(resource.Outermost) is null ? null : _registry.Get(id);
            return Acyclic(JsonSchema.Build(ToElement(resource.Schema), Build(resource.Dialect), id));
        }
        finally
        {
            _building.Remove(id);
        }
    }

    /// <summary>The evaluation that explains: every error, with where it is in the body and in the schema.</summary>
    public static EvaluationOptions Evaluation { get; } = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true, // only the formats FormatAssertion lists as proven; the others pass
        FormatRegistry = FormatAssertion.Registry,
    };

    /// <summary>
    /// The evaluation that only decides (valid or not), at about half the cost: every body is decided so, and only a
    /// body that fails is evaluated again with <see cref="Evaluation"/> to say why.
    /// </summary>
    public static EvaluationOptions Decision { get; } = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
        FormatRegistry = FormatAssertion.Registry,
    };

    /// <summary>
    /// The schema (as JSON) at a location the validator names in its results: in the spec, a resource inside it, or a
    /// document it referenced. Null where it cannot tell (the results still stand; only a message is plainer).
    /// </summary>
    public JsonNode? NodeAt(Uri location)
    {
        var document = new Uri(location.GetLeftPart(UriPartial.Query));
        var root = document == _location ? _validationRoot
            : _resources.TryGetValue(document, out var resource) ? resource.Schema
            : _documents.GetValueOrDefault(document);
        return root is null ? null : JsonPointers.Resolve(root, Uri.UnescapeDataString(location.Fragment.TrimStart('#')));
    }

    /// <summary>
    /// A schema standing alone (a Swagger 2.0 parameter's type keywords, lifted out of it), in the lenient 2020-12
    /// dialect every spec schema is read in; it refers to nothing. Null with the reason where it cannot be built.
    /// </summary>
    public static (JsonSchema? Schema, string? Problem) Standalone(JsonNode schema)
    {
        try
        {
            return (JsonSchema.Build(ToElement(schema), new BuildOptions { Dialect = Lenient }, new Uri($"urn:conformance:standalone:{Guid.NewGuid():N}")), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"the schema {schema.ToJsonString()} cannot be used: {e.Message}");
        }
    }

    /// <summary>The schema at a pointer in the spec, or the reason it could not be built.</summary>
    public (JsonSchema? Schema, string? Problem) At(string pointer) => _built.GetOrAdd(pointer, BuildAt);

    private (JsonSchema?, string?) BuildAt(string pointer)
    {
        lock (_buildLock) // the registry's fetch is not meant for concurrent builds
        {
            if (LocalRefs.Reaches(_validationRoot, pointer, _dangling) is { } at)
            {
                var problem = $"The response schema at {pointer} cannot be used: it reaches the $ref at {at}, which names nothing in the document.";
                lock (_diagnostics) _diagnostics.Add(new SpecDiagnostic(SpecDiagnostic.Reference, pointer, problem));
                return (null, problem);
            }
            try
            {
                var reference = new JsonObject { ["$ref"] = $"{_location}#{EncodeFragment(pointer)}" };
                var schema = JsonSchema.Build(ToElement(reference), Build(),
                    new Uri($"urn:conformance:response:{Guid.NewGuid():N}"));
                return (Acyclic(schema), null);
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
        var text = _source.ReadReferenced(FromValidator(withoutFragment), _origin);
        JsonNode? converted;
        try
        {
            converted = YamlToJson.Convert(text);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or SpecLoadException)
        {
            throw new SpecLoadException($"'{withoutFragment}': {e.Message}", e);
        }
        var node = converted ?? throw new SpecLoadException($"'{withoutFragment}' is empty.");
        var references = LocalRefs.Repair(node, FromValidator(withoutFragment).ToString());
        lock (_diagnostics) _diagnostics.AddRange(references.Diagnostics);
        if (_normalise) SchemaDialect.NormaliseToJsonSchema(node);
        EcmaPatterns.Translate(node);
        _documents[withoutFragment] = node;
        var isOpenApi = node is JsonObject o && (o["openapi"] is not null || o["swagger"] is not null);
        if (isOpenApi)
        {
            var (resources, clashes) = SchemaResources.Find(node, withoutFragment);
            foreach (var (id, resource) in resources)
                if (!_resources.TryAdd(id, resource)) _clashes.Add(id);
            _clashes.UnionWith(clashes);
            return new SchemaDocument(node, withoutFragment, DialectOf, _registry.Get, _clashes);
        }
        // A schema file is built whole, so its anchors and inner $ids are known before anything refers to them.
        return Acyclic(JsonSchema.Build(ToElement(node), Build(node["$schema"] is JsonValue named && named.TryGetValue<string>(out var dialect) ? dialect : null), withoutFragment));
    }

    /// <summary>
    /// A schema whose references come back to it without descending into the body is refused before anything is
    /// evaluated against it: its evaluation would never end, and the stack overflow that ends it cannot be caught.
    /// Every document is checked as it is built, whenever the validator asks for it.
    /// </summary>
    private static JsonSchema Acyclic(JsonSchema schema) =>
        InPlaceCycles.Find(schema.Root) is { } cycle
            ? throw new SpecLoadException($"it refers back to itself without descending into the body ({cycle}), so no body could ever be judged against it.")
            : schema;

    private static string EncodeFragment(string pointer) =>
        string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    private static JsonElement ToElement(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
