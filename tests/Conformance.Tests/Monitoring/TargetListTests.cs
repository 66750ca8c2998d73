using Conformance.Monitoring;

namespace Conformance.Tests.Monitoring;

public class TargetListTests
{
    private string _dir = "";

    [SetUp]
    public void MakeProfiles()
    {
        _dir = MonitoringFixtures.TempDir();
        foreach (var file in new[] { "a.yaml", "b.yml", "notes.txt", "more/c.yaml", "more/deeper/d.yaml" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_dir, file))!);
            File.WriteAllText(Path.Combine(_dir, file), "vendor: x\n");
        }
    }

    private static List<string> Ids(IEnumerable<MonitorTarget> targets) => targets.Select(t => t.Id).ToList();

    [Test]
    public void A_glob_names_the_profiles_it_matches() =>
        Assert.That(Ids(TargetList.Resolve(Path.Combine(_dir, "*.yaml"))), Is.EqualTo(new[] { "a" }));

    [Test]
    public void Two_stars_descend_into_folders() =>
        Assert.That(Ids(TargetList.Resolve(Path.Combine(_dir, "**", "*.yaml"))), Is.EqualTo(new[] { "a", "c", "d" }));

    [Test]
    public void A_folder_gives_its_profiles() =>
        Assert.That(Ids(TargetList.Resolve(_dir)), Is.EqualTo(new[] { "a", "b" }));

    [Test]
    public void A_list_file_names_profiles_and_globs_relative_to_itself()
    {
        var list = Path.Combine(_dir, "nightly.txt");
        File.WriteAllText(list, "# tonight's suppliers\n\nb.yml\nmore/**/*.yaml\n");
        var targets = TargetList.Resolve(list);
        Assert.That(Ids(targets), Is.EqualTo(new[] { "b", "c", "d" }));
        Assert.That(targets[0].ProfilePath, Is.EqualTo(Path.Combine(_dir, "b.yml")));
    }

    [Test]
    public void A_list_line_naming_nothing_is_an_error_with_its_line_number()
    {
        var list = Path.Combine(_dir, "nightly.txt");
        File.WriteAllText(list, "a.yaml\ngone.yaml\n");
        Assert.That(() => TargetList.Resolve(list), Throws.TypeOf<ConfigurationException>().With.Message.Contains("nightly.txt:2"));
    }

    [Test]
    public void Two_profiles_with_one_name_are_refused_since_the_name_is_the_targets_identity()
    {
        File.WriteAllText(Path.Combine(_dir, "more", "a.yaml"), "vendor: x\n");
        Assert.That(() => TargetList.Resolve(Path.Combine(_dir, "**", "a.yaml")),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("Two vendor profiles are named 'a'"));
    }

    [Test]
    public void A_glob_that_matches_nothing_is_an_error() =>
        Assert.That(() => TargetList.Resolve(Path.Combine(_dir, "*.json")), Throws.TypeOf<ConfigurationException>().With.Message.Contains("names no vendor profile"));
}
