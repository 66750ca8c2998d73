using System.Text;
using Conformance.Http;

namespace Conformance.Tests.Http;

/// <summary>A secret is masked in whatever form a server echoes it.</summary>
public class RedactionTests
{
    private const string Token = "SEKRIT-tok3n/42+x";

    [TestCase("raw " + Token)]
    [TestCase("url SEKRIT-tok3n%2F42%2Bx")]
    [TestCase("url, lower case SEKRIT-tok3n%2f42%2bx")]
    [TestCase("url, every character %53%45%4B%52%49%54%2D%74%6F%6B%33%6E%2F%34%32%2B%78")]
    [TestCase(@"json SEKRIT\u002dtok3n\/42+x")]
    [TestCase(@"json, every character \u0053\u0045\u004B\u0052\u0049\u0054\u002D\u0074\u006F\u006B\u0033\u006E\u002F\u0034\u0032\u002B\u0078")]
    [TestCase("xml SEKRIT&#45;tok3n&#x2F;42&#43;x")]
    public void Every_encoding_of_a_secret_is_masked(string text)
    {
        var masked = Redaction.Mask(text, [Token]);
        Assert.That(masked, Does.EndWith(Redaction.Masked).And.Not.Contain("SEKRIT").And.Not.Contain("53%45"));
    }

    [Test]
    public void The_token_part_of_an_authorization_value_and_its_base64_are_masked()
    {
        var secrets = new[] { $"Bearer {Token}" };
        Assert.That(Redaction.Mask($"echo: {Token}", secrets), Is.EqualTo("echo: ***"));
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Token));
        Assert.That(Redaction.Mask($"encoded: {base64}", secrets), Is.EqualTo("encoded: ***"));
    }

    [Test]
    public void A_basic_credential_masks_its_password_and_pair()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("council:hunter2-pass"));
        Assert.That(Redaction.Mask("user council, password hunter2-pass, pair council:hunter2-pass", [header]),
            Is.EqualTo("user council, password ***, pair ***"));
    }

    [Test]
    public void Short_values_and_ordinary_text_are_left_alone()
    {
        Assert.That(Redaction.Mask("abc abc", ["abc"]), Is.EqualTo("abc abc"), "a value this short would mask ordinary words");
        Assert.That(Redaction.Mask("nothing to hide", [Token]), Is.EqualTo("nothing to hide"));
        Assert.That(Redaction.Holds($"id {Token}", [Token]), Is.True);
    }
}
