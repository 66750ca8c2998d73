namespace Conformance.IntegrationTests;

/// <summary>
/// What a rate of N requests a second promises, measured where a server received the requests. The harness sends each
/// request at least 1/N s after the one before; on its way a request may then wait for a core (two busy cores, a test
/// host running several targets) before it is sent or stamped, up to <see cref="Noise"/>. So any k+1 arrivals span at
/// least k/N s less that noise. The promise is held over every span, long ones included, so a harness sending faster than
/// its rate breaks it over enough requests however much noise is allowed (at twice the rate, within about twenty
/// requests at 20 a second); a one-second window counted to the request would fail on the noise alone.
/// </summary>
public static class Pacing
{
    /// <summary>The longest a request may be held up between the pacer and the server's clock on a busy machine.</summary>
    public static readonly TimeSpan Noise = TimeSpan.FromSeconds(0.5);

    /// <summary>The first span of arrivals shorter than <paramref name="rate"/> allows, in words; null when the rate held.</summary>
    public static string? Breach(IEnumerable<DateTime> arrivals, double rate, TimeSpan? noise = null)
    {
        var times = arrivals.Order().ToList();
        var slack = (noise ?? Noise).TotalSeconds;
        for (var i = 0; i < times.Count; i++)
            for (var j = i + 1; j < times.Count; j++)
            {
                var span = (times[j] - times[i]).TotalSeconds;
                var least = (j - i) / rate - slack;
                if (span < least)
                    return $"{j - i + 1} requests arrived within {span:0.000} s; at {rate} a second they take at least {(j - i) / rate:0.000} s, less {slack:0.0} s of noise";
            }
        return null;
    }
}
