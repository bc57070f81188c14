package autosdk.runtime;

import java.lang.System.Logger.Level;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The opt-in wire log of {@link HttpExecutor} and {@link WsConnection}. {@code INFO} writes one line per call
 * (method, redacted URL, status, duration, attempts); {@code DEBUG} adds request and response headers and bodies
 * truncated to {@link #BODY_LIMIT} bytes. Streamed bodies are never read for logging: the caller owns them.
 * Credentials are redacted by the caller's redaction (the call's own secret values) plus the credential headers
 * named by {@link HttpAuth#isCredentialHeader}.
 */
final class HttpLog {

    /** The most bytes of a body that a DEBUG line shows. */
    static final int BODY_LIMIT = 4096;

    /** The logger name: the SDK's runtime package plus {@code .http}. */
    static final String LOGGER_NAME = HttpLog.class.getPackageName() + ".http";

    private final LogLevel level;
    private final System.Logger logger;

    HttpLog(LogLevel level, System.Logger logger) {
        this.level = level;
        this.logger = logger;
    }

    boolean info() {
        return level != LogLevel.OFF;
    }

    boolean debug() {
        return level == LogLevel.DEBUG;
    }

    void line(String text) {
        if (info()) {
            logger.log(Level.INFO, text);
        }
    }

    void detail(String text) {
        if (debug()) {
            logger.log(Level.DEBUG, text);
        }
    }

    /** One header per line, credential headers shown as {@code ***}, other values through {@code redact}. */
    static String headers(Map<String, List<String>> headers, List<String> credentialHeaders, UnaryOperator<String> redact) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, values) -> {
            for (String value : values) {
                boolean secret = HttpAuth.isCredentialHeader(name, credentialHeaders);
                out.append("\n  ").append(name).append(": ").append(secret ? "***" : redact.apply(value));
            }
        });
        return out.toString();
    }

    static String headers(HttpHeaders headers, List<String> credentialHeaders, UnaryOperator<String> redact) {
        return headers(headers.map(), credentialHeaders, redact);
    }

    /** The body as text, cut at {@link #BODY_LIMIT} bytes with the total noted. */
    static String body(byte[] bytes, int length, UnaryOperator<String> redact) {
        int shown = Math.min(length, BODY_LIMIT);
        String text = redact.apply(new String(bytes, 0, shown, StandardCharsets.UTF_8));
        return length > BODY_LIMIT ? text + "… (" + length + " bytes, first " + BODY_LIMIT + " shown)" : text;
    }
}
