namespace Conformance.Evidence;

/// <summary>
/// A kind of request beyond the ordinary reads, declared once by whoever makes it (the runner, or a check on its
/// <see cref="ProbeRequest.Kind"/>), compared by reference: another check that reads such requests says so in
/// <see cref="RequestOwner.Uses"/> rather than finding them by a string.
/// </summary>
public sealed class RequestKind(string name)
{
    public string Name => name;

    public override string ToString() => name;
}
