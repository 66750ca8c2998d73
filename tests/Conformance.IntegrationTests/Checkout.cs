using System.Reflection;

namespace Conformance.IntegrationTests;

/// <summary>The checkout the tests run from, and the configuration they were built in.</summary>
public static class Checkout
{
    /// <summary>The folder with Conformance.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>Debug or Release, as this assembly was built: what else the tests build or pack is built alike, so the builds already made serve.</summary>
    public static string Configuration { get; } = typeof(Checkout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Conformance.sln not found above the test folder.");
    }
}
