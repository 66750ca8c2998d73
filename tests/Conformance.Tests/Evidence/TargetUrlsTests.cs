using Conformance.Evidence;
using Conformance.Specs;

namespace Conformance.Tests.Evidence;

/// <summary>A value put in a path is one segment, and no URL the harness builds leaves the base URL's path.</summary>
public class TargetUrlsTests
{
    private static readonly Uri Base = new("http://h.example/tenant/api/?key=abc");

    [TestCase(".", "/tenant/api/services/%2E")]
    [TestCase("..", "/tenant/api/services/%2E%2E")]
    [TestCase("%2e", "/tenant/api/services/%252e")]
    [TestCase("%2E%2E", "/tenant/api/services/%252E%252E")]
    [TestCase("a/b", "/tenant/api/services/a%2Fb")]
    [TestCase("a\\b", "/tenant/api/services/a%5Cb")]
    [TestCase("...", "/tenant/api/services/...")]
    [TestCase("a b?c#d", "/tenant/api/services/a%20b%3Fc%23d")]
    public void An_id_is_one_segment_and_is_sent_as_built(string id, string path)
    {
        var url = TargetUrls.Url(Base, "/services/{id}", id, "page=1");
        Assert.That(url.AbsoluteUri, Is.EqualTo($"http://h.example{path}?key=abc&page=1"));
        Assert.That(url.PathAndQuery, Is.EqualTo($"{path}?key=abc&page=1"), "what the request line carries: .NET did not undo the escaping");
    }

    [TestCase("..")]
    [TestCase("../..")]
    [TestCase("..\\..")]
    public void An_id_right_under_the_base_that_a_lenient_server_would_read_as_up_is_never_requested(string id) =>
        Assert.That(() => TargetUrls.Url(Base, "/{id}", id), Throws.InstanceOf<UnsafeUrlException>().With.Message.Contains("outside the base URL's (/tenant/api)"));

    [Test]
    public void Values_that_only_together_make_a_dot_segment_are_encoded() =>
        Assert.That(TargetUrls.Url(Base, "/services/{a}{b}/x", ".").AbsolutePath, Is.EqualTo("/tenant/api/services/%2E%2E/x"));

    [Test]
    public void Known_path_values_fill_their_names_and_the_rest_stay() =>
        Assert.That(TargetUrls.Fill("/a/{x}/b/{y}", new Dictionary<string, string> { ["x"] = "..", ["z"] = "q" }), Is.EqualTo("/a/%2E%2E/b/{y}"));

    [TestCase("/../../x")]
    [TestCase("/%2e%2e/x")]
    [TestCase("/a/../../x")]
    [TestCase("/%2E%2E%2Fx")]
    public void A_spec_path_climbing_out_of_the_base_is_refused_by_the_builder_too(string path) =>
        Assert.That(() => TargetUrls.Url(Base, path), Throws.InstanceOf<UnsafeUrlException>());

    [TestCase("/../../x", true)]
    [TestCase("/%2e%2e/x", true)]
    [TestCase("/a/../../x", true)]
    [TestCase("/a/./b", true)]
    [TestCase("/a/%2E/b", true)]
    [TestCase("/services/{id}", false)]
    [TestCase("/services.json", false)]
    [TestCase("/a/.../b", false)]
    [TestCase("/a%2F..%2Fb", true)]
    [TestCase("/a\\..\\b", true)]
    public void Dot_segments_are_found_however_they_are_spelt(string path, bool has) =>
        Assert.That(DotSegments.In(path), Is.EqualTo(has));

    [Test]
    public void A_spec_path_written_with_characters_a_path_cannot_hold_is_escaped_and_unknown_names_kept_visible() =>
        Assert.That(TargetUrls.Url(new Uri("http://h.example/"), "/a b/{unknown}/é").AbsolutePath, Is.EqualTo("/a%20b/%7Bunknown%7D/%C3%A9"));
}
