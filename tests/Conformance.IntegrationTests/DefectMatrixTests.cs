using Conformance.Reference.Defects;
using Conformance.Reference;
using Conformance.Running;
using Conformance.Specs;

namespace Conformance.IntegrationTests;

/// <summary>
/// The false-pass and false-fail rates, measured: every reference passes cleanly, every trap passes, every
/// defect is caught by its intended check and clause and blamed on nothing else; the published specs give
/// the same answers as our transcriptions; docs/defect-matrix.md shows exactly what a run shows.
/// </summary>
public class DefectMatrixTests
{
    private static readonly Lazy<Task<IReadOnlyList<MatrixRow>>> Transcribed = new(() => DefectMatrix.RunAsync(ConformanceRun.DefaultCatalogue()));
    private static readonly Lazy<Task<IReadOnlyList<ClientMatrixRow>>> Clients = new(() => ClientMatrix.RunAsync(ConformanceRun.DefaultCatalogue()));

    private static string Wrong(IEnumerable<MatrixRow> rows) =>
        string.Join("\n", rows.Where(r => !r.Holds).Select(r => $"{r.Standard} {r.Name}: {string.Join("; ", r.Problems)}"));

    [Test]
    public void The_catalogue_has_at_least_25_defects_each_caught_by_a_check_its_standard_cites()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var defects = DefectCatalogue.All.Where(d => !d.IsTrap).ToList();
        Assert.That(defects, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(DefectCatalogue.All.Select(d => d.Name), Is.Unique);
        foreach (var defect in defects)
            Assert.That(catalogue.Load(defect.Standard).ClauseFor(defect.Check!), Is.Not.Null, $"{defect.Name}: {defect.Check} is cited by no clause");
        Assert.That(DefectCatalogue.All.Select(d => d.Standard).Distinct(), Is.EquivalentTo(ReferenceImplementations.Standards));
    }

    [Test]
    public async Task Every_run_is_judged_as_it_must_be()
    {
        var rows = await Transcribed.Value;
        Assert.That(rows.Count(r => r.Defect is null), Is.EqualTo(ReferenceImplementations.Standards.Count));
        Assert.That(rows, Has.Count.EqualTo(DefectCatalogue.All.Count + ReferenceImplementations.Standards.Count));
        Assert.That(rows.Where(r => !r.Holds), Is.Empty, Wrong(rows));
    }

    [Test]
    public async Task Every_client_is_judged_as_it_must_be_by_its_stand_in()
    {
        var rows = await Clients.Value;
        Assert.That(rows, Has.Count.EqualTo(ClientDefects.All.Count));
        Assert.That(rows.Where(r => !r.Holds).Select(r => $"{r.Client.Name}: {string.Join("; ", r.Problems)}"), Is.Empty);
    }

    [Test]
    public async Task The_committed_matrix_is_what_a_run_shows()
    {
        var rows = await Transcribed.Value;
        var expected = MatrixMarkdown.Write(rows, await Clients.Value, ConformanceRun.DefaultCatalogue());
        var file = Path.Combine(Checkout.Root, "docs", "defect-matrix.md");
        Assert.That(File.ReadAllText(file), Is.EqualTo(expected),
            "docs/defect-matrix.md is stale: run `dotnet run --project src/Conformance.Cli -- defects --matrix --out docs/defect-matrix.md`");
    }

    [Test]
    public async Task The_published_specs_give_the_same_answers()
    {
        var published = new Dictionary<string, (string Spec, string Prefix, string Folder)>
        {
            ["oruk-3.0"] = (SharedFolder.Upstream("oruk-3.0", "openapi.json"), "https://raw.githubusercontent.com/openreferral/uk-profile/main/", SharedFolder.Upstream("oruk-3.0", "uk-profile")),
            ["hsds-3.0"] = (SharedFolder.Upstream("hsds-3.0", "schema", "openapi.json"), "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/", SharedFolder.Upstream("hsds-3.0", "schema")),
            ["open311-georeport-v2"] = (SharedFolder.Upstream("open311-georeport-v2", "schema", "georeport-v2", "swagger.json"), "", ""),
            ["npp-1.0"] = (SharedFolder.Upstream("apds-npp", "npp", "apds4.yaml"), "", ""),
        };
        var rows = await DefectMatrix.RunAsync(ConformanceRun.DefaultCatalogue(), standard =>
        {
            var (spec, prefix, folder) = published[standard];
            var map = new RefMap();
            if (prefix.Length > 0) map.Add(prefix, folder);
            return (spec, map);
        });
        Assert.That(rows.Where(r => !r.Holds), Is.Empty, Wrong(rows));
        var ours = await Transcribed.Value;
        foreach (var (theirs, mine) in rows.Zip(ours))
        {
            Assert.That(theirs.Name, Is.EqualTo(mine.Name));
            Assert.That(theirs.Verdict, Is.EqualTo(mine.Verdict), theirs.Name);
            Assert.That(theirs.Outcomes, Is.EquivalentTo(mine.Outcomes), theirs.Name);
        }
    }
}
