using Conformance.NUnit;

namespace Conformance.Tests.Suites;

/// <summary>A suite's profile: the attribute, else the run setting, else the environment; relative to the test assembly.</summary>
public class ProfileSourceTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "suite-bin");

    private static (string Path, string NamedBy)? Find(string? attribute, string? setting, string? variable) =>
        ProfileSource.Find(attribute,
            name => name == ProfileSource.RunSetting ? setting : null,
            name => name == ProfileSource.EnvironmentVariable ? variable : null,
            Folder);

    [Test]
    public void The_attribute_comes_first_then_the_run_setting_then_the_environment()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Find("a.yaml", "s.yaml", "e.yaml"), Is.EqualTo((Path.Combine(Folder, "a.yaml"), "[ConformanceProfile]")));
            Assert.That(Find(null, "s.yaml", "e.yaml"), Is.EqualTo((Path.Combine(Folder, "s.yaml"), "the run setting ConformanceProfile")));
            Assert.That(Find(null, null, "e.yaml"), Is.EqualTo((Path.Combine(Folder, "e.yaml"), "$CONFORMANCE_PROFILE")));
            Assert.That(Find(null, " ", "e.yaml")?.Path, Is.EqualTo(Path.Combine(Folder, "e.yaml")), "a blank setting names nothing");
            Assert.That(Find(null, null, null), Is.Null);
        });
    }

    [Test]
    public void A_relative_path_is_read_from_the_test_assembly_folder_and_a_full_one_as_it_is()
    {
        var full = Path.Combine(Path.GetTempPath(), "profiles", "vendor.yaml");
        Assert.That(Find(full, null, null)?.Path, Is.EqualTo(full));
        Assert.That(Find("../profiles/vendor.yaml", null, null)?.Path, Is.EqualTo(Path.GetFullPath(Path.Combine(Folder, "..", "profiles", "vendor.yaml"))));
    }
}
