using Conformance.Running;
using Conformance.Specs;

namespace Conformance.Tests.AnySpec;

/// <summary>Each operation's values: given for it, given for all, then what the document offers; and what the spec shows to be wrong.</summary>
public class GivenValuesTests
{
    private const string Document = """
        openapi: 3.1.0
        info: {title: Values, version: "1"}
        components:
          securitySchemes:
            key: {type: apiKey, in: query, name: api_key}
            header: {type: apiKey, in: header, name: X-Api-Key}
        paths:
          /trips:
            get:
              parameters:
                - {name: end_time, in: query, required: true, schema: {type: string}}
                - {name: page_size, in: query, schema: {type: integer, default: 10}}
              responses: {"200": {description: ok}}
          /things/{sid}:
            get:
              parameters:
                - {name: sid, in: path, required: true, schema: {type: string}, examples: {one: {value: ST1}}}
                - {name: mode, in: query, required: true, schema: {type: string, default: bus}}
                - {name: kind, in: query, required: true, schema: {type: string, enum: [only]}}
                - {name: fixed, in: query, required: true, schema: {type: string, const: yes}}
                - {name: x-v, in: header, required: true, schema: {type: string, enum: ["3", "2"]}}
                - {name: x-id, in: header, required: true, schema: {type: string}}
              responses: {"200": {description: ok}}
        """;

    private static Spec Load(string text)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("given-").FullName, "openapi.yaml");
        File.WriteAllText(file, text);
        return new SpecLoader(new SpecSource(new FetchPolicy())).Load(file, []);
    }

    [Test]
    public void Values_per_operation_win_then_global_ones_then_the_document_own()
    {
        var spec = Load(Document);
        var given = new GivenValues
        {
            Query = new Dictionary<string, string> { ["end_time"] = "2024-01-01T10" },
            Headers = new Dictionary<string, string> { ["x-id"] = "abc" },
            PerOperation = new Dictionary<string, Dictionary<string, string>> { ["GET /trips"] = new() { ["end_time"] = "1704067200" } },
        };
        var (trips, unknown) = given.Settle(spec.Find("GET", "/trips")!, null);
        Assert.That(unknown, Is.Empty);
        Assert.That(trips.Query, Is.EqualTo(new[] { new KeyValuePair<string, string>("end_time", "1704067200") }), "an optional parameter is not filled");
        Assert.That(trips.Guessed, Is.Empty);

        var (things, none) = given.Settle(spec.Find("GET", "/things/{sid}")!, null);
        Assert.That(none, Is.Empty);
        Assert.That(things.Path["sid"], Is.EqualTo("ST1"));
        Assert.That(things.Query.Where(q => q.Key != "end_time").Select(q => $"{q.Key}={q.Value}"), Is.EqualTo(new[] { "mode=bus", "kind=only", "fixed=yes" }));
        Assert.That(things.Headers.Select(h => $"{h.Key}: {h.Value}"), Is.EquivalentTo(new[] { "x-v: 3", "x-id: abc" }));
        Assert.That(things.Guessed.Select(g => g.ToString()), Is.EquivalentTo(new[]
        {
            "sid=ST1 (path, its examples)", "mode=bus (query, its default)", "kind=only (query, the one value its enum allows)",
            "fixed=yes (query, its const)", "x-v=3 (header, the first value its enum allows)",
        }));
    }

    [Test]
    public void A_header_sent_with_every_request_is_known_and_a_missing_one_is_named()
    {
        var spec = Load(Document);
        var operation = spec.Find("GET", "/things/{sid}")!;
        Assert.That(new GivenValues().Settle(operation, null).Unknown.Select(p => p.Name), Is.EqualTo(new[] { "x-id" }));
        Assert.That(new GivenValues { SentHeaders = ["X-ID"] }.Settle(operation, null).Unknown, Is.Empty, "names of headers are not case-sensitive");
    }

    [Test]
    public void The_spec_refuses_an_unknown_operation_an_undeclared_name_and_a_credential_given_inline()
    {
        var spec = Load(Document);
        ConfigurationException Refused(GivenValues given) => Assert.Throws<ConfigurationException>(() => given.Validate(spec))!;
        Assert.That(Refused(new GivenValues { PerOperation = new Dictionary<string, Dictionary<string, string>> { ["GET /nowhere"] = new() } }).Message,
            Does.Contain("GET /nowhere"));
        Assert.That(Refused(new GivenValues { PerOperation = new Dictionary<string, Dictionary<string, string>> { ["GET /trips"] = new() { ["start"] = "1" } } }).Message,
            Does.Contain("start").And.Contain("end_time (query)"));
        Assert.That(Refused(new GivenValues { Query = new Dictionary<string, string> { ["api_key"] = "abc123" } }).Message,
            Does.Contain("security scheme").And.Not.Contain("abc123"));
        Assert.That(Refused(new GivenValues { Headers = new Dictionary<string, string> { ["x-api-key"] = "abc123" } }).Message, Does.Contain("x-api-key"));
        Assert.DoesNotThrow(() => new GivenValues { Query = new Dictionary<string, string> { ["key_usage_type"] = "signing" } }.Validate(spec));
    }
}
