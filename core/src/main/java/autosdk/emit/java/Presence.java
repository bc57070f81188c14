package autosdk.emit.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * Which properties of a generated object were set or present in JSON, as bits of a {@code long} field named
 * {@code present} (bit {@code i} for property {@code i}): no object to allocate or copy per model and builder, and a
 * test is one {@code and}. An object with more than 64 properties uses a {@code long[]} instead, word {@code i / 64}.
 * The expressions below are the only place the generated code's bit layout is spelled out; the runtime's
 * {@code JsonObjects} reads it for {@code toString} and for the required-property check.
 */
final class Presence {
    private static final int BITS = Long.SIZE;

    /** More properties than one {@code long} has bits. */
    private final boolean wide;

    private final int words;

    Presence(int properties) {
        this.wide = properties > BITS;
        this.words = (properties + BITS - 1) / BITS;
    }

    /** The type of the {@code present} fields. */
    TypeName type() {
        return wide ? ArrayTypeName.of(TypeName.LONG) : TypeName.LONG;
    }

    /** The builder field's initializer, or null when a {@code long}'s default (no bits) will do. */
    CodeBlock initializer() {
        return wide ? CodeBlock.of("new long[$L]", words) : null;
    }

    /** {@code owner.present} for an owner such as {@code "this."} or {@code "v."}, or just {@code present}. */
    private String word(String owner, int index) {
        return owner + "present" + (wide ? "[" + index / BITS + "]" : "");
    }

    private static String bit(int index) {
        return "1L << " + index % BITS;
    }

    /** Whether property {@code index} is present: a boolean expression. */
    String test(String owner, int index) {
        return "(" + word(owner, index) + " & " + bit(index) + ") != 0";
    }

    /** Marks property {@code index} present: a statement without its semicolon. */
    String set(String owner, int index) {
        return word(owner, index) + " |= " + bit(index);
    }

    /** Marks property {@code index} absent: a statement without its semicolon. */
    String clear(String owner, int index) {
        return word(owner, index) + " &= ~(" + bit(index) + ")";
    }

    /** The model's copy of the builder's bits, which the builder may change afterwards. */
    String copy(String from) {
        return wide ? from + "present.clone()" : from + "present";
    }

    /** A statement adding {@code from}'s bits to {@code to}'s. */
    CodeBlock or(String to, String from, TypeName jsonObjects) {
        return wide
                ? CodeBlock.of("$T.or($Lpresent, $Lpresent)", jsonObjects, to, from)
                : CodeBlock.of("$Lpresent |= $Lpresent", to, from);
    }

    /** The bits of the given properties, as a {@code long} literal or a {@code long[]} creation. */
    CodeBlock mask(Iterable<Integer> indexes) {
        long[] mask = new long[words];
        for (int i : indexes) mask[i / BITS] |= 1L << (i % BITS);
        if (!wide) return CodeBlock.of("0x$LL", Long.toHexString(mask[0]));
        CodeBlock.Builder out = CodeBlock.builder().add("new long[] {");
        for (int w = 0; w < words; w++) out.add(w == 0 ? "0x$LL" : ", 0x$LL", Long.toHexString(mask[w]));
        return out.add("}").build();
    }
}
