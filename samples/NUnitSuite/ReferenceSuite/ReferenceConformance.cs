using Conformance.NUnit;
using NUnit.Framework;

namespace ReferenceSuite;

/// <summary>The whole suite: one test per result of the run, and the verdict (pass).</summary>
[TestFixture, ConformanceProfile("vendor.yaml")]
public sealed class ReferenceConformance : ConformanceSuite;
