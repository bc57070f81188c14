package autosdk;

import java.util.Locale;

/**
 * The libraries a generated SDK is written against, chosen per run ({@code --jackson}, {@code --nullability}):
 * which Jackson core its codecs use, and which nullability annotations (if any) it carries. The generated code's
 * behaviour and public API are the same for every choice.
 */
public record Libraries(Jackson jackson, Nullability nullability) {
    /** Jackson 2 core, no annotations: what every SDK got before these options existed. */
    public static final Libraries DEFAULT = new Libraries(Jackson.V2, Nullability.NONE);

    public Libraries {
        jackson = jackson == null ? Jackson.V2 : jackson;
        nullability = nullability == null ? Nullability.NONE : nullability;
    }

    /** Which jackson-core the codecs and runtime use. */
    public enum Jackson {
        /** {@code com.fasterxml.jackson.core:jackson-core}, the default. */
        V2,
        /** {@code tools.jackson.core:jackson-core} 3.x (Spring Boot 4). */
        V3;

        public static Jackson parse(String text) {
            return switch (text.trim()) {
                case "2" -> V2;
                case "3" -> V3;
                default -> throw new IllegalArgumentException("--jackson must be 2 or 3, found '" + text + "'");
            };
        }
    }

    /** Which nullability annotations the generated code carries. */
    public enum Nullability {
        /** No annotations, the default. */
        NONE,
        /** JSpecify 1.0: {@code @NullMarked} packages, {@code @Nullable} where null can occur. */
        JSPECIFY;

        public static Nullability parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "jspecify" -> JSPECIFY;
                default ->
                    throw new IllegalArgumentException("--nullability must be none or jspecify, found '" + text + "'");
            };
        }
    }
}
