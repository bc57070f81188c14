package autosdk.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base of every generated WebSocket client builder: the connection settings no API description decides
 * ({@link WsOptions}), where to connect instead of the spec's server, extra query parameters and subprotocols, raw
 * setup messages and the inbox's overflow rule. The generated subclass adds only what its spec decides (connect
 * parameters, one method per security scheme, typed setup messages) and assembles the connection with
 * {@link #handshake()}.
 *
 * @param <B> the generated builder
 */
public abstract class WsClientBuilder<B extends WsClientBuilder<B>> extends WsOptions<B> {
    private String serverUrl;
    private URI uri;
    private final Map<String, String> serverVariables = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> queries = new ArrayList<>();
    private final List<String> subprotocols = new ArrayList<>();
    private final List<String> setup = new ArrayList<>();
    private WsInbox.Overflow overflow = WsInbox.Overflow.BLOCK;
    /** Credentials by the key their scheme method replaces them under, in the order first set. */
    private final Map<String, Map.Entry<String, String>> credentialHeaders = new LinkedHashMap<>();

    private final Map<String, Map.Entry<String, String>> credentialQueries = new LinkedHashMap<>();
    private final Map<String, List<String>> credentialSubprotocols = new LinkedHashMap<>();

    /** {@code serverUrl} is the spec's server of the channel, or {@code null} when it names none. */
    protected WsClientBuilder(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /** Adds a query parameter to the connect URL (encoded here). */
    public B query(String name, String value) {
        queries.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return self();
    }

    /**
     * Connects to this address instead of the server URL joined with the channel address; query parameters and
     * credentials are still added.
     */
    public B uri(URI uri) {
        this.uri = uri;
        return self();
    }

    /**
     * Replaces the server URL (e.g. {@code ws://localhost:8080}); the channel address is joined to it without repeating
     * a path both contain. {@code {variables}} are filled from {@link #serverVariable}.
     */
    public B serverUrl(String serverUrl) {
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        return self();
    }

    /** Sets a server URL variable by name. */
    public B serverVariable(String name, String value) {
        serverVariables.put(name, value);
        return self();
    }

    /** Offers a WebSocket subprotocol (in addition to any sub-protocol credentials). */
    public B subprotocol(String protocol) {
        subprotocols.add(Objects.requireNonNull(protocol, "protocol"));
        return self();
    }

    /**
     * What the {@code events()} inbox does when full: {@code BLOCK} (default; reading pauses, nothing is lost),
     * {@code DROP_OLDEST} or {@code FAIL}.
     */
    public B overflow(WsInbox.Overflow overflow) {
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        return self();
    }

    /** Adds a raw text frame sent first on open and again after every reconnect. */
    public B setupText(String text) {
        setup.add(Objects.requireNonNull(text, "text"));
        return self();
    }

    /** Sends a credential as the handshake header {@code name}, replacing the one set before under {@code key}. */
    protected final B credentialHeader(String key, String name, String value) {
        credentialHeaders.put(key, Map.entry(name, Objects.requireNonNull(value, name)));
        return self();
    }

    /** Sends a credential as the query parameter {@code name}, replacing the one set before under {@code key}. */
    protected final B credentialQuery(String key, String name, String value) {
        credentialQueries.put(key, Map.entry(name, Objects.requireNonNull(value, name)));
        return self();
    }

    /** Offers a credential as subprotocols, replacing those set before under {@code key}. */
    protected final B credentialSubprotocols(String key, List<String> protocols) {
        credentialSubprotocols.put(key, List.copyOf(protocols));
        return self();
    }

    /** The setup messages in the order added. */
    protected final List<String> setupMessages() {
        return List.copyOf(setup);
    }

    /** What the inbox does when full. */
    protected final WsInbox.Overflow overflow() {
        return overflow;
    }

    /**
     * A new assembly of one connection's handshake from the spec's connect parameters (chained calls, then
     * {@code config}).
     */
    protected final Handshake handshake() {
        return new Handshake(this);
    }

    /**
     * The spec's connect values of one client being built; a {@code null} value is skipped, so a generated
     * builder passes its optional parameters as they are.
     */
    protected static final class Handshake {
        private final WsClientBuilder<?> builder;
        private final Map<String, String> serverVariables;
        private final Map<String, String> path = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();

        private Handshake(WsClientBuilder<?> builder) {
            this.builder = builder;
            this.serverVariables = new LinkedHashMap<>(builder.serverVariables);
        }

        /**
         * A server URL variable's value from a connect parameter (overrides {@link WsClientBuilder#serverVariable}).
         */
        public Handshake serverVariable(String name, String value) {
            if (value != null) {
                serverVariables.put(name, value);
            }
            return this;
        }

        /** A server URL variable's default, used when nothing else set it. */
        public Handshake serverDefault(String name, String value) {
            serverVariables.putIfAbsent(name, value);
            return this;
        }

        /** A channel address parameter (percent-encoded as one path segment). */
        public Handshake path(String name, String value) {
            if (value != null) {
                path.put(name, value);
            }
            return this;
        }

        /** A channel address parameter's default, used when the parameter is not set. */
        public Handshake pathDefault(String name, String value) {
            path.putIfAbsent(name, value);
            return this;
        }

        /** A query parameter. */
        public Handshake query(String name, String value) {
            if (value != null) {
                query.add(Map.entry(name, value));
            }
            return this;
        }

        /** A query parameter sent once per item (form style, exploded). */
        public Handshake queryEach(String name, List<String> values) {
            if (values != null) {
                for (String value : values) {
                    query(name, value);
                }
            }
            return this;
        }

        /** A handshake header. */
        public Handshake header(String name, String value) {
            if (value != null) {
                headers.add(Map.entry(name, value));
            }
            return this;
        }

        /**
         * The connection's settings: the URL (the builder's {@code uri}, else its server URL joined with
         * {@code address}),
         * query parameters (the spec's, credentials, then those added by hand), headers and subprotocols in the same
         * order, and every option of the builder.
         */
        public WsConfig.Builder config(String address) {
            WsClientBuilder<?> b = builder;
            String base;
            if (b.uri != null) {
                base = b.uri.toString();
            } else {
                if (b.serverUrl == null) {
                    throw new IllegalStateException("the spec names no server: call serverUrl(...) or uri(...)");
                }
                base = WsEndpoint.join(
                        WsEndpoint.expandServer(b.serverUrl, serverVariables), WsEndpoint.expandPath(address, path));
            }
            List<Map.Entry<String, String>> q = new ArrayList<>(query);
            q.addAll(b.credentialQueries.values());
            q.addAll(b.queries);
            WsConfig.Builder config = WsConfig.builder().uri(WsEndpoint.withQuery(base, q));
            b.copyWsOptionsTo(config);
            for (Map.Entry<String, String> h : headers) {
                config.header(h.getKey(), h.getValue());
            }
            for (Map.Entry<String, String> h : b.credentialHeaders.values()) {
                config.header(h.getKey(), h.getValue());
            }
            for (Map.Entry<String, String> h : b.headers) {
                config.header(h.getKey(), h.getValue());
            }
            List<String> protocols = new ArrayList<>(b.subprotocols);
            b.credentialSubprotocols.values().forEach(protocols::addAll);
            if (!protocols.isEmpty()) {
                config.subprotocols(protocols);
            }
            return config;
        }
    }
}
