package autosdk.emit.java;

import autosdk.model.Property;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Java expressions for fixed values ({@code const}, one-value {@code enum}), which builders pre-fill so that they are
 * always sent. One place for every send path: model builders, and the WebSocket convenience sends that use them.
 */
final class FixedValues {
    private FixedValues() {}

    /**
     * The expression of {@code fixed} as a value of the property's Java type, or null when there is none or it does
     * not fit that type (a text const on a number, a fraction on an integer): such a value is never pre-filled.
     */
    static CodeBlock literal(Property.FixedValue fixed, TypeName type) {
        if (fixed == null) return null;
        String text = fixed.text();
        try {
            return switch (fixed.kind()) {
                case STRING -> type.equals(ClassName.get(String.class)) ? CodeBlock.of("$S", text) : null;
                case BOOLEAN ->
                    type.equals(ClassName.get(Boolean.class))
                            ? CodeBlock.of("$T.$L", Boolean.class, Boolean.parseBoolean(text) ? "TRUE" : "FALSE")
                            : null;
                case NUMBER -> number(text, type);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static CodeBlock number(String text, TypeName type) {
        BigDecimal value = new BigDecimal(text);
        if (type.equals(ClassName.get(Long.class))) return CodeBlock.of("$LL", value.longValueExact());
        if (type.equals(ClassName.get(Integer.class))) return CodeBlock.of("$L", value.intValueExact());
        if (type.equals(ClassName.get(Double.class))) return CodeBlock.of("$T.valueOf($S)", Double.class, text);
        if (type.equals(ClassName.get(Float.class))) return CodeBlock.of("$T.valueOf($S)", Float.class, text);
        if (type.equals(ClassName.get(BigDecimal.class))) return CodeBlock.of("new $T($S)", BigDecimal.class, text);
        if (type.equals(ClassName.get(BigInteger.class))) {
            return CodeBlock.of("$T.valueOf($LL)", BigInteger.class, value.longValueExact());
        }
        return null;
    }
}
