using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Clients;

/// <summary>
/// What a client check may read besides the exchanges: the spec and profile, the scenario and how far the client carried
/// it, the stand-in's reference (asked in-process, e.g. whether a service type exists), what the stand-in issued, and the
/// secrets to mask in any value a message quotes.
/// </summary>
public sealed record ClientContext(Spec Spec, Profile Profile, Scenario Scenario, ScenarioProgress Progress, IStandInReference Reference,
    StandInSettings Settings, IReadOnlyCollection<string> Secrets)
{
    public string Masked(string text) => Secrets.Count > 0 ? Http.Redaction.Mask(text, Secrets) : text;

    /// <summary>A value a client sent, as a message quotes it: masked, then cut short, in quotes.</summary>
    public string Quoted(string value)
    {
        var masked = Masked(value);
        return System.Text.Json.JsonSerializer.Serialize(masked.Length <= 60 ? masked : masked[..57] + "…", Readable);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
