namespace Conformance.Monitoring;

/// <summary>
/// What fails the job (`--fail-on`): <see cref="Any"/> failure, or only <see cref="New"/> ones: not in the baseline
/// or, without a baseline, not failing in the target's previous judged run. The default is any without a baseline and
/// new with one.
/// </summary>
public enum FailOn { Any, New }

public static class FailOnNames
{
    public static FailOn? Parse(string? text) => text switch
    {
        null => null,
        "any" => FailOn.Any,
        "new" => FailOn.New,
        _ => throw new ConfigurationException($"--fail-on takes new or any, not '{text}'."),
    };
}
