using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Checks;

/// <summary>
/// A date and time in the W3C profile of ISO 8601 (YYYY-MM-DDThh:mm[:ss[.s]] then Z or ±hh:mm; seconds are
/// optional), read for what its digits name: a real calendar date (leap years by the Gregorian rule), a clock
/// time (second 60 for a leap second) and an offset within RFC 3339's ranges.
/// </summary>
public static partial class W3cDateTime
{
    /// <summary>Whether a text has the shape of a date-time; its timezone and values are judged apart.</summary>
    public static Match Shape(string text) => Pattern().Match(text);

    /// <summary>What makes a date-time of the right shape impossible; empty when it names a real moment.</summary>
    public static IReadOnlyList<string> Impossibilities(Match shape)
    {
        int Number(string group) => int.Parse(shape.Groups[group].Value, CultureInfo.InvariantCulture);
        var problems = new List<string>();
        var (year, month, day) = (Number("year"), Number("month"), Number("day"));
        if (month is < 1 or > 12) problems.Add($"month {shape.Groups["month"].Value} is not 01-12");
        else if (day < 1) problems.Add($"day {shape.Groups["day"].Value} is not a day of the month");
        else if (day > DaysIn(year, month))
            problems.Add($"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {shape.Groups["year"].Value} has {DaysIn(year, month)} days");
        Within("hour", 23);
        Within("minute", 59);
        if (shape.Groups["second"].Success) Within("second", 60);
        if (shape.Groups["offset_hour"].Success)
        {
            Within("offset_hour", 23, "offset hour");
            Within("offset_minute", 59, "offset minute");
        }
        if (problems.Count == 0 && shape.Groups["second"].Success && Number("second") == 60 && !EndOfUtcDay(shape))
            problems.Add("second 60 (a leap second) comes only at the end of a day in UTC, 23:59:60Z");
        return problems;

        void Within(string group, int most, string? name = null)
        {
            if (Number(group) > most) problems.Add($"{name ?? group} {shape.Groups[group].Value} is not 00-{most}");
        }
    }

    /// <summary>Whether the time, moved to UTC by its offset, is 23:59 (a leap second's minute; RFC 3339 §5.7).</summary>
    private static bool EndOfUtcDay(Match shape)
    {
        int Number(string group) => shape.Groups[group].Success ? int.Parse(shape.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var sign = shape.Groups["zone"].Value.StartsWith('-') ? -1 : 1;
        var minutes = Number("hour") * 60 + Number("minute") - sign * (Number("offset_hour") * 60 + Number("offset_minute"));
        return ((minutes % 1440) + 1440) % 1440 == 23 * 60 + 59;
    }

    private static int DaysIn(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})T(?<hour>[0-9]{2}):(?<minute>[0-9]{2})(:(?<second>[0-9]{2})([.][0-9]+)?)?(?<zone>Z|[+-](?<offset_hour>[0-9]{2}):(?<offset_minute>[0-9]{2}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
