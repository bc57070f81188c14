package autosdk.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One credential that the executor applies to every request: a bearer token, HTTP basic, or an API key
 * in a header, query parameter or cookie.
 *
 * <p>The secret never appears in {@link #toString()}, in exception messages or in URLs shown to users;
 * the executor redacts it wherever it could be echoed.
 */
public final class HttpAuth {

    /** Where and how the credential goes on the wire. */
    public enum Kind {
        BEARER,
        BASIC,
        API_KEY_HEADER,
        API_KEY_QUERY,
        API_KEY_COOKIE
    }

    private final Kind kind;
    private final String name;
    private final Supplier<String> credential;
    private final String basicPassword;
    private final String scheme;

    private HttpAuth(Kind kind, String name, Supplier<String> credential, String basicPassword) {
        this(kind, name, credential, basicPassword, null);
    }

    private HttpAuth(Kind kind, String name, Supplier<String> credential, String basicPassword, String scheme) {
        this.kind = kind;
        this.name = name;
        this.credential = credential;
        this.basicPassword = basicPassword;
        this.scheme = scheme;
    }

    /**
     * This credential tagged as the OpenAPI security scheme {@code scheme}: it is then sent only to operations
     * whose security requirements name that scheme (untagged credentials go to every authenticated operation).
     */
    public HttpAuth forScheme(String scheme) {
        return new HttpAuth(kind, name, credential, basicPassword, Objects.requireNonNull(scheme, "scheme"));
    }

    /** The security scheme this credential is for, or {@code null} when it applies to every operation. */
    public String scheme() {
        return scheme;
    }

    /** {@code Authorization: Bearer <token>}. */
    public static HttpAuth bearer(String token) {
        String t = requireSecret(token, "bearer token");
        return new HttpAuth(Kind.BEARER, "Authorization", () -> t, null);
    }

    /**
     * {@code Authorization: Bearer <token>} with the token fetched for every request (e.g. a refreshed OAuth token).
     */
    public static HttpAuth bearer(Supplier<String> tokenSupplier) {
        Objects.requireNonNull(tokenSupplier, "tokenSupplier");
        return new HttpAuth(
                Kind.BEARER, "Authorization", () -> requireSecret(tokenSupplier.get(), "bearer token"), null);
    }

    /** {@code Authorization: Basic base64(user:password)}. */
    public static HttpAuth basic(String user, String password) {
        Objects.requireNonNull(user, "user");
        String p = Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("basic auth user name must not contain ':'");
        }
        String encoded = Base64.getEncoder().encodeToString((user + ":" + p).getBytes(StandardCharsets.UTF_8));
        return new HttpAuth(Kind.BASIC, "Authorization", () -> encoded, p);
    }

    /** An API key sent as the header {@code headerName}. */
    public static HttpAuth apiKeyHeader(String headerName, String key) {
        HttpParams.requireHeaderName(headerName);
        String k = requireSecret(key, "API key");
        return new HttpAuth(Kind.API_KEY_HEADER, headerName, () -> k, null);
    }

    /** An API key sent as the query parameter {@code paramName} (percent-encoded; redacted in messages). */
    public static HttpAuth apiKeyQuery(String paramName, String key) {
        String k = requireSecret(key, "API key");
        return new HttpAuth(Kind.API_KEY_QUERY, Objects.requireNonNull(paramName, "paramName"), () -> k, null);
    }

    /** An API key sent as the cookie {@code cookieName} (percent-encoded). */
    public static HttpAuth apiKeyCookie(String cookieName, String key) {
        String k = requireSecret(key, "API key");
        return new HttpAuth(Kind.API_KEY_COOKIE, Objects.requireNonNull(cookieName, "cookieName"), () -> k, null);
    }

    /** A bearer token read now from the environment variable {@code variable}; fails naming it when unset. */
    public static HttpAuth bearerFromEnv(String variable) {
        return bearer(requireEnv(variable, System::getenv, "a bearer token"));
    }

    /**
     * A bearer token read now from {@code variable} of {@code env} (e.g. a map's {@code get}, or a {@code .env} file).
     */
    public static HttpAuth bearerFromEnv(String variable, Function<String, String> env) {
        return bearer(requireEnv(variable, Objects.requireNonNull(env, "env"), "a bearer token"));
    }

    /**
     * An API key read now from {@code variable} of {@code env}, sent as {@code in} ({@code header}, {@code query}
     * or {@code cookie}) named {@code name}.
     */
    public static HttpAuth apiKeyFromEnv(String in, String name, String variable, Function<String, String> env) {
        String key = requireEnv(variable, Objects.requireNonNull(env, "env"), "the API key " + in + " " + name);
        return switch (in) {
            case "query" -> apiKeyQuery(name, key);
            case "cookie" -> apiKeyCookie(name, key);
            default -> apiKeyHeader(name, key);
        };
    }

    /** HTTP basic credentials read now from two environment variables; fails naming the one that is unset. */
    public static HttpAuth basicFromEnv(String userVariable, String passwordVariable) {
        return basic(
                requireEnv(userVariable, System::getenv, "the basic auth user name"),
                requireEnv(passwordVariable, System::getenv, "the basic auth password"));
    }

    /** HTTP basic credentials read now from two variables of {@code env}; fails naming the one that is unset. */
    public static HttpAuth basicFromEnv(String userVariable, String passwordVariable, Function<String, String> env) {
        Objects.requireNonNull(env, "env");
        return basic(
                requireEnv(userVariable, env, "the basic auth user name"),
                requireEnv(passwordVariable, env, "the basic auth password"));
    }

    /** An API key header whose value is read now from the environment variable {@code variable}. */
    public static HttpAuth apiKeyHeaderFromEnv(String headerName, String variable) {
        return apiKeyHeader(headerName, requireEnv(variable, System::getenv, "the API key header " + headerName));
    }

    /** An API key query parameter whose value is read now from the environment variable {@code variable}. */
    public static HttpAuth apiKeyQueryFromEnv(String paramName, String variable) {
        return apiKeyQuery(paramName, requireEnv(variable, System::getenv, "the API key query parameter " + paramName));
    }

    /** An API key cookie whose value is read now from the environment variable {@code variable}. */
    public static HttpAuth apiKeyCookieFromEnv(String cookieName, String variable) {
        return apiKeyCookie(cookieName, requireEnv(variable, System::getenv, "the API key cookie " + cookieName));
    }

    /** The kind of credential. */
    public Kind kind() {
        return kind;
    }

    /**
     * The header, query parameter or cookie name the credential is sent as ({@code Authorization} for bearer/basic).
     */
    public String name() {
        return name;
    }

    /** Prints the kind and name only, never the secret. */
    @Override
    public String toString() {
        String forScheme = scheme == null ? "" : " for " + scheme;
        return switch (kind) {
            case BEARER -> "HttpAuth[bearer" + forScheme + "]";
            case BASIC -> "HttpAuth[basic" + forScheme + "]";
            case API_KEY_HEADER -> "HttpAuth[apiKeyHeader " + name + forScheme + "]";
            case API_KEY_QUERY -> "HttpAuth[apiKeyQuery " + name + forScheme + "]";
            default -> "HttpAuth[apiKeyCookie " + name + forScheme + "]";
        };
    }

    /**
     * The credentials to send for an operation with the given security requirements (alternatives, each a set
     * of scheme names): untagged credentials always, plus the tagged ones of the first alternative that is fully
     * configured; when none is, the tagged ones of every scheme named (the server then reports what is missing).
     * Without requirements every configured credential is sent.
     */
    static List<HttpAuth> select(List<HttpAuth> configured, List<List<String>> requirements) {
        if (requirements.isEmpty()) {
            return configured;
        }
        List<String> chosen = null;
        for (List<String> alternative : requirements) {
            boolean complete = true;
            for (String scheme : alternative) {
                complete &= configured.stream().anyMatch(a -> scheme.equals(a.scheme));
            }
            if (complete) {
                chosen = alternative;
                break;
            }
        }
        List<String> named = new ArrayList<>();
        if (chosen != null) {
            named.addAll(chosen);
        } else {
            requirements.forEach(named::addAll);
        }
        List<HttpAuth> out = new ArrayList<>();
        for (HttpAuth auth : configured) {
            if (auth.scheme == null || named.contains(auth.scheme)) {
                out.add(auth);
            }
        }
        return out;
    }

    /** The raw credential for one request: token, base64 of user:password, or the API key. */
    String credential() {
        return credential.get();
    }

    /** The header value for header kinds ({@code Bearer x}, {@code Basic x}, or the key itself). */
    static String headerValue(Kind kind, String credential) {
        return switch (kind) {
            case BEARER -> "Bearer " + credential;
            case BASIC -> "Basic " + credential;
            default -> credential;
        };
    }

    /** Every form in which this credential could show up in text, for redaction. */
    List<String> secretForms(String credential) {
        List<String> forms = new ArrayList<>();
        forms.add(credential);
        forms.add(HttpParams.encode(credential));
        if (basicPassword != null && !basicPassword.isEmpty()) {
            forms.add(basicPassword);
        }
        return forms;
    }

    /** Reads a required environment variable, failing with a message that names it (and never its value). */
    static String requireEnv(String variable, Function<String, String> env, String purpose) {
        Objects.requireNonNull(variable, "variable");
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "Environment variable " + variable + " is not set; it must hold " + purpose);
        }
        return value.strip();
    }

    private static String requireSecret(String secret, String what) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or empty");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                // Never echo the secret: only say where the bad character is.
                throw new IllegalArgumentException(what + " contains a control character at index " + i);
            }
        }
        return secret;
    }
}
