package autosdk.read;

import autosdk.diag.Location;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A string, number, boolean or null. Numbers are kept as {@link BigInteger} or {@link BigDecimal}
 * so no value in a spec loses precision on its way into generated code.
 */
public record ScalarNode(Location location, Object value) implements SpecNode {

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    public boolean isNumber() {
        return value instanceof BigInteger || value instanceof BigDecimal;
    }

    /** The value as text, the way a person would write it in JSON (null for null). */
    public String text() {
        return value == null ? null : value instanceof BigDecimal d ? d.toString() : value.toString();
    }

    @Override
    public String kindName() {
        if (value == null) return "null";
        if (value instanceof String) return "a string";
        if (value instanceof Boolean) return "a boolean";
        return "a number";
    }
}
