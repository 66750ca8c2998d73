using System.Text;
using Conformance.Http;
using Conformance.Running;
using NUnit.Framework.Interfaces;

namespace Conformance.NUnit;

/// <summary>The test for one result of the run: a check, on an operation, under a clause.</summary>
internal sealed class ResultTest(string name, CheckResult result, IReadOnlyCollection<string> secrets) : SuiteTest(name)
{
    /// <summary>How much of the response body a message shows.</summary>
    private const int BodyStart = 500;

    public CheckResult Result => result;

    /// <summary>Clause and operation alone repeat (several checks cite one clause), so the check is part of the name.</summary>
    public static string NameOf(CheckResult result) => $"{result.Clause} · {result.Operation} · {result.Check}";

    public override IEnumerable<KeyValuePair<string, string>> Properties =>
    [
        new("Clause", result.Clause), new("Operation", result.Operation), new("Check", result.Check),
        new("Level", result.Level.ToString().ToUpperInvariant()), new("Tier", result.Tier.ToString().ToLowerInvariant()),
    ];

    public override (TestStatus Status, string Message) Conclusion => (StatusOf(result.Outcome), Redaction.Mask(Message(), secrets));

    /// <summary>Only a failure fails; a warning or information passes with the finding in the output, as it passes the verdict.</summary>
    public static TestStatus StatusOf(Outcome outcome) => outcome switch
    {
        Outcome.Fail => TestStatus.Failed,
        Outcome.Skipped => TestStatus.Skipped,
        Outcome.Error => TestStatus.Inconclusive,
        _ => TestStatus.Passed,
    };

    private string Message()
    {
        var text = new StringBuilder($"{result.Outcome}: {result.Message}\n");
        foreach (var detail in result.Details) text.Append($"  {detail}\n");
        text.Append($"Clause: {result.Clause} ({result.Level.ToString().ToUpperInvariant()}, {result.Tier.ToString().ToLowerInvariant()} endpoint), check {result.Check} on {result.Operation}\n");
        if (result.Evidence is not { } evidence) return text.ToString().TrimEnd();
        text.Append($"Request: {evidence.Method} {evidence.Url} ({evidence.Purpose})\n");
        if (evidence.RequestBody is { Length: > 0 }) text.Append($"Request body: {evidence.RequestExcerpt(secrets, BodyStart)}\n");
        foreach (var redirect in evidence.Redirects) text.Append($"Redirected: {redirect.Status} to {redirect.Location}\n");
        text.Append(evidence.Answered
            ? $"Response: {evidence.Status}{(evidence.ContentType is null ? "" : $" {evidence.ContentType}")} in {evidence.Duration.TotalMilliseconds:0} ms\n"
            : $"Response: none ({evidence.TransportError})\n");
        if (evidence.Body.Length > 0) text.Append($"Body: {evidence.Excerpt(secrets, BodyStart)}\n");
        text.Append($"Repeat it: {evidence.Curl()}");
        return text.ToString();
    }
}
