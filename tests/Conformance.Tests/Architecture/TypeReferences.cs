using System.Reflection;
using System.Reflection.Emit;

namespace Conformance.Tests.Architecture;

/// <summary>
/// The types a compiled type uses, read from the assembly so no use escapes: its signatures (base type, interfaces,
/// generic parameters and their constraints, fields, properties, events, methods), the attributes on it and on every
/// member, parameter, return value and generic parameter (their types and the types they are given), and its method
/// bodies (local variables, catch clauses, and the operand of every instruction that names a type, method, field or
/// signature). Generic instantiations are read through to their arguments, and function pointers to their parts. An
/// instruction it does not know, or a token it cannot resolve, is an error rather than the end of the scan.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsFunctionPointer)
            {
                Add(t.GetFunctionPointerReturnType());
                foreach (var p in t.GetFunctionPointerParameterTypes()) Add(p);
            }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var a in t.GetGenericArguments()) Add(a);
            }
            if (t.IsGenericParameter) foreach (var c in t.GetGenericParameterConstraints()) Add(c);
        }
        void Attributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue))) Argument(argument);
            }
        }
        void Argument(CustomAttributeTypedArgument argument)
        {
            Add(argument.ArgumentType);
            if (argument.Value is Type given) Add(given);
            if (argument.Value is IEnumerable<CustomAttributeTypedArgument> items) foreach (var item in items) Argument(item);
        }
        void Parameters(MethodBase method)
        {
            foreach (var p in method.GetParameters())
            {
                Add(p.ParameterType);
                Attributes(p.GetCustomAttributesData());
            }
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
                Attributes(info.ReturnParameter.GetCustomAttributesData());
            }
            if (method.IsGenericMethodDefinition)
                foreach (var g in method.GetGenericArguments())
                {
                    Add(g);
                    Attributes(g.GetCustomAttributesData());
                }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        Attributes(type.GetCustomAttributesData());
        if (type.IsGenericTypeDefinition)
            foreach (var g in type.GetGenericArguments())
            {
                Add(g);
                Attributes(g.GetCustomAttributesData());
            }
        foreach (var f in type.GetFields(Everything))
        {
            Add(f.FieldType);
            Attributes(f.GetCustomAttributesData());
        }
        foreach (var p in type.GetProperties(Everything))
        {
            Add(p.PropertyType);
            Attributes(p.GetCustomAttributesData());
        }
        foreach (var e in type.GetEvents(Everything))
        {
            Add(e.EventHandlerType);
            Attributes(e.GetCustomAttributesData());
        }
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            Attributes(method.GetCustomAttributesData());
            Parameters(method);
            foreach (var used in Body(method)) Add(used);
        }
        return found.Where(t => !t.IsGenericParameter).ToList();
    }

    /// <summary>The types a method's body names: its locals, its catch clauses, and the operands of its instructions.</summary>
    private static IEnumerable<Type> Body(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null) yield break;
        foreach (var local in body.LocalVariables) yield return local.LocalType;
        foreach (var clause in body.ExceptionHandlingClauses)
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause) yield return clause.CatchType!;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (code, token) in Tokens(body.GetILAsByteArray() ?? []))
        {
            if (code.OperandType == OperandType.InlineSig)
            {
                foreach (var t in Signatures.Types(method.Module.ResolveSignature(token), method.Module, typeArguments, methodArguments)) yield return t;
                continue;
            }
            switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
            {
                case Type t: yield return t; break;
                case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                case MethodBase m:
                    yield return m.DeclaringType!;
                    if (m is MethodInfo mi) yield return mi.ReturnType;
                    foreach (var p in m.GetParameters()) yield return p.ParameterType;
                    foreach (var a in m.IsGenericMethod ? m.GetGenericArguments() : []) yield return a;
                    break;
                case var other: throw new InvalidOperationException($"{method.DeclaringType}.{method.Name}: token {token:X8} ({code}) resolved to {other}");
            }
        }
    }

    /// <summary>
    /// Every instruction of a method body whose operand is a metadata token (a type, method, field or signature), with
    /// that token. Every instruction is decoded, its operand stepped over by its size; an opcode that is none of
    /// .NET's stops the test with an error, never silently.
    /// </summary>
    public static IEnumerable<(OpCode Code, int Token)> Tokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            var at = i;
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var code))
                throw new InvalidOperationException($"unknown opcode 0x{(ushort)value:X} at IL offset {at}: the scan cannot go on");
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok or OperandType.InlineSig)
                yield return (code, BitConverter.ToInt32(il, i));
            i += size;
        }
    }
}
