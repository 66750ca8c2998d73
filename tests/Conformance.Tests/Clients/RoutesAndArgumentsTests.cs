using Conformance.Clients;
using Conformance.Tests.Open311;

namespace Conformance.Tests.Clients;

public class RoutesAndArgumentsTests
{
    private static readonly Routes Routes = new(Open311Fixtures.Spec);

    [TestCase("GET", "/services.xml", "GET /services.{response_format}")]
    [TestCase("HEAD", "/services.json", "GET /services.{response_format}")]
    [TestCase("GET", "/services/pothole.json", "GET /services/{service_code}.{response_format}")]
    [TestCase("POST", "/requests.xml", "POST /requests.{response_format}")]
    [TestCase("GET", "/requests/HB-1.xml", "GET /requests/{service_request_id}.{response_format}")]
    public void A_request_is_matched_to_its_operation(string method, string path, string operation) =>
        Assert.That(Routes.Match(method, path)?.Operation.Id, Is.EqualTo(operation));

    [Test]
    public void Path_values_are_what_the_path_gave_each_parameter_the_extension_after_the_last_dot()
    {
        var route = Routes.Match("GET", "/services/street.light.json")!;
        Assert.That(route.PathValues["service_code"], Is.EqualTo("street.light"));
        Assert.That(route.PathValues["response_format"], Is.EqualTo("json"));
    }

    [TestCase("GET", "/request/HB-1.json")]
    [TestCase("GET", "/services")]
    [TestCase("GET", "/services.json/")]
    [TestCase("DELETE", "/services.json")]
    [TestCase("GET", "/open311/v2/services.json")]
    public void Anything_else_is_no_operation_of_the_standard(string method, string path) =>
        Assert.That(Routes.Match(method, path), Is.Null);

    [Test]
    public void A_path_the_standard_gives_with_another_method_is_known_as_a_path()
    {
        Assert.That(Routes.KnowsPath("/services.json"), Is.True);
        Assert.That(Routes.KnowsPath("/service_list.json"), Is.False);
    }

    [Test]
    public void Arguments_are_read_as_a_browser_reads_a_form()
    {
        var pairs = Arguments.Parse("a=1&b=two+words&attribute%5Bdepth%5D=deep&c=%E2%9C%93&d=%zz&e&&a=2");
        Assert.That(pairs, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("a", "1"), new("b", "two words"), new("attribute[depth]", "deep"), new("c", "✓"), new("d", "%zz"), new("e", ""), new("a", "2"),
        }));
    }

    [Test]
    public void A_body_that_is_not_utf8_is_read_with_replacement_characters_never_an_exception() =>
        Assert.That(Arguments.ParseForm([0x61, 0x3d, 0xff, 0xfe]).Single().Value, Is.EqualTo("\uFFFD\uFFFD"));
}
