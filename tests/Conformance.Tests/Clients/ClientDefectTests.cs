using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.Tests.Clients;

/// <summary>
/// Every client of the catalogue against its stand-in, over real HTTP on 127.0.0.1: the conforming client passes each
/// scenario cleanly; each defective client is caught by its own check, with the outcome and verdict declared, and
/// blamed on nothing else.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class ClientDefectTests
{
    private static IEnumerable<string> Names => ClientDefects.All.Select(d => d.Name);

    [TestCaseSource(nameof(Names))]
    public async Task Each_client_is_judged_as_it_must_be(string name)
    {
        var client = ClientDefects.All.Single(d => d.Name == name);
        var row = await ClientMatrix.RunOneAsync(ConformanceRun.DefaultCatalogue(), client);
        Assert.That(row.Problems, Is.Empty, string.Join("\n", row.Problems));
        Assert.That(row.Verdict, Is.EqualTo(client.Verdict));
    }

    [Test]
    public void The_catalogue_has_a_conforming_client_per_scenario_and_a_defect_per_client_check_of_each_standard()
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        foreach (var standard in ClientDefects.All.Select(d => d.Standard).Distinct())
        {
            var profile = catalogue.Load(standard);
            var cited = Conformance.Clients.ClientCheckCatalogue.Ids.Where(id => profile.ClauseFor(id) is not null).ToList();
            Assert.That(ClientDefects.For(standard).Where(d => !d.MustPass).Select(d => d.Check).Distinct(), Is.EquivalentTo(cited),
                $"{standard}: every client check its profile cites has a defect that it alone catches");
            Assert.That(ClientDefects.For(standard).Where(d => d.MustPass).Select(d => d.Scenario),
                Is.EquivalentTo(Conformance.Standards.ScenarioLoader.Names(profile)), $"{standard}: a conforming client plays every scenario");
        }
        Assert.That(ClientDefects.All.Select(d => d.Name), Is.Unique);
    }
}
