package autosdk.runtime;

import java.util.Locale;
import java.util.function.Function;

/**
 * How much the opt-in wire log writes through {@link System.Logger}: nothing, one line per call or connection
 * event ({@code INFO}), or also headers and truncated bodies ({@code DEBUG}). Secrets are always redacted.
 */
public enum LogLevel {
    OFF,
    INFO,
    DEBUG;

    /**
     * The environment variable that switches logging on when no level is set in code: {@code off}, {@code info} or
     * {@code debug}.
     */
    public static final String ENV_VARIABLE = "AUTOSDK_LOG";

    /** The level named by {@link #ENV_VARIABLE} in {@code env}; {@code OFF} when unset or unrecognised. */
    public static LogLevel fromEnvironment(Function<String, String> env) {
        String value = env.apply(ENV_VARIABLE);
        if (value == null) {
            return OFF;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "info" -> INFO;
            case "debug", "trace" -> DEBUG;
            default -> OFF;
        };
    }
}
