using Conformance.Specs;

namespace Conformance.Tests.AnySpec;

public class MediaTypesTests
{
    [Test]
    public void Accept_names_every_documented_type_json_like_first_then_anything_at_a_low_preference()
    {
        Assert.That(MediaTypes.Accept(["application/vnd.sdmx.data+xml;version=3.0.0", "text/csv", "application/vnd.sdmx.data+json;version=2.0.0", "text/csv"]),
            Is.EqualTo("application/vnd.sdmx.data+json;version=2.0.0, application/vnd.sdmx.data+xml;version=3.0.0, text/csv, */*;q=0.1"));
        Assert.That(MediaTypes.Accept(["image/png"]), Is.EqualTo("image/png, */*;q=0.1"));
        Assert.That(MediaTypes.Accept([]), Is.EqualTo("application/json, */*;q=0.1"), "nothing documented: JSON, or anything");
        Assert.That(MediaTypes.Accept(["*/*"]), Is.EqualTo("application/json, */*"), "only a range: JSON first");
        Assert.That(MediaTypes.Accept(["text/html,evil", "application/hal+json"]), Is.EqualTo("application/hal+json, */*;q=0.1"), "a type that would split the header is left out");
    }

    [TestCase("application/json; charset=utf-8", true)]
    [TestCase("application/hal+json", true)]
    [TestCase("application/problem+json", true)]
    [TestCase("text/json", true)]
    [TestCase("text/csv", false)]
    [TestCase("application/vnd.sdmx.data+xml;version=3.0.0", false)]
    [TestCase("+json", false)]
    public void Json_like_types_are_read_as_json(string type, bool json) => Assert.That(MediaTypes.IsJson(type), Is.EqualTo(json));

    [TestCase("*/*", "text/csv", true)]
    [TestCase("application/*", "application/hal+json", true)]
    [TestCase("application/json;charset=UTF-8", "application/json; charset=utf-8", true)]
    [TestCase("application/json", "application/hal+json", false)]
    [TestCase("text/*", "application/json", false)]
    public void A_documented_range_covers_a_declared_type(string documented, string declared, bool covered) =>
        Assert.That(MediaTypes.Covers(documented, declared), Is.EqualTo(covered));
}
