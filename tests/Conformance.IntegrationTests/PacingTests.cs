namespace Conformance.IntegrationTests;

/// <summary>The measure of a rate the politeness tests use (<see cref="Pacing"/>): it forgives noise, never speed.</summary>
public class PacingTests
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Arrivals as the probe makes them: a request waits for its turn (<paramref name="interval"/> after the last one's
    /// turn) and for the last answer, then may be held up on its way by <paramref name="delay"/> (a thread waiting for a core).
    /// </summary>
    private static List<DateTime> Arrivals(int count, double interval, Func<int, double> delay)
    {
        var arrivals = new List<DateTime>();
        double next = 0, last = 0;
        for (var i = 0; i < count; i++)
        {
            var turn = Math.Max(next, last);
            next = turn + interval;
            last = turn + delay(i);
            arrivals.Add(Start.AddSeconds(last));
        }
        return arrivals;
    }

    [Test]
    public void Requests_at_the_rate_pass_when_some_are_held_up_and_the_next_follow_at_once()
    {
        // A timer that fires half a millisecond early, and one request held up for a core so the next follows it at once:
        // 22 requests within a second at 20 a second, as a busy machine once showed.
        var arrivals = Arrivals(40, 0.0495, i => i == 10 ? 0.06 : 0);
        Assert.That(arrivals.Max(a => arrivals.Count(t => t >= a && t < a.AddSeconds(1))), Is.EqualTo(22), "the old one-second window would fail");
        Assert.That(Pacing.Breach(arrivals, 20), Is.Null);
        Assert.That(Pacing.Breach(Arrivals(40, 0.05, i => i is 5 or 20 or 30 ? 0.45 : 0), 20), Is.Null, "long hold-ups");
    }

    [Test]
    public void Requests_at_twice_the_rate_are_caught() =>
        Assert.That(Pacing.Breach(Arrivals(40, 0.025, _ => 0), 20), Does.Contain("at 20 a second"));

    [Test]
    public void A_burst_beyond_the_noise_is_caught() =>
        Assert.That(Pacing.Breach(Arrivals(40, 0.05, _ => 0).Take(20).Concat(Enumerable.Repeat(Start.AddSeconds(1), 12)), 20), Is.Not.Null);
}
