package autosdk.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base of every generated REST client builder: the settings no API description decides ({@link HttpOptions}),
 * a base URL that overrides the description's servers, and credentials for schemes without a typed method. The
 * generated subclass adds only what its API decides (servers, their variables, one method per security scheme) and
 * turns everything into an {@link HttpConfig} with {@link #config}.
 *
 * @param <B> the generated builder
 */
public abstract class HttpClientBuilder<B extends HttpClientBuilder<B>> extends HttpOptions<B> {
    private String baseUrl;
    private final List<HttpAuth> auth = new ArrayList<>();

    /** Only generated builders extend this class. */
    protected HttpClientBuilder() {}

    /** The absolute http(s) URL that operation paths are appended to; overrides the API description's servers. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return self();
    }

    /** Adds a credential sent to every authenticated operation (for schemes without a typed method). */
    public B auth(HttpAuth auth) {
        this.auth.add(Objects.requireNonNull(auth, "auth"));
        return self();
    }

    /** Replaces every {@code {name}} of a server URL template by its value. */
    protected static String expand(String template, Map<String, String> variables) {
        String url = template;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
        }
        return url;
    }

    /**
     * The configuration of the client: the base URL set here, else {@code serverUrl} (the chosen server of the API
     * description, or {@code null} when it has none); the credentials of the scheme methods first, then those of
     * {@link #auth}. Fails when no absolute http(s) URL without unfilled variables is known.
     */
    protected final HttpConfig config(String serverUrl, Collection<HttpAuth> schemeCredentials) {
        String url = baseUrl != null ? baseUrl : serverUrl;
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalStateException("set baseUrl(...): the API description gives no absolute server URL"
                    + (url == null ? "" : " (it gives " + url + ")"));
        }
        if (url.contains("{")) {
            throw new IllegalStateException(
                    "server URL " + url + " has a variable without a value; set it with serverVariable(...)");
        }
        List<HttpAuth> all = new ArrayList<>(schemeCredentials);
        all.addAll(auth);
        HttpConfig.Builder config = HttpConfig.builder();
        copyHttpOptionsTo(config);
        return config.baseUri(url).auth(all.toArray(new HttpAuth[0])).build();
    }
}
