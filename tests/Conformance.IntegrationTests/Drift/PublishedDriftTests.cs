using Conformance.Drift;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests.Drift;

public class PublishedDriftTests
{
    private static Spec Load(string document, string prefix, string folder, IReadOnlyList<Erratum> errata)
    {
        var map = new RefMap();
        map.Add(prefix, folder);
        return new SpecLoader(new SpecSource(new FetchPolicy(map))).Load(document, errata);
    }

    [Test, Explicit]
    public void Explore()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var oruk = catalogue.Load("oruk-3.0");
        var ours = ConformanceRun.Prepare("oruk-3.0", null, new FetchPolicy(), catalogue).Spec;
        var published = Load(SharedFolder.Upstream("oruk-3.0", "openapi.json"), "https://raw.githubusercontent.com/openreferral/uk-profile/main/", SharedFolder.Upstream("oruk-3.0", "uk-profile"), oruk.Errata);
        var hsds = Load(SharedFolder.Upstream("hsds-3.0", "schema", "openapi.json"), "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/", SharedFolder.Upstream("hsds-3.0", "schema"), []);
        foreach (var (name, a, b) in new[] { ("published vs ours", ours, published), ("published vs itself", published, published), ("hsds vs oruk", ours, hsds) })
        {
            var report = DriftComparer.Compare(ApiContract.Of(a), ApiContract.Of(b), DriftScope.Of(oruk));
            TestContext.Out.WriteLine($"== {name}: {report.Differences.Count}");
            foreach (var g in report.Differences.Where(d => d.Rule.Kind != DriftKind.Documentation).GroupBy(d => d.Rule.Id))
            {
                TestContext.Out.WriteLine($"  {g.Key} ({g.Count()})");
                foreach (var d in g.Take(12)) TestContext.Out.WriteLine($"     {d.Operation} | {d.Where} | {d.Detail}");
            }
            TestContext.Out.WriteLine($"  documentation: {report.Differences.Count(d => d.Rule.Kind == DriftKind.Documentation)}");
        }
    }
}
