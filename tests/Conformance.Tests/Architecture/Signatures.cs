using System.Reflection;

namespace Conformance.Tests.Architecture;

/// <summary>
/// The types a stand-alone method signature names (a calli's, ECMA-335 §II.23.2.3): its return type and parameters,
/// read through pointers, arrays, generic instantiations, modifiers and function pointers.
/// </summary>
public static class Signatures
{
    public static IEnumerable<Type> Types(byte[] blob, Module module, Type[]? typeArguments, Type[]? methodArguments)
    {
        var found = new List<Type>();
        var at = 0;
        int Compressed()
        {
            var b = blob[at];
            if ((b & 0x80) == 0) { at += 1; return b; }
            if ((b & 0xC0) == 0x80) { at += 2; return ((b & 0x3F) << 8) | blob[at - 1]; }
            at += 4;
            return ((b & 0x1F) << 24) | (blob[at - 3] << 16) | (blob[at - 2] << 8) | blob[at - 1];
        }
        void Token()
        {
            var coded = Compressed();
            var table = (coded & 3) switch { 0 => 0x02, 1 => 0x01, 2 => 0x1B, _ => throw new InvalidOperationException("bad TypeDefOrRef") };
            found.Add(module.ResolveType((table << 24) | (coded >> 2), typeArguments, methodArguments));
        }
        void Method()
        {
            var convention = blob[at++];
            if ((convention & 0x10) != 0) Compressed(); // generic parameter count
            var count = Compressed();
            for (var p = 0; p <= count; p++) TypeOf(); // the return type, then each parameter
        }
        void TypeOf()
        {
            var element = blob[at++];
            switch (element)
            {
                case 0x11 or 0x12: Token(); break; // VALUETYPE, CLASS
                case 0x0F or 0x10 or 0x1D or 0x45: TypeOf(); break; // PTR, BYREF, SZARRAY, PINNED
                case 0x13 or 0x1E: Compressed(); break; // VAR, MVAR
                case 0x1F or 0x20: Token(); TypeOf(); break; // CMOD_REQD, CMOD_OPT
                case 0x41: TypeOf(); break; // SENTINEL (varargs)
                case 0x1B: Method(); break; // FNPTR
                case 0x15: // GENERICINST
                    at++;
                    Token();
                    for (var n = Compressed(); n > 0; n--) TypeOf();
                    break;
                case 0x14: // ARRAY
                    TypeOf();
                    Compressed();
                    for (var n = Compressed(); n > 0; n--) Compressed();
                    for (var n = Compressed(); n > 0; n--) Compressed();
                    break;
                case >= 0x01 and <= 0x0E or 0x16 or 0x18 or 0x19 or 0x1C: break; // void, primitives, string, typedref, object
                default: throw new InvalidOperationException($"unknown element type 0x{element:X2} in a signature");
            }
        }
        Method();
        return found;
    }
}
