using Conformance.Text;

namespace Conformance.Tests.Text;

/// <summary>File and folder names from outside text, and paths that must stay in the output folder.</summary>
public class SafeNameTests
{
    private string _dir = "";

    [SetUp]
    public void Folder() => _dir = Directory.CreateTempSubdirectory("safe-name-").FullName;

    [TearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [TestCase("council-harbourside")]
    [TestCase("Zoë's directory")]
    [TestCase("a.b")]
    public void A_name_already_safe_is_kept(string name) => Assert.That(SafeName.Of(name), Is.EqualTo(name));

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("...")]
    [TestCase("")]
    [TestCase("a/b")]
    [TestCase("..\\..\\x")]
    [TestCase("CON")]
    [TestCase("nul.txt")]
    [TestCase("com1")]
    [TestCase("trailing.")]
    [TestCase("x\u001b[2J")]
    [TestCase("\u202egnp.exe")]
    [TestCase(" space")]
    public void An_unsafe_name_is_made_safe_and_stays_apart_from_others(string name)
    {
        var safe = SafeName.Of(name);
        Assert.That(SafeName.IsSafe(safe), Is.True, safe);
        Assert.That(safe, Does.Not.Contain("/").And.Not.Contain("\\"));
        Assert.That(safe.Trim('.'), Is.Not.Empty);
        Assert.That(safe, Does.Match("-[0-9a-f]{8}$"), "its digest keeps it apart from a name that differs only in what was replaced");
    }

    [Test]
    public void A_long_name_is_cut_to_the_cap_without_splitting_a_character()
    {
        var safe = SafeName.Of(string.Concat(Enumerable.Repeat("😀", 200)) + "/");
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(safe), Is.LessThanOrEqualTo(SafeName.MostBytes));
        Assert.That(VisibleTests.HasLoneSurrogate(safe), Is.False);
    }

    [Test]
    public void Names_given_out_together_are_distinct_even_where_case_is_ignored()
    {
        var crafted = SafeName.Of("a:b");
        Assert.That(SafeName.Distinct(["Good", "good", crafted, "a:b", "a:b"]), Is.EqualTo(new[] { "Good", "good-2", crafted, crafted + "-2", crafted + "-3" }));
    }

    [Test]
    public void Every_string_gives_a_name_a_file_can_have_in_the_folder_and_nowhere_else()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in HostileStrings.Many(1500, seed: 5).Distinct())
        {
            var safe = SafeName.Of(text);
            Assert.That(SafeName.IsSafe(safe), Is.True, $"{text} → {safe}");
            var path = Contained.Path(_dir, safe);
            Assert.That(Path.GetDirectoryName(path), Is.EqualTo(_dir));
            File.WriteAllText(path, "x");
            Assert.That(names.TryAdd(safe, text), Is.True, $"{Visible.Escape(text)} → {safe}: {Visible.Escape(names.GetValueOrDefault(safe))} had the same name");
        }
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(names.Count), "each made its own file");
    }

    [TestCase("..", "x")]
    [TestCase("a/../../x")]
    [TestCase("/etc/passwd")]
    [TestCase("a", "..", "..", "x")]
    public void A_path_that_resolves_outside_the_folder_is_refused(params string[] parts) =>
        Assert.Throws<PathOutsideException>(() => Contained.Path(_dir, parts));

    [Test]
    public void A_path_inside_the_folder_is_its_full_path() =>
        Assert.That(Contained.Path(_dir, "targets", "a", "report.json"), Is.EqualTo(Path.Combine(_dir, "targets", "a", "report.json")));

    [Test]
    public void Nothing_is_written_through_a_link_inside_the_folder()
    {
        var elsewhere = Directory.CreateTempSubdirectory("elsewhere-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_dir, "targets"), elsewhere);
            Assert.Throws<PathOutsideException>(() => Contained.Path(_dir, "targets", "a", "report.json"));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
