using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.IntegrationTests.Parking;

/// <summary>
/// The payloads the NPP prints in its sample dialogues (npp/flows.md), material nobody here wrote, served as a supplier
/// would serve them: each answer at its endpoint of an otherwise conforming platform (the npp-1.0 reference), judged by
/// a real run. They predate the NPP API 1.0.1 document, and their content fails it: each case says why.
/// </summary>
public class FlowsPayloadTests
{
    /// <summary>The JSON blocks flows.md prints as answers ("Response ... Payload"), in order, comment lines taken out.</summary>
    private static List<JsonNode> Answers()
    {
        var text = File.ReadAllText(SharedFolder.Upstream("apds-npp", "npp", "flows.md"));
        return Regex.Matches(text, "```[ ]*json[^\\n]*\\n(.*?)```", RegexOptions.Singleline)
            .Where(m => text[Math.Max(0, m.Index - 160)..m.Index] is var before && before.LastIndexOf("Response", StringComparison.Ordinal) > before.LastIndexOf("Request:", StringComparison.Ordinal))
            .Select(m => JsonNode.Parse(string.Join('\n', m.Groups[1].Value.Split('\n').Where(l => !l.TrimStart().StartsWith("//"))))!)
            .ToList();
    }

    /// <summary>
    /// Each printed answer: where a supplier serves it, what in its content the NPP document refuses, the lookup of a
    /// printed list's ids, and the lists whose versioned references lead to a printed record (which is not the record
    /// they name). The truncated list of use case 1 ("// details about next place") is served with its second place left empty.
    /// </summary>
    private static readonly object[] Served =
    [
        new object[] { 0, "/places", "GET /places", "use case 1.1: names are objects keyed by language, not multilingual arrays; type 'place' is no hierarchy type; no hierarchyElementRecord", "hierarchyElementRecord", "GET /places/{id}", "" },
        new object[] { 1, "/rights/specs/", "GET /rights/specs/{id}", "use case 1.2, step 1: no issuer and no transferable, which a right specification requires; validity lacks validityTimeSpecification", "issuer", "", "GET /rights/assigned" },
        new object[] { 2, "/rates/", "GET /rates/{id}", "use case 1.2, step 2: rateTableName is an object, rate line values are bare numbers, not amounts in a currency; collectionSequence 0", "rateTableName", "", "GET /rights/specs" },
        new object[] { 3, "/places/", "GET /places/{id}", "use case 1.3: as 1.1, and occupancy is not where the document keeps it", "hierarchyElementRecord", "", "GET /rights/specs,GET /sessions" },
        new object[] { 6, "/rights/assigned", "GET /rights/assigned", "use case 2.2: credentials lack their type, the issuer is an object, not a multilingual array, and assignedRightIssuer lacks its version", "assignedRightIssuer", "GET /rights/assigned/{id}", "" },
        new object[] { 7, "/rights/assigned", "GET /rights/assigned", "use case 4.2: the answer to a list is one assigned right, not a page (no meta, no data)", "meta", "", "" },
        new object[] { 8, "/sessions", "GET /sessions", "use case 5.2 (operator): no initiator, credentials instead of identifiedCredentials, and segments without their assigned right", "identifiedCredentials", "GET /sessions/{id}", "" },
        new object[] { 9, "/sessions", "GET /sessions", "use case 5.2 (platform): the same payload passed on", "initiator", "GET /sessions/{id}", "" },
    ];

    [TestCaseSource(nameof(Served))]
    public async Task A_printed_answer_served_by_a_supplier_fails_on_its_content(int index, string path, string operation, string why, string field, string lookup, string referencedFrom)
    {
        var payload = Answers()[index];
        var served = new Defect
        {
            Name = $"flows-answer-{index}", Standard = "npp-1.0", Breaks = why,
            Apply = Tamper.Answers(p => path.EndsWith('/') ? p.StartsWith(path, StringComparison.Ordinal) : p == path,
                _ => new ReferenceResponse(200, payload.DeepClone())),
        };
        var catalogue = ConformanceRun.DefaultCatalogue();
        using var server = ReferenceImplementations.Start(catalogue, "npp-1.0", defects: [served]);
        var result = await ConformanceRun.ExecuteAsync(new RunRequest
        {
            StandardId = "npp-1.0", Target = new Uri(server.Url),
            Probe = new Http.ProbeSettings { Credentials = Vendors.Credentials.Resolve(server.Client!.Auth, server.Client.Environment(_ => null)) },
        }, catalogue);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail), why);
        var schema = result.Results.Single(r => r.Check == "response-schema" && r.Operation == operation);
        Assert.That(schema.Outcome, Is.EqualTo(Outcome.Fail), why);
        Assert.That(schema.Message, Does.Contain(field), why);
        // Only the answer replaced is blamed: every other operation of the platform still conforms, save the lookup of a
        // printed list's ids, which are no records of the platform (id-resolves says so), and the lists whose references
        // lead to a printed record, which is not the one they name (references-resolve says so).
        var referencing = referencedFrom.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Fail).Select(r => r.Operation).Distinct(),
            Is.EquivalentTo(new[] { operation, lookup }.Where(o => o.Length > 0).Concat(referencing)));
        if (lookup.Length > 0)
            Assert.That(result.Results.Where(r => r.Operation == lookup && r.Outcome == Outcome.Fail).Select(r => r.Check), Is.EqualTo(new[] { "id-resolves" }));
        foreach (var list in referencing)
            Assert.That(result.Results.Where(r => r.Operation == list && r.Outcome == Outcome.Fail).Select(r => r.Check), Is.EqualTo(new[] { "references-resolve" }), list);
    }

    [Test]
    public void The_printed_answers_the_harness_never_asks_for_are_named_with_the_reason()
    {
        var answers = Answers();
        Assert.That(answers, Has.Count.EqualTo(10), "flows.md prints ten payloads after a Response line");
        // Answer 4 is the body of use case 1.4's PATCH (printed after "Response: 200 OK"): a request, and PATCH is no NPP operation.
        Assert.That(answers[4]["occupancy"], Is.Not.Null);
        // Answer 5 answers use case 2.1's POST /sessions: a write, never sent; judged here against the document directly.
        var spec = ConformanceRun.Prepare("npp-1.0", null, new Specs.FetchPolicy(), ConformanceRun.DefaultCatalogue()).Spec;
        var create = spec.Find("POST", "/sessions")!;
        Assert.That(create.ResponseFor(200), Is.Null, "it answered 200, where the document gives 201 for a created session");
        var (schema, _) = spec.Schemas.At(create.ResponseFor(201)!.Content[0].SchemaPointer!);
        using var body = JsonDocument.Parse(answers[5].ToJsonString());
        Assert.That(schema!.Evaluate(body.RootElement, Specs.ResponseSchemas.Evaluation).IsValid, Is.False, "status 'OK' is not ok or error");
    }
}
