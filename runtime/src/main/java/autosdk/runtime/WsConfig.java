package autosdk.runtime;

import java.net.URI;
import java.time.Duration;
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

    /**
     * Default {@link #maxQueuedBytes()}: 16 MiB, the limit OkHttp uses; minutes of realtime audio, never a heap risk.
     */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    /**
     * Default {@link #maxMessageSize()}: 16 MiB, far above any realtime event (a second of 24 kHz PCM16 is 64 KB in
     * base64).
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
    /** Lower bound of the default {@link #pongTimeout()}: long enough for a pong queued behind a large message. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final List<String> subprotocols;
    private final Duration connectTimeout;
    private final Duration pingInterval;
    private final Duration closeTimeout;
    private final WsReconnectPolicy reconnect;
    private final Duration pongTimeout;
    private final long maxQueuedBytes;
    private final int maxMessageSize;
    private final int inboundBufferCapacity;
    private final WsTransport transport;
    private final Supplier<List<String>> setupMessages;
    private final LogLevel logLevel;
    private final System.Logger logger;

    private WsConfig(Builder b) {
        this.uri = b.uri;
        this.headers = List.copyOf(b.headers);
        this.subprotocols = b.subprotocols;
        this.connectTimeout = b.connectTimeout;
        this.pingInterval = b.pingInterval;
        this.closeTimeout = b.closeTimeout;
        this.reconnect = b.reconnect;
        this.pongTimeout = b.pingInterval == null
                ? null
                : b.pongTimeout != null ? b.pongTimeout : max(b.pingInterval, DEFAULT_PONG_TIMEOUT);
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.maxMessageSize = b.maxMessageSize;
        this.inboundBufferCapacity = b.inboundBufferCapacity;
        this.transport = b.transport;
        this.setupMessages = b.setupMessages;
        this.logLevel = b.resolvedLogLevel();
        this.logger = b.resolvedLogger(HttpLog.WS_LOGGER_NAME);
    }

    /**
     * The wire log level: set on the builder, else from {@value LogLevel#ENV_VARIABLE}. {@code INFO} logs connect,
     * reconnect and close; {@code DEBUG} also every text message sent and received (first 4 KiB).
     */
    public LogLevel logLevel() {
        return logLevel;
    }

    /** Where the wire log goes; by default {@code System.getLogger("<runtime package>.ws")}. */
    public System.Logger logger() {
        return logger;
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

    /**
     * How long after a keep-alive ping the server may stay silent (no pong, no other frame) before the connection is
     * treated as dropped (1006, reconnect if configured); {@code null} when keep-alive is off. Defaults to the larger
     * of {@link #pingInterval()} and {@link #DEFAULT_PONG_TIMEOUT}.
     */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /**
     * The most bytes (UTF-8 for text) of unsent messages a connection holds; a send that would exceed it fails at once
     * with {@link WsLimitExceededException} and the connection stays open. Default {@link #DEFAULT_MAX_QUEUED_BYTES}.
     */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /**
     * The largest inbound message (bytes, after reassembly) accepted; a larger one closes the connection with 1009
     * "message too big" and no reconnect. Default {@link #DEFAULT_MAX_MESSAGE_SIZE}.
     */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** The reconnect policy; {@link WsReconnectPolicy#none()} unless configured. */
    public WsReconnectPolicy reconnect() {
        return reconnect;
    }

    /** Capacity of the {@link WsInbox} a client creates for pull-style consumption of this connection's events. */
    public int inboundBufferCapacity() {
        return inboundBufferCapacity;
    }

    /**
     * The WebSocket library connections use ({@code JdkWsTransport} or {@code OkHttpWsTransport}); {@code null} until
     * set, and a connection refuses a config without one. Generated clients always set it.
     */
    public WsTransport transport() {
        return transport;
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
                + ", closeTimeout=" + closeTimeout + ", pongTimeout=" + pongTimeout + ", maxQueuedBytes="
                + maxQueuedBytes
                + ", maxMessageSize=" + maxMessageSize + ", reconnect=" + reconnect
                + ", inboundBufferCapacity=" + inboundBufferCapacity
                + ", transport="
                + (transport == null ? "none" : transport.getClass().getSimpleName()) + "]";
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Mutable builder of {@link WsConfig}; the settings no API decides are those of {@link WsOptions}. */
    public static final class Builder extends WsOptions<Builder> {
        private URI uri;
        private List<String> subprotocols = List.of();
        private Supplier<List<String>> setupMessages = List::of;

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

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

        /** Subprotocols to offer, in preference order. */
        public Builder subprotocols(List<String> subprotocols) {
            this.subprotocols = List.copyOf(subprotocols);
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
