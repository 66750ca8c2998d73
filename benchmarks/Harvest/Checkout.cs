namespace Conformance.Benchmarks;

/// <summary>The checkout this benchmark runs from: the folder holding Conformance.sln.</summary>
public static class Checkout
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Run the benchmark from inside the checkout.");
    }
}
