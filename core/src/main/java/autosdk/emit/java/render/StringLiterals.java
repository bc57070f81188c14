package autosdk.emit.java.render;

/** Java string literals for {@code $S}, escaped and split after each newline as JavaPoet writes them. */
final class StringLiterals {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StringLiterals() {}

    /**
     * {@code value} in double quotes: backslash, double quote and control characters escaped (single quotes stay);
     * after each {@code \n} that is not the last character the literal closes and continues on the next line as
     * {@code + "...}, indented twice.
     */
    static String quoted(String value, String indent) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\n' -> {
                    out.append("\\n");
                    if (i + 1 < value.length()) {
                        out.append("\"\n").append(indent).append(indent).append("+ \"");
                    }
                }
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
