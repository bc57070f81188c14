package autosdk.runtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Builds the address and credentials of a WebSocket handshake from spec parts: a server URL template, a channel
 * address, path and query values (percent-encoded here), and auth templates. Used by generated clients' builders.
 */
public final class WsEndpoint {

    private WsEndpoint() {}

    /**
     * Joins a server URL and a channel address without repeating a path both contain: a server path
     * {@code /v1/realtime} and an address {@code /v1/realtime} give {@code /v1/realtime}, not the path twice. An
     * address that already starts with the server's path, or a server path that already ends with the address, is
     * used once. {@code http}/{@code https} become {@code ws}/{@code wss}.
     */
    public static String join(String serverUrl, String address) {
        String server = serverUrl == null ? "" : serverUrl.strip();
        String scheme = "";
        String rest = server;
        int schemeEnd = server.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = server.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = server.substring(schemeEnd + 3);
            if (scheme.equals("http")) scheme = "ws";
            if (scheme.equals("https")) scheme = "wss";
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String basePath = slash < 0 ? "" : rest.substring(slash);
        String query = "";
        int q = basePath.indexOf('?');
        if (q >= 0) {
            query = basePath.substring(q);
            basePath = basePath.substring(0, q);
        }
        basePath = trimTrailingSlash(basePath);
        String path = address == null ? "" : address.strip();
        if (!path.isEmpty() && !path.startsWith("/")) path = "/" + path;
        path = trimTrailingSlash(path);
        String joined;
        if (basePath.isEmpty()) {
            joined = path;
        } else if (path.isEmpty()) {
            joined = basePath;
        } else if (path.equals(basePath) || path.startsWith(basePath + "/")) {
            joined = path; // the address repeats the server path
        } else if (basePath.endsWith(path)) {
            joined = basePath; // the server path already ends with the address
        } else {
            joined = basePath + path;
        }
        if (joined.isEmpty()) joined = "/";
        return (scheme.isEmpty() ? "" : scheme + "://") + authority + joined + query;
    }

    private static String trimTrailingSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.equals("/") ? "" : p;
    }

    /**
     * Replaces {@code {name}} in {@code template} with the value, percent-encoded as one path segment; missing values
     * fail.
     */
    public static String expandPath(String template, Map<String, String> values) {
        return expand(template, values, true);
    }

    /**
     * Replaces {@code {name}} in a server URL template; values may hold {@code /} and {@code :} (hosts, ports, base
     * paths).
     */
    public static String expandServer(String template, Map<String, String> values) {
        return expand(template, values, false);
    }

    private static String expand(String template, Map<String, String> values, boolean segment) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                String name = template.substring(i + 1, close);
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + name + "} in " + template);
                }
                out.append(
                        segment
                                ? PercentEncoding.encode(value)
                                : PercentEncoding.encode(value, PercentEncoding.URL_DELIMITERS));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends query parameters (names and values percent-encoded) to a URL, after any query it already has. */
    public static URI withQuery(String url, List<Map.Entry<String, String>> query) {
        StringBuilder sb = new StringBuilder(url);
        boolean first = url.indexOf('?') < 0;
        for (Map.Entry<String, String> e : query) {
            sb.append(first ? '?' : '&')
                    .append(PercentEncoding.encode(e.getKey()))
                    .append('=')
                    .append(PercentEncoding.encode(e.getValue()));
            first = false;
        }
        return URI.create(sb.toString());
    }

    /** The {@code Authorization} value for HTTP basic auth. */
    public static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The subprotocols of a sub-protocol auth template: comma-separated protocol templates (protocol tokens cannot
     * contain commas), each {@code {placeholder}} replaced by the credential. E.g.
     * {@code "realtime,openai-insecure-api-key.{apiKey}"} gives {@code [realtime, openai-insecure-api-key.KEY]}.
     */
    public static List<String> subprotocols(String template, String credential) {
        List<String> out = new ArrayList<>();
        for (String part : template.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            out.add(p.replaceAll("\\{[^}]*}", Matcher.quoteReplacement(credential)));
        }
        return out;
    }
}
