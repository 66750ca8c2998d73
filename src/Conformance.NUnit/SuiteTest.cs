using System.Diagnostics;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Conformance.NUnit;

/// <summary>
/// One test of a suite, made when the tests are built: its name, its properties and what it reports when it runs.
/// Running it only reports; the run that judged it is over by then.
/// </summary>
public abstract class SuiteTest
{
    private protected SuiteTest(string name) => Name = name;

    public string Name { get; }

    /// <summary>Shown in a test explorer and kept in TRX as traits: which clause, operation and check a test is about.</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> Properties => [];

    /// <summary>
    /// Passed (the message goes to the test's output), Failed (an assertion failure), Skipped (Ignore) or Inconclusive,
    /// with the message. Every message starts with what it reports, because TRX records Ignore and Inconclusive alike.
    /// </summary>
    public abstract (TestStatus Status, string Message) Conclusion { get; }

    // The message says it all; a stack trace through this method would only be noise under it.
    [StackTraceHidden]
    internal void Report()
    {
        var (status, message) = Conclusion;
        switch (status)
        {
            case TestStatus.Failed: Assert.Fail(message); break;
            case TestStatus.Skipped: Assert.Ignore(message); break;
            case TestStatus.Inconclusive: Assert.Inconclusive(message); break;
            default: TestContext.Out.WriteLine(message); break;
        }
    }

    public override string ToString() => Name;
}
