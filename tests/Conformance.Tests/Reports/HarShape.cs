using System.Text.Json.Nodes;

namespace Conformance.Tests.Reports;

/// <summary>What HAR 1.2 requires of an entry (its required fields and their types), held to every entry a test reads.</summary>
public static class HarShape
{
    public static void AssertEntry(JsonNode entry)
    {
        Assert.That(DateTimeOffset.TryParse(entry["startedDateTime"]!.GetValue<string>(), out _), "startedDateTime is ISO 8601");
        Assert.That(entry["time"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0));
        var request = entry["request"]!;
        Assert.That(request["method"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(Uri.IsWellFormedUriString(request["url"]!.GetValue<string>(), UriKind.Absolute), request["url"]!.ToJsonString());
        Assert.That(request["httpVersion"]!.GetValue<string>(), Is.Not.Null);
        foreach (var list in new[] { "cookies", "headers", "queryString" }) Assert.That(request[list], Is.InstanceOf<JsonArray>(), list);
        Assert.That(request["headersSize"]!.GetValue<int>(), Is.EqualTo(-1));
        Assert.That(request["bodySize"]!.GetValue<int>(), Is.EqualTo(-1));
        var response = entry["response"]!;
        Assert.That(response["status"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
        Assert.That(response["statusText"]!.GetValue<string>(), Is.Not.Null);
        foreach (var list in new[] { "cookies", "headers" }) Assert.That(response[list], Is.InstanceOf<JsonArray>(), list);
        foreach (var header in request["headers"]!.AsArray().Concat(response["headers"]!.AsArray()))
            Assert.That(header!["name"]!.GetValue<string>(), Is.Not.Empty);
        var content = response["content"]!;
        Assert.That(content["size"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
        Assert.That(content["mimeType"]!.GetValue<string>(), Is.Not.Null);
        if (content["encoding"] is { } encoding)
        {
            Assert.That(encoding.GetValue<string>(), Is.EqualTo("base64"));
            Assert.DoesNotThrow(() => Convert.FromBase64String(content["text"]!.GetValue<string>()));
        }
        Assert.That(response["redirectURL"]!.GetValue<string>(), Is.Not.Null);
        Assert.That(entry["cache"], Is.InstanceOf<JsonObject>());
        foreach (var timing in new[] { "send", "wait", "receive" })
            Assert.That(entry["timings"]![timing]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0), timing);
    }
}
