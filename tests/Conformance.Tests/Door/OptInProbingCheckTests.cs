using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Door;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Tests.Door;

/// <summary>
/// A new probing check with an opt-in flag, added the way docs/architecture.md says, from a project outside src/: the
/// check (below), its test (this file), its defect and its clause (added to a copy of the ORUK 3.0 profile). Nothing
/// of src/Conformance/Running is touched: the runner sends its requests only when the run opts in by the group's name,
/// records them as the check's own, and the check judges them; another check reads them by declaring it uses them.
/// </summary>
public class OptInProbingCheckTests
{
    /// <summary>A list asked for with a query parameter it does not know answers as it would without it (the check under test).</summary>
    private sealed class UnknownParameterIgnoredCheck : Check
    {
        public const string CheckId = "unknown-parameter-ignored";
        public const string Parameter = "conformance_unknown";
        public override string Id => CheckId;
        public override string Title => "An unknown query parameter is ignored";
        public override OptIn OptIn { get; } = new("unknown-parameters", "each list asked for with a query parameter it does not define");

        /// <summary>Its requests, for any other check that declares it uses them.</summary>
        public static readonly RequestKind Asked = new("list with an unknown parameter");

        public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
        {
            if (run.Role == OperationRole.List && run.Primary is { IsSuccess: true })
                yield return new ProbeRequest("unknown parameter", context.PageUrl(run.Operation.Path, run.FirstPage, $"{Parameter}=1")) { Kind = Asked };
        }

        public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
        {
            if (OwnRequests(run).FirstOrDefault()?.Exchange is not { } asked || run.Primary is not { } plain) yield break;
            var problems = asked.Status == plain.Status && Total(asked) == Total(plain)
                ? new List<(Exchange, string)>()
                : [(asked, $"with {Parameter}=1 it answered {asked.Status} with {Total(asked)} record(s), not {plain.Status} with {Total(plain)}")];
            yield return Judge(run, problems, $"{Parameter}=1 changed nothing.");
        }

        private static long? Total(Exchange answer) => answer.Json.Node is JsonObject page ? JsonNumbers.WholeNumber(page["total_items"]) : null;
    }

    /// <summary>Another check, judging the first one's requests by declaring that it uses them.</summary>
    private sealed class UnknownParameterLabelledCheck : Check
    {
        public const string CheckId = "unknown-parameter-labelled";
        public override string Id => CheckId;
        public override string Title => "An answer to an unknown parameter is labelled as JSON";
        public override IReadOnlyCollection<RequestKind> Uses => [UnknownParameterIgnoredCheck.Asked];

        public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
        {
            var answers = Used(run, UnknownParameterIgnoredCheck.Asked).Select(r => r.Exchange).Where(e => e.Answered).ToList();
            if (answers.Count == 0) yield break;
            yield return Judge(run, answers.Where(e => !ContentTypeJsonCheck.IsJson(e.ContentType)).Select(e => (e, $"labelled {e.ContentType}")).ToList(),
                "Labelled as JSON.");
        }
    }

    /// <summary>A check that reads those requests without declaring it: the harness says so, as an error of that check.</summary>
    private sealed class UndeclaredReaderCheck : Check
    {
        public override string Id => "undeclared-reader";
        public override string Title => "Reads what it did not declare";

