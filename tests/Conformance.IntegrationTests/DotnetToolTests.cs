using System.Diagnostics;
using System.IO.Compression;

namespace Conformance.IntegrationTests;

/// <summary>The CLI as a .NET tool: packed, installed into a tool path from the packed folder alone, and run from anywhere.</summary>
public class DotnetToolTests
{
    [Test]
    public async Task The_packed_tool_installs_and_lists_every_standard_from_any_folder()
    {
        var work = Cli.TempDir();
        var feed = Path.Combine(work, "packages");
        // The tests already built the CLI in their own configuration: the package is made from that build.
        var pack = await Dotnet.RunAsync(Checkout.Root, TimeSpan.FromMinutes(5), "pack", Path.Combine("src", "Conformance.Cli", "Conformance.Cli.csproj"),
            "--no-build", "-c", Checkout.Configuration, "-o", feed);
        Assert.That(pack.ExitCode, Is.Zero, pack.All);
        Assert.That(pack.All, Does.Not.Contain("readme").IgnoreCase, "the package has a readme: its NuGet page explains the tool");

        var standards = Directory.GetDirectories(Path.Combine(Checkout.Root, "standards"))
            .Where(d => File.Exists(Path.Combine(d, "profile.yaml"))).Select(Path.GetFileName).OfType<string>().ToList();
        Assert.That(standards, Has.Count.GreaterThanOrEqualTo(4));
        using (var package = ZipFile.OpenRead(Directory.GetFiles(feed, "Conformance.Cli.*.nupkg").Single()))
        {
            var entries = package.Entries.Select(e => e.FullName).ToList();
            foreach (var id in standards)
                Assert.That(entries, Has.Some.Match($@"^tools/net[0-9.]+/any/standards/{id.Replace(".", @"\.")}/profile\.yaml$"), $"{id} travels with the tool");
            Assert.That(entries, Does.Contain("README.md"));
            using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.That(nuspec.ReadToEnd(), Does.Contain("<readme>README.md</readme>"));
        }

        // Only the packed folder as a source, and a package cache of its own, so no other copy of the tool is found.
        var config = Path.Combine(work, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(work, "tools");
        var install = await Dotnet.RunAsync(work, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "nuget-cache") },
            "tool", "install", "Conformance.Cli", "--tool-path", tools, "--configfile", config);
        Assert.That(install.ExitCode, Is.Zero, install.All);

        var elsewhere = Directory.CreateDirectory(Path.Combine(work, "elsewhere")).FullName;
        var start = new ProcessStartInfo(Path.Combine(tools, OperatingSystem.IsWindows() ? "conformance.exe" : "conformance"), ["standards"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = elsewhere,
        };
        start.Environment.Remove("CONFORMANCE_STANDARDS"); // the standards must come from the package, beside the program
        start.Environment["COLUMNS"] = "200";
        var listed = await Cli.RunAsync(start, TimeSpan.FromMinutes(1));
        Assert.That(listed.ExitCode, Is.Zero, listed.All);
        Assert.That(Cli.Words(listed.Output), Does.Contain($"from {tools}"), "read from the installed tool, not from a checkout");
        foreach (var id in standards) Assert.That(listed.Output, Does.Contain(id));
    }
}
