// Each type below is in the bottom room (Specs, which may use only the root namespace) and uses a room above it in one
// way only, the way its name says, so the test proves the reader sees that way. Nothing here runs in the harness.
using System.ComponentModel;
using Conformance.Monitoring;
using Conformance.Running;

namespace Conformance.Specs
{
    public static class ThroughACatchClause
    {
        public static bool Try(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (HistoryException)
            {
                return false;
            }
        }
    }

    public static class ThroughAnExceptionFilter
    {
        public static bool Try(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (Exception e) when (e is HistoryException)
            {
                return false;
            }
        }
    }

    public static class ThroughALocal
    {
        public static int Count()
        {
            Runner? runner = null; // a local of the type, and nothing else naming it
            return runner is null ? 0 : 1;
        }
    }

    public sealed class ThroughAGenericConstraint<T> where T : Conformance.Checks.Judgement;

    public static class ThroughAMethodsGenericConstraint
    {
        public static int None<T>() where T : Conformance.Reports.IReporter => 0;
    }

    public static class ThroughAGenericTypeInstantiation
    {
        public static int Count() => new List<RunProgress>().Count;
    }

    public static class ThroughAGenericMethodInstantiation
    {
        public static int Count() => Array.Empty<Runner>().Length;
    }

    [Planted]
    public static class ThroughAnAttribute;

    [TypeConverter(typeof(Runner))]
    public static class ThroughAnAttributeArgument;

    public static class ThroughAParameterAttribute
    {
        public static int Take([TypeConverter(typeof(Runner))] int value) => value;
    }

    public sealed class ThroughAnEvent
    {
        public event EventHandler<RunProgress>? Progressed;

        public void Tell() => Progressed?.Invoke(this, null!);
    }

    public static unsafe class ThroughAFunctionPointer
    {
        public static delegate*<Runner?, int> Pointer() => null;
    }

    public static class ThroughAClosure
    {
        public static Func<object, bool> Test() => o => o is Runner;
    }

    public static class ThroughTypeOf
    {
        public static Type Of() => typeof(RunResult);
    }

    /// <summary>Every kind of operand an instruction can have, then the breach: a reader that stopped early would miss it.</summary>
    public static unsafe class AfterEveryKindOfOperand
    {
        public static Type Last(int n, delegate*<int, int> twice, long big, double ratio)
        {
            switch (n) // switch
            {
                case 0: n = 7; break;
                case 1: n = 11; break;
                case 2: n = 13; break;
                case 3: n = 17; break;
            }
            n = twice(n); // calli
            var sum = big + 1_000_000_000_000L + (long)(ratio * 2.5); // ldc.i8, ldc.r8
            for (var i = 0; i < 300; i++) sum += i;
            object boxed = sum; // box
            sum = (long)boxed; // unbox.any
            var reference = __makeref(sum); // mkrefany
            sum = __refvalue(reference, long); // refanyval
            delegate*<int, int> same = &Twice; // ldftn
            sum += same(n);
            return n + sum > 0 ? typeof(Runner) : typeof(object); // ldtoken: the breach
        }

        private static int Twice(int n) => 2 * n;
    }
}

namespace Conformance.Running
{
    /// <summary>An attribute in the Running room, for the type above that wears it.</summary>
    [AttributeUsage(AttributeTargets.All)]
    public sealed class PlantedAttribute : Attribute;
}

namespace Conformance
{
    /// <summary>The root namespace is the floor: it may use no room.</summary>
    public static class ThroughTheRootNamespace
    {
        public static Type Of() => typeof(Runner);
    }
}

namespace Outside.Every.Room
{
    /// <summary>A type of ours in no room at all would be checked by nothing.</summary>
    public static class Stowaway
    {
        public static Type Of() => typeof(Runner);
    }
}
