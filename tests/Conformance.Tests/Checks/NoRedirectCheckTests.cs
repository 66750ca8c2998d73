using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using static Conformance.Tests.Fixtures;

namespace Conformance.Tests.Checks;

/// <summary>
/// A redirect within the origin is followed and the final answer judged, but the endpoint is not where its
/// documentation says: no-redirect says so. A redirect the harness would not follow leaves it unable to judge.
/// </summary>
public class NoRedirectCheckTests
{
    private static Exchange Redirected(params Redirect[] hops) => JsonExchange("/services", Page(1, 1, 0)) with { Redirects = hops };

    [Test]
    public void Answers_served_where_asked_satisfy_it() =>
        Assert.That(Single(new NoRedirectCheck(), Run("/services", OperationRole.List, JsonExchange("/services", Page(1, 1, 0)))).Kind,
            Is.EqualTo(FindingKind.Satisfied));

    [Test]
    public void An_answer_reached_through_a_redirect_violates_it_naming_the_chain()
    {
        var finding = Single(new NoRedirectCheck(), Run("/services", OperationRole.List,
            Redirected(new Redirect(301, "http://vendor.test/v3/services"), new Redirect(307, "http://vendor.test/v3/services/"))));
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Violated));
        Assert.That(finding.Message, Does.Contain("301 → http://vendor.test/v3/services").And.Contain("307 → http://vendor.test/v3/services/"));
    }

    [Test]
    public void A_redirect_not_followed_is_left_to_endpoint_answers_which_cannot_judge_it()
    {
        var moved = JsonExchange("/services", new JsonObject(), status: 302) with { RedirectNotFollowed = "it redirects to https://elsewhere.test/services, another origin" };
        var run = Run("/services", OperationRole.List, moved);
        Assert.That(new NoRedirectCheck().Evaluate(run, Context), Is.Empty);
        var finding = Single(new EndpointAnswersCheck(), run);
        Assert.That(finding.Kind, Is.EqualTo(FindingKind.Error));
        Assert.That(finding.Message, Does.Contain("another origin").And.Contain("--url"));
    }
}
