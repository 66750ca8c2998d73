using System.Globalization;
using Conformance.Standards;

namespace Conformance.Clients;

/// <summary>
/// The answers the stand-in gives on purpose, as the scenario asks, to see how the client copes: 429 with
/// Retry-After to the first request of a step, or 503 to every request of a step for some seconds from its first.
/// Which manner answered a request is recorded with it; the checks of manners judge what the client did next.
/// </summary>
public sealed class Manners
{
    private readonly IReadOnlyList<(Manner Manner, IReadOnlyList<string> Operations)> _plan;
    private readonly HashSet<Manner> _fired = [];
    private readonly Dictionary<Manner, TimeSpan> _since = [];

    /// <summary>The kinds a stand-in plays today; a scenario asking for another is refused before a client is let in.</summary>
    public static IReadOnlyList<MannerKind> Played { get; } = [MannerKind.RetryAfter, MannerKind.ServerError];

    public Manners(Scenario scenario)
    {
        if (scenario.Manners.FirstOrDefault(m => !Played.Contains(m.Kind)) is { } unplayed)
            throw new ConfigurationException($"{scenario.Source}: the stand-in does not play the manner {unplayed.Kind} yet (it plays retry-after and server-error).");
        _plan = scenario.Manners.Select(m => (m, scenario.Step(m.Step)!.Requests)).ToList();
    }

    /// <summary>How a manner answers a request of this operation arriving now, or null: the reference answers it.</summary>
    public (MannerKind Kind, StandInAnswer Answer)? Decide(string operation, TimeSpan now)
    {
        foreach (var (manner, operations) in _plan)
        {
            if (!operations.Contains(operation)) continue;
            switch (manner.Kind)
            {
                case MannerKind.RetryAfter when _fired.Add(manner):
                    return (manner.Kind, StandInAnswer.Text(429, $"Too many requests: ask again in {manner.Seconds} seconds (a stand-in's test of the client).",
                        new KeyValuePair<string, string>("Retry-After", manner.Seconds.ToString(CultureInfo.InvariantCulture))));
                case MannerKind.ServerError:
                    var since = _since.TryGetValue(manner, out var first) ? first : _since[manner] = now;
                    if (now - since < TimeSpan.FromSeconds(manner.Seconds))
                        return (manner.Kind, StandInAnswer.Text(503, "Service unavailable for a while (a stand-in's test of the client)."));
                    break;
            }
        }
        return null;
    }
}
