using Conformance.NUnit;
using NUnit.Framework;

namespace DefectSuite;

/// <summary>The suite against an API that sends no CORS header: the cors tests fail, and so does the verdict.</summary>
[TestFixture, ConformanceProfile("vendor.yaml"), ConformanceHost(typeof(MissingCorsHost))]
public sealed class DefectConformance : ConformanceSuite;
