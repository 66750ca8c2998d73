using NUnit.Framework.Interfaces;

namespace Conformance.NUnit;

/// <summary>The only test of a suite whose run could not be made (no profile, one that does not load, a target that would not start): it fails and says why.</summary>
internal sealed class NoRunTest(string why) : SuiteTest(VerdictTest.TestName)
{
    public string Why => why;

    public override (TestStatus Status, string Message) Conclusion => (TestStatus.Failed, $"Verdict: no run. {why}");
}