        public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context) =>
            Used(run, UnknownParameterIgnoredCheck.Asked).Select(r => Satisfied(run, "read", r.Exchange));
    }

    /// <summary>Its defect: a server that refuses what it does not know.</summary>
    private static readonly Defect RefusesUnknownParameters = new()
    {
        Name = "refuses-unknown-parameters", Standard = "oruk-3.0", Check = UnknownParameterIgnoredCheck.CheckId, Expected = Outcome.Warning,
        Breaks = "A list asked for with a parameter it does not know answers 400.",
        Apply = Tamper.Answers((_, query) => query.ContainsKey(UnknownParameterIgnoredCheck.Parameter), _ => ReferenceResponse.Error(400, "Unknown parameter.")),
    };

    private static readonly UnknownParameterIgnoredCheck Ignored = new();
    private static readonly Check[] Added = [Ignored, new UnknownParameterLabelledCheck()];

    /// <summary>A copy of the installed standards with the checks' clauses added to ORUK 3.0's profile.</summary>
    private static readonly Lazy<StandardCatalogue> Catalogue = new(() =>
    {
        var installed = ConformanceRun.DefaultCatalogue();
        var root = Path.Combine(Path.GetTempPath(), "conformance-opt-in-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(Path.Combine(installed.Root, "oruk-3.0"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(root, "oruk-3.0", Path.GetRelativePath(Path.Combine(installed.Root, "oruk-3.0"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var profile = Path.Combine(root, "oruk-3.0", "profile.yaml");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("clauses:\n", """
            clauses:
              - id: TEST/unknown-parameters
                level: SHOULD
                statement: A list asked for with a query parameter it does not define answers as it would without it.
                source: a test of how an opt-in probing check is added
                checks: [unknown-parameter-ignored, unknown-parameter-labelled, undeclared-reader]

            """.Replace("\r\n", "\n")));
        return new StandardCatalogue(root, [.. CheckCatalogue.Ids, .. Added.Select(c => c.Id), "undeclared-reader"]);
    });

    private static RunResult Run(IReadOnlyList<string> optIns, Defect? defect = null, Check? also = null)
    {
        var door = new RunDoor
        {
            Catalogue = Catalogue.Value,
            Checks = [.. CheckCatalogue.All, .. Added, .. also is null ? [] : new[] { also }],
            StartReference = standard =>
            {
                var server = ReferenceImplementations.Start(Catalogue.Value, standard, defects: defect is null ? null : [defect]);
                return new StartedReference(new Uri(server.Url), server);
            },
        };
        using var run = door.Open(null, new RunOverrides { Standard = "oruk-3.0", Reference = true, OptIns = optIns, Seed = 1 });
        return run.RunAsync().GetAwaiter().GetResult();
    }

    [OneTimeTearDown]
    public void RemoveTheCopy()
    {
        if (Catalogue.IsValueCreated) Directory.Delete(Catalogue.Value.Root, recursive: true);
    }

    private static readonly Lazy<RunResult> OptedIn = new(() => Run(["unknown-parameters"]));

    [Test]
    public void Opted_in_its_requests_are_sent_as_its_own_and_it_passes_on_the_reference()
    {
        var result = OptedIn.Value;
        var owned = result.Exchanges.Where(e => result.Owners.GetValueOrDefault(e) == Ignored).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(owned.Select(e => e.Operation), Is.EquivalentTo(new[] { "GET /service_at_locations", "GET /services", "GET /taxonomies", "GET /taxonomy_terms" }));
            Assert.That(owned, Has.All.Matches<Exchange>(e => e!.Url.Contains("conformance_unknown=1")));
            Assert.That(result.Results.Where(r => r.Check == UnknownParameterIgnoredCheck.CheckId).Select(r => r.Outcome).ToList(), Has.Count.EqualTo(4).And.All.EqualTo(Outcome.Pass));
            Assert.That(result.Results.Where(r => r.Check == UnknownParameterLabelledCheck.CheckId).Select(r => r.Outcome).ToList(), Has.Count.EqualTo(4).And.All.EqualTo(Outcome.Pass),
                "another check reads them, having declared it uses them");
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        });
    }

    [Test]
    public void Other_checks_never_judge_its_requests()
    {
        var result = OptedIn.Value;
        var owned = result.Exchanges.Where(e => result.Owners.GetValueOrDefault(e) == Ignored).ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.That(result.Results.Where(r => r.Evidence is { } e && owned.Contains(e)).Select(r => r.Check).Distinct(),
            Is.SubsetOf(new[] { UnknownParameterIgnoredCheck.CheckId, UnknownParameterLabelledCheck.CheckId }));
    }

    [Test]
    public void A_check_reading_requests_it_did_not_declare_gets_an_error_that_says_so()
    {
        var errors = Run(["unknown-parameters"], also: new UndeclaredReaderCheck()).Results.Where(r => r.Check == "undeclared-reader").ToList();
        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors, Has.All.Matches<CheckResult>(r => r!.Outcome == Outcome.Error && r.Message.Contains("reads 'list with an unknown parameter' requests without declaring that it uses them")));
    }

    [Test]
    public void Not_opted_in_it_sends_nothing_and_says_nothing()
    {
        var result = Run([]);
        Assert.That(result.Owners.Values, Has.None.SameAs(Ignored));
        Assert.That(result.Results.Where(r => r.Check.StartsWith("unknown-parameter")), Is.Empty);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
    }

    [Test]
    public void Its_defect_is_caught_by_it_alone()
    {
        var result = Run(["unknown-parameters"], RefusesUnknownParameters);
        var caught = result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning).ToList();
        Assert.That(caught.Select(r => r.Check).Distinct(), Is.EqualTo(new[] { RefusesUnknownParameters.Check }));
        Assert.That(caught.Select(r => r.Outcome).Distinct(), Is.EqualTo(new[] { RefusesUnknownParameters.Expected }));
        Assert.That(caught[0].Message, Does.Contain("answered 400"));
    }

    [Test]
    public void An_opt_in_no_check_declares_is_refused_with_the_names_there_are() =>
        Assert.That(() => Run(["no-such-group"]), Throws.TypeOf<ConfigurationException>()
            .With.Message.EqualTo("No check sends requests on asking for 'no-such-group' (--probe takes: negative, several-jurisdictions, unknown-parameters)."));

    /// <summary>The runner knows no check by name: no type of Running names a check (only the base types checks derive from).</summary>
    [Test]
    public void No_type_of_Running_names_a_check() =>
        Assert.That(typeof(Runner).Assembly.GetTypes().Where(t => t.Namespace == "Conformance.Running")
            .SelectMany(t => Architecture.TypeReferences.Of(t).Where(used => used.IsSubclassOf(typeof(Check)) && !used.IsAbstract).Select(used => $"{t.Name} names {used.Name}")),
            Is.Empty);
}
