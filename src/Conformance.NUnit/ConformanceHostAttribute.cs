namespace Conformance.NUnit;

/// <summary>The <see cref="IConformanceHost"/> (a class with a public parameterless constructor) that starts the API under test.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ConformanceHostAttribute(Type host) : Attribute
{
    public Type Host { get; } = host;
}
