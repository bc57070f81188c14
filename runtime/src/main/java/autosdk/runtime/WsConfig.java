package autosdk.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable settings of a {@link WsConnection}: where to connect, handshake headers, timeouts, keep-alive,
 * reconnect policy and setup messages.
 *
 * <p>{@link #toString()} prints header names only, never values, because headers usually carry credentials.
 */
public final class WsConfig {

    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final List<String> subprotocols;
    private final Duration connectTimeout;
    private final Duration pingInterval;
    private final Duration closeTimeout;
    private final WsReconnectPolicy reconnect;
    private final int inboundBufferCapacity;
    private final HttpClient httpClient;
    private final Supplier<List<String>> setupMessages;

    private WsConfig(Builder b) {
        this.uri = b.uri;
        this.headers = List.copyOf(b.headers);
        this.subprotocols = b.subprotocols;
        this.connectTimeout = b.connectTimeout;
        this.pingInterval = b.pingInterval;
        this.closeTimeout = b.closeTimeout;
        this.reconnect = b.reconnect;
        this.inboundBufferCapacity = b.inboundBufferCapacity;
        this.httpClient = b.httpClient;
        this.setupMessages = b.setupMessages;
    }

    /** A new builder; {@link Builder#uri} is the only required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ws:// or wss:// address to connect to. */
    public URI uri() {
        return uri;
    }

    /** Handshake headers in the order added; a name may repeat. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** Requested subprotocols in preference order; empty for none. */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** Timeout of the opening handshake (also used for each reconnect attempt). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Interval between keep-alive pings, or {@code null} when keep-alive is off. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** How long {@link WsConnection#close()} waits for the server's close frame before aborting. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** The reconnect policy; {@link WsReconnectPolicy#none()} unless configured. */
    public WsReconnectPolicy reconnect() {
        return reconnect;
    }

    /** Capacity of the {@link WsInbox} a client creates for pull-style consumption of this connection's events. */
    public int inboundBufferCapacity() {
        return inboundBufferCapacity;
    }

    /** The HttpClient to reuse, or {@code null} to let the connection create its own. */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** Text messages re-sent after every successful reconnect (not on the first open), before queued user sends. */
    public Supplier<List<String>> setupMessages() {
        return setupMessages;
    }

    @Override
    public String toString() {
        List<String> headerNames = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            headerNames.add(h.getKey()); // never the value: it may be a bearer token or API key
        }
        return "WsConfig[uri=" + uri + ", headers=" + headerNames + ", subprotocols=" + subprotocols
                + ", connectTimeout=" + connectTimeout + ", pingInterval=" + pingInterval
                + ", closeTimeout=" + closeTimeout + ", reconnect=" + reconnect
                + ", inboundBufferCapacity=" + inboundBufferCapacity
                + ", httpClient=" + (httpClient == null ? "default" : "custom") + "]";
    }

    /** Mutable builder of {@link WsConfig}. */
    public static final class Builder {
        private URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private List<String> subprotocols = List.of();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration pingInterval;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private WsReconnectPolicy reconnect = WsReconnectPolicy.none();
        private int inboundBufferCapacity = 256;
        private HttpClient httpClient;
        private Supplier<List<String>> setupMessages = List::of;

        private Builder() {}

        /** The ws:// or wss:// address (required). */
        public Builder uri(URI uri) {
            Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))) {
                throw new IllegalArgumentException("WebSocket URI must use ws:// or wss://: " + uri);
            }
            this.uri = uri;
            return this;
        }

        /** Adds a handshake header; call repeatedly for several headers or several values of one name. */
        public Builder header(String name, String value) {
            headers.add(new SimpleImmutableEntry<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Subprotocols to offer, in preference order. */
        public Builder subprotocols(List<String> subprotocols) {
            this.subprotocols = List.copyOf(subprotocols);
            return this;
        }

        /** Opening handshake timeout (positive). */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isZero() || connectTimeout.isNegative()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Keep-alive ping interval; {@code null} or zero turns keep-alive off. */
        public Builder pingInterval(Duration pingInterval) {
            if (pingInterval != null && pingInterval.isNegative()) {
                throw new IllegalArgumentException("pingInterval must not be negative: " + pingInterval);
            }
            this.pingInterval = pingInterval == null || pingInterval.isZero() ? null : pingInterval;
            return this;
        }

        /** Default wait for the server's close frame in {@link WsConnection#close()} (positive). */
        public Builder closeTimeout(Duration closeTimeout) {
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            if (closeTimeout.isZero() || closeTimeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must be positive: " + closeTimeout);
            }
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** Reconnect policy; {@code null} means {@link WsReconnectPolicy#none()}. */
        public Builder reconnect(WsReconnectPolicy reconnect) {
            this.reconnect = reconnect == null ? WsReconnectPolicy.none() : reconnect;
            return this;
        }

        /** Capacity of the pull-style inbox (positive). */
        public Builder inboundBufferCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("inboundBufferCapacity must be positive: " + capacity);
            }
            this.inboundBufferCapacity = capacity;
            return this;
        }

        /** An existing HttpClient to reuse (its executor, proxy and TLS settings apply). */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Messages re-sent after every reconnect, before queued user sends (e.g. a "session.update"); not sent on the
         * first open. The supplier is called at each reconnect, so it may return the latest state.
         */
        public Builder setupMessages(Supplier<List<String>> setupMessages) {
            this.setupMessages = Objects.requireNonNull(setupMessages, "setupMessages");
            return this;
        }

        /** Builds the immutable config. */
        public WsConfig build() {
            if (uri == null) {
                throw new IllegalStateException("uri is required");
            }
            return new WsConfig(this);
        }
    }
}
