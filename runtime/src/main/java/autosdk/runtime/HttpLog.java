package autosdk.runtime;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The opt-in wire log of {@code HttpExecutor} and {@code WsConnection}. {@code INFO} writes one line per call
 * (method, redacted URL, status, duration, attempts); {@code DEBUG} adds request and response headers and bodies
 * truncated to {@link #BODY_LIMIT} bytes. Streamed bodies are never read for logging: the caller owns them.
 * Credentials are redacted by the caller's redaction (the call's own secret values) plus the credential headers
 * named by {@link #isCredentialHeader}. It depends on no other runtime class, so WebSocket-only SDKs carry it too.
 */
final class HttpLog {

    /** A URI to show: user info and every query value replaced by {@code ***} (a WebSocket key often travels there). */
    static String withoutSecrets(URI uri) {
        String shown = withoutUserInfo(uri);
        String query = uri.getRawQuery();
        if (query == null) {
            return shown;
        }
        return shown.replace("?" + query, "?" + query.replaceAll("=[^&]*", "=***"));
    }

    /** The URI with its user info (a password, perhaps) shown as {@code ***}. */
    static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }

    /**
     * Whether a header carries a credential, so logs show it as {@code ***}: {@code Authorization},
     * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, the configured credential headers, and any
     * name containing {@code api-key}, {@code apikey}, {@code token}, {@code secret} or {@code password}
     * (e.g. a key set with {@code defaultHeader}).
     */
    static boolean isCredentialHeader(String name, List<String> configuredCredentialHeaders) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("authorization")
                || n.equals("proxy-authorization")
                || n.equals("cookie")
                || n.equals("set-cookie")
                || n.contains("api-key")
                || n.contains("apikey")
                || n.contains("api_key")
                || n.contains("token")
                || n.contains("secret")
                || n.contains("password")) {
            return true;
        }
        return configuredCredentialHeaders.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** The most bytes of a body that a DEBUG line shows. */
    static final int BODY_LIMIT = 4096;

    /** The logger name: the SDK's runtime package plus {@code .http}. */
    static final String LOGGER_NAME = HttpLog.class.getPackageName() + ".http";

    /** The logger name of WebSocket connections: the SDK's runtime package plus {@code .ws}. */
    static final String WS_LOGGER_NAME = HttpLog.class.getPackageName() + ".ws";

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
    static String headers(
            Map<String, List<String>> headers, List<String> credentialHeaders, UnaryOperator<String> redact) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, values) -> {
            for (String value : values) {
                boolean secret = isCredentialHeader(name, credentialHeaders);
                out.append("\n  ").append(name).append(": ").append(secret ? "***" : redact.apply(value));
            }
        });
        return out.toString();
    }

    /** The body as text, cut at {@link #BODY_LIMIT} bytes with the total noted. */
    static String body(byte[] bytes, int length, UnaryOperator<String> redact) {
        int shown = Math.min(length, BODY_LIMIT);
        String text = redact.apply(new String(bytes, 0, shown, StandardCharsets.UTF_8));
        return length > BODY_LIMIT ? text + "… (" + length + " bytes, first " + BODY_LIMIT + " shown)" : text;
    }
}
