package autosdk.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation call as generated code describes it: method, path template, serialized parameters, body,
 * accepted media type, error-model decoder and per-call options.
 *
 * <p>Parameters are serialized (and validated) when added, so a bad value fails at the call site. Defaults
 * follow OpenAPI: path {@code simple}/explode false, query {@code form}/explode true, header {@code simple}/
 * explode false, cookie {@code form}/explode true.
 */
public final class HttpRequestSpec {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");

    private final String method;
    private final String pathTemplate;
    private final String path;
    private final List<String> query;
    private final Map<String, String> headers;
    private final List<String> cookies;
    private final HttpBody body;
    private final String accept;
    private final HttpErrorDecoder errorDecoder;
    private final RequestOptions options;
    private final boolean authenticated;
    private final List<List<String>> security;
    private final Map<String, String> requiredHeaders;

    private HttpRequestSpec(Builder b) {
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        this.path = expand(b.pathTemplate, b.pathValues);
        this.query = List.copyOf(b.query);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.cookies = List.copyOf(b.cookies);
        this.body = b.body;
        this.accept = b.accept;
        this.errorDecoder = b.errorDecoder;
        this.options = b.options;
        this.authenticated = b.authenticated;
        this.security = List.copyOf(b.security);
        this.requiredHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(b.requiredHeaders));
    }

    /** A copy sent to another path and query (the next-page URL of a paged list), everything else kept. */
    private HttpRequestSpec(HttpRequestSpec from, String path, List<String> query) {
        this.method = from.method;
        this.pathTemplate = from.pathTemplate;
        this.path = path;
        this.query = List.copyOf(query);
        this.headers = from.headers;
        this.cookies = from.cookies;
        this.body = from.body;
        this.accept = from.accept;
        this.errorDecoder = from.errorDecoder;
        this.options = from.options;
        this.authenticated = from.authenticated;
        this.security = from.security;
        this.requiredHeaders = from.requiredHeaders;
    }

    /**
     * This request with the query parameter {@code name} set to {@code value} (style {@code form}) instead of
     * whatever it had: how a paged list asks for its next page.
     */
    public HttpRequestSpec withQueryParam(String name, Object value) {
        String prefix = HttpParams.encode(name) + "=";
        List<String> pairs = new ArrayList<>();
        for (String pair : query) {
            if (!pair.startsWith(prefix) && !pair.equals(HttpParams.encode(name))) pairs.add(pair);
        }
        pairs.addAll(HttpParams.query(name, value, HttpParams.Style.FORM, true));
        return new HttpRequestSpec(this, path, pairs);
    }

    /** The decoded value of the first query parameter {@code name}, or {@code null} when it is not sent. */
    public String queryParamValue(String name) {
        String prefix = HttpParams.encode(name) + "=";
        for (String pair : query) {
            if (pair.startsWith(prefix)) {
                return URLDecoder.decode(pair.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * This request sent to {@code rawPath} (already encoded, relative to the base URL) with the encoded query pairs of
     * {@code rawQuery} (may be null) instead of its own path and query parameters.
     */
    public HttpRequestSpec withTarget(String rawPath, String rawQuery) {
        List<String> pairs = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&", -1)) {
                if (!pair.isEmpty()) pairs.add(pair);
            }
        }
        return new HttpRequestSpec(this, rawPath, pairs);
    }

    /** Starts a request, e.g. {@code builder("GET", "/pets/{petId}")}. */
    public static Builder builder(String method, String pathTemplate) {
        return new Builder(method, pathTemplate);
    }

    /** The upper-case HTTP method. */
    public String method() {
        return method;
    }

    /** The path template as given, e.g. {@code /pets/{petId}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The path with every placeholder replaced by its encoded value. */
    public String path() {
        return path;
    }

    /** Encoded {@code name=value} query pairs in order. */
    public List<String> query() {
        return query;
    }

    /** Header parameters (name to serialized value). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Encoded {@code name=value} cookie pairs. */
    public List<String> cookies() {
        return cookies;
    }

    /** The body, or {@code null}. */
    public HttpBody body() {
        return body;
    }

    /** The {@code Accept} header value, or {@code null}. */
    public String accept() {
        return accept;
    }

    /** Decodes the error model of a non-2xx response, or {@code null} when the operation declares none. */
    public HttpErrorDecoder errorDecoder() {
        return errorDecoder;
    }

    /** Per-call overrides (never null). */
    public RequestOptions options() {
        return options;
    }

    /** Whether the configured credentials are applied (false for operations with {@code security: []}). */
    public boolean authenticated() {
        return authenticated;
    }

    /**
     * The operation's security requirements: alternatives, each a list of scheme names that must all be sent;
     * empty when the operation names none (then every configured credential is sent).
     */
    public List<List<String>> security() {
        return security;
    }

    /**
     * Headers the operation requires that only a credential supplies (its {@code Authorization} parameter when a
     * security scheme sends that header): name to the schemes that can send it.
     */
    public Map<String, String> requiredHeaders() {
        return requiredHeaders;
    }

    /**
     * Fails before anything is sent when a required header would be missing, naming the credential to configure:
     * a call that silently goes out without it only earns a 401 far from the cause. {@code sent} holds the header
     * names that credentials, default headers and call options will set.
     */
    void checkRequiredHeaders(Collection<String> sent) {
        for (Map.Entry<String, String> required : requiredHeaders.entrySet()) {
            boolean present = headers.keySet().stream().anyMatch(required.getKey()::equalsIgnoreCase)
                    || sent.stream().anyMatch(required.getKey()::equalsIgnoreCase);
            if (!present) {
                throw new IllegalStateException(method + " " + pathTemplate + " requires the " + required.getKey()
                        + " header: configure the credential of security scheme " + required.getValue()
                        + " on the client builder (or send the header with defaultHeader / RequestOptions)");
            }
        }
    }

    @Override
    public String toString() {
        return "HttpRequestSpec[" + method + " " + pathTemplate + "]";
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("missing path parameter '" + m.group(1) + "' for " + template);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Builds an {@link HttpRequestSpec}. */
    public static final class Builder {
        private final String method;
        private final String pathTemplate;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final List<String> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> cookies = new ArrayList<>();
        private HttpBody body;
        private String accept;
        private HttpErrorDecoder errorDecoder;
        private RequestOptions options = RequestOptions.none();
        private boolean authenticated = true;
        private final List<List<String>> security = new ArrayList<>();
        private final Map<String, String> requiredHeaders = new LinkedHashMap<>();

        private Builder(String method, String pathTemplate) {
            this.method = HttpParams.requireHeaderName(Objects.requireNonNull(method, "method"))
                    .toUpperCase(Locale.ROOT);
            this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
            if (!pathTemplate.isEmpty() && !pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException("path template must start with '/': " + pathTemplate);
            }
        }

        /** A path parameter with style {@code simple}, explode false. */
        public Builder pathParam(String name, Object value) {
            return pathParam(name, value, HttpParams.Style.SIMPLE, false);
        }

        /** A path parameter with an explicit style ({@code simple}, {@code label}, {@code matrix}). */
        public Builder pathParam(String name, Object value, HttpParams.Style style, boolean explode) {
            pathValues.put(name, HttpParams.path(name, value, style, explode));
            return this;
        }

        /** A query parameter with style {@code form}, explode true; {@code null} leaves it out. */
        public Builder queryParam(String name, Object value) {
            return queryParam(name, value, HttpParams.Style.FORM, true);
        }

        /** A query parameter with an explicit style. */
        public Builder queryParam(String name, Object value, HttpParams.Style style, boolean explode) {
            query.addAll(HttpParams.query(name, value, style, explode));
            return this;
        }

        /** A header parameter with style {@code simple}, explode false; {@code null} leaves it out. */
        public Builder headerParam(String name, Object value) {
            return headerParam(name, value, false);
        }

        /** A header parameter with style {@code simple}. */
        public Builder headerParam(String name, Object value, boolean explode) {
            String v = HttpParams.header(value, explode);
            if (v != null) {
                headers.put(HttpParams.requireHeaderName(name), v);
            }
            return this;
        }

        /** A cookie parameter with style {@code form}, explode true; {@code null} leaves it out. */
        public Builder cookieParam(String name, Object value) {
            return cookieParam(name, value, true);
        }

        /** A cookie parameter with style {@code form}. */
        public Builder cookieParam(String name, Object value, boolean explode) {
            cookies.addAll(HttpParams.cookie(name, value, explode));
            return this;
        }

        /** The request body. */
        public Builder body(HttpBody body) {
            this.body = body;
            return this;
        }

        /** The {@code Accept} header, e.g. {@code application/json} or {@code text/event-stream}. */
        public Builder accept(String mediaType) {
            this.accept = mediaType == null ? null : HttpParams.requireHeaderValue(mediaType);
            return this;
        }

        /** Decodes the declared error model of non-2xx responses into {@link ApiException#errorBody()}. */
        public Builder errorDecoder(HttpErrorDecoder errorDecoder) {
            this.errorDecoder = errorDecoder;
            return this;
        }

        /** Per-call overrides; {@code null} means none. */
        public Builder options(RequestOptions options) {
            this.options = options == null ? RequestOptions.none() : options;
            return this;
        }

        /** Sends no credentials (an operation whose OpenAPI {@code security} is empty). */
        public Builder noAuth() {
            this.authenticated = false;
            return this;
        }

        /**
         * Adds one alternative of the operation's security requirements (the schemes that must all be sent);
         * see {@link HttpAuth#forScheme}.
         */
        public Builder security(String... schemes) {
            security.add(List.of(schemes));
            return this;
        }

        /**
         * Declares a header the operation requires that a credential supplies ({@code schemes} names them for
         * the error message); the call fails fast when nothing will send it.
         */
        public Builder requireHeader(String name, String schemes) {
            requiredHeaders.put(HttpParams.requireHeaderName(name), schemes);
            return this;
        }

        /** The immutable spec; fails if a path placeholder has no value. */
        public HttpRequestSpec build() {
            return new HttpRequestSpec(this);
        }
    }
}
