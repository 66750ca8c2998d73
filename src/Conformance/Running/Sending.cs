using Conformance.Http;

namespace Conformance.Running;

/// <summary>How requests go out at this point of a run: through the run's probe, each reported before it is sent, until the run stops.</summary>
internal sealed record Sending(Probe Probe, Action<string> Report, CancellationToken Cancel);
