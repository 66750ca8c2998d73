using System.Diagnostics;

namespace Conformance.IntegrationTests;

/// <summary>
/// The README's commands as a new user runs them, in a fresh clone of this repository, with the program the tests
/// built: each works as printed (the monitor's default glob too), and afterwards `git status` is clean, because
/// everything they write by default is ignored.
/// </summary>
[NonParallelizable]
public class FreshCloneTests
{
    private static async Task<Cli.Result> Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return await Cli.RunAsync(start, TimeSpan.FromMinutes(2));
    }

    /// <summary>The program, run in the clone as `dotnet run --project src/Conformance.Cli --` would run it there.</summary>
    private static Task<Cli.Result> Conformance(string clone, params string[] args)
    {
        var start = Cli.StartInfo(null, args);
        start.WorkingDirectory = clone;
        return Cli.RunAsync(start, TimeSpan.FromMinutes(4));
    }

    [Test]
    public async Task The_readmes_commands_run_as_printed_and_leave_the_clone_clean()
    {
        var clone = Path.Combine(Cli.TempDir(), "conformance");
        Cli.Result cloned;
        try
        {
            cloned = await Git(Path.GetTempPath(), "clone", "--quiet", "--no-hardlinks", Checkout.Root, clone);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("git is not installed: the fresh clone cannot be made.");
            return;
        }
        if (cloned.ExitCode != 0) Assert.Ignore($"this checkout cannot be cloned ({cloned.All.Trim()}): a fresh clone is not tried.");

        // README, First run: the demo.
        var demo = await Conformance(clone, "run", "--standard", "oruk-3.0", "--reference");
        Assert.That(demo.ExitCode, Is.EqualTo(0), demo.All);
        Assert.That(demo.Output.TrimEnd().Split('\n')[^1], Does.StartWith($"Report: {Path.Combine(clone, "reports")}"));
        // README, Other commands, and docs/nightly.md: the monitor over the shipped profiles, as the shell passes a quoted pattern.
        var monitor = await Conformance(clone, "monitor", "--profiles", "vendor-profiles/*.yaml");
        Assert.That(monitor.ExitCode, Is.EqualTo(0), monitor.All);
        Assert.That(monitor.Output, Does.Contain("0 failure(s) counted, 0 known, 0 not judged"));
        var nightly = await Conformance(clone, "monitor", "--profiles", "vendor-profiles/*.yaml", "--out", "nightly");
        Assert.That(nightly.ExitCode, Is.EqualTo(0), nightly.All);
        foreach (var command in new[] { "history", "diff", "standards" })
        {
            var listed = await Conformance(clone, command);
            Assert.That(listed.ExitCode, Is.EqualTo(0), $"{command}: {listed.All}");
        }
        // docs/certificates.md: a key pair in keys/, and a signed demo.
        Assert.That((await Conformance(clone, "keygen", "--out", "keys")).ExitCode, Is.EqualTo(0));
        var signed = await Conformance(clone, "run", "--standard", "oruk-3.0", "--reference", "--sign", "keys/signing-key.pem");
        Assert.That(signed.ExitCode, Is.EqualTo(0), signed.All);

        Assert.That(Directory.Exists(Path.Combine(clone, ".conformance")) && Directory.Exists(Path.Combine(clone, "nightly")), Is.True, "the commands wrote their outputs");
        var status = await Git(clone, "status", "--porcelain", "--untracked-files=all");
        Assert.That(status.ExitCode, Is.EqualTo(0), status.All);
        Assert.That(status.Output, Is.Empty, "everything the documented commands write is ignored");
    }
}
