using System.ComponentModel;
using System.Globalization;
using Conformance.Door;
using Conformance.Running;

namespace Conformance.Cli.Commands;

/// <summary>
/// Typed flags, read as the numbers their limits count (<see cref="Limits"/>): text that is no such number is refused in
/// the limit's own words, the words the door uses for a number out of range. Spectre wraps the refusal; the program
/// prints it as it is (<see cref="ExitCodes.Describe"/>).
/// </summary>
public abstract class LimitFlag(Func<Limits, Limit> limit, Func<string, object?> read, string? flag = null) : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        var text = (string)value;
        var declared = limit(Limits.Standard);
        return read(text.Trim()) ?? throw new ConfigurationException(declared.Refusal(flag ?? declared.Flag!, text));
    }

    protected static object? Whole(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A number of seconds as a time span; one no time span can hold is out of every limit anyway.</summary>
    protected static object? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
        && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>A duration: a number of seconds, or one with a unit (90s, 5m, 1h).</summary>
    protected static object? Duration(string text)
    {
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[^1] : 's';
        var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => double.NaN };
        return Seconds(char.IsAsciiLetter(text.Length > 0 ? text[^1] : ' ') ? text[..^1] : text) is TimeSpan seconds && double.IsFinite(scale)
               && Math.Abs(seconds.TotalSeconds * scale) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds.TotalSeconds * scale) : null;
    }

    /// <summary>Requests a second; 'unlimited' or 0 for no limit (a local target).</summary>
    protected static object? PerSecond(string text) =>
        text == "unlimited" ? RunOverrides.Unlimited
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate) ? rate == 0 ? RunOverrides.Unlimited : rate
        : null;
}

public sealed class TimeoutFlag() : LimitFlag(l => l.Timeout, Seconds);
public sealed class DeadlineFlag() : LimitFlag(l => l.Deadline, Seconds);
public sealed class RateFlag() : LimitFlag(l => l.RateFlag, PerSecond);
public sealed class MaxPagesFlag() : LimitFlag(l => l.MaxPages, Whole);
public sealed class MaxBodyFlag() : LimitFlag(l => l.MaxBody, Whole);
public sealed class HarvestLimitFlag() : LimitFlag(l => l.HarvestPages, Whole);
public sealed class SeedFlag() : LimitFlag(l => l.Seed, Whole);
public sealed class ValidDaysFlag() : LimitFlag(l => l.ValidDays, Whole);
public sealed class PortFlag() : LimitFlag(l => l.Port, Whole);
public sealed class RunsFlag() : LimitFlag(l => l.Runs, Whole);
public sealed class ParallelFlag() : LimitFlag(l => l.Concurrency, Whole, "--parallel");
public sealed class TargetDeadlineFlag() : LimitFlag(l => l.Deadline, Seconds, "--target-deadline");
public sealed class ForFlag() : LimitFlag(l => l.StandInFor, Duration);
public sealed class UntilIdleFlag() : LimitFlag(l => l.UntilIdle, Seconds);
public sealed class MaxRequestsFlag() : LimitFlag(l => l.MaxRequests, Whole);
public sealed class RequestBodyFlag() : LimitFlag(l => l.RequestBody, Whole);
