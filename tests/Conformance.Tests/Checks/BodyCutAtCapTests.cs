using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

/// <summary>
/// A body that went past the harness's cap was not read: response-schema owns it, as an error that names the cap and
/// the flag that raises it; no check blames the vendor for what was not read, and what was read is still judged.
/// </summary>
public class BodyCutAtCapTests
{
    // Made whole each time: a `with` copy would share the parse of the exchange it copies.
    private static Exchange Read(bool cut)
    {
        var start = Raw("/services", "{\"contents\": [{\"id\": \"a\""u8.ToArray(), page: 1);
        return new Exchange
        {
            Operation = start.Operation, Purpose = start.Purpose, Method = start.Method, Url = start.Url, RequestHeaders = start.RequestHeaders,
            Status = start.Status, ResponseHeaders = start.ResponseHeaders, ContentType = start.ContentType,
            Body = start.Body, BodyCutAt = cut ? 20 * 1024 * 1024 : null,
        }.Asking(page: 1);
    }

    private static Exchange Cut() => Read(cut: true);

    [Test]
    public void Response_schema_cannot_judge_it_and_says_how_to_raise_the_cap()
    {
        var finding = Single(new ResponseSchemaCheck(), Run("/services", OperationRole.List, Cut()));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Error));
        Assert.That(finding.Message, Is.EqualTo("The harness could not judge the body: the body goes on past 20 MB, the most the harness reads (--max-body raises it)."));
    }

    [Test]
    public void The_same_bytes_read_whole_are_the_vendors_to_answer_for()
    {
        var whole = Read(cut: false);
        Assert.That(whole.BodyRefused, Is.False);
        Assert.That(Single(new ResponseSchemaCheck(), Run("/services", OperationRole.List, whole)).Kind, Is.EqualTo(FindingKind.Violated));
    }

    [Test]
    public void No_check_blames_the_vendor_for_it()
    {
        var run = Run("/services", OperationRole.List, Cut());
        var violated = CheckCatalogue.All.SelectMany(c => c.Evaluate(run, Context)).Where(f => f.Kind == FindingKind.Violated);
        Assert.That(violated.Select(f => $"{f.Check}: {f.Message}"), Is.Empty);
    }

    [Test]
    public void Its_excerpt_says_it_was_cut()
    {
        Assert.That(Cut().Excerpt(), Is.EqualTo("{\"contents\": [{\"id\": \"a\"… (the body went on past 20 MB; only its start was kept)"));
        Assert.That(Read(cut: false).Excerpt(), Is.EqualTo("{\"contents\": [{\"id\": \"a\""));
    }
}
