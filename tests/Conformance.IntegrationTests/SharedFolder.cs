namespace Conformance.IntegrationTests;

/// <summary>
/// ../shared beside the checkout holds the published specs and the ORUK validator's feeds. CI has it;
/// a test that needs it is skipped, with the reason, where it is absent.
/// </summary>
public static class SharedFolder
{
    public static string? Root { get; } = Find();

    public static string Upstream(params string[] parts)
    {
        if (Root is null)
            Assert.Ignore("../shared/standards-upstream is absent: the published specs and validator feeds are not available here.");
        return Path.Combine([Root!, "standards-upstream", .. parts]);
    }

    /// <summary>Only the folder beside this checkout counts, never one further up.</summary>
    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) continue;
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            return Directory.Exists(Path.Combine(candidate, "standards-upstream")) ? candidate : null;
        }
        return null;
    }
}
