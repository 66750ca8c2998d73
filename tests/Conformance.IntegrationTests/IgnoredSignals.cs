namespace Conformance.IntegrationTests;

/// <summary>
/// A process inherits the signals its parent ignores (POSIX): a test started as a shell's background job ignores
/// SIGINT, one under nohup ignores SIGHUP. A test that sends such a signal to the program it starts is skipped, with
/// the reason, where the program could never see it.
/// </summary>
public static class IgnoredSignals
{
    private static readonly Dictionary<string, int> Numbers = new() { ["HUP"] = 1, ["INT"] = 2, ["TERM"] = 15 };

    /// <summary>Skips the test when this process ignores <paramref name="signal"/> (e.g. "INT"), so a child would too.</summary>
    public static void SkipIfIgnored(string signal)
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("POSIX signals: not on Windows.");
        if (Ignored(Numbers[signal]))
            Assert.Ignore($"SIG{signal} is ignored by this test process (a shell's background job, or nohup), so the program it starts inherits that, as POSIX wants.");
    }

    /// <summary>Whether this process ignores a signal (SigIgn in /proc/self/status).</summary>
    private static bool Ignored(int signal) =>
        File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:")) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
}
