package autosdk.runtime;

import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a WebSocket connection that no API description decides: extra handshake headers, timeouts,
 * keep-alive, limits, reconnecting, the inbox size, the {@link WsTransport} and (inherited) the wire log. One place for
 * them: {@link WsConfig.Builder} and every generated WebSocket client builder ({@link WsClientBuilder}) extend this
 * class.
 *
 * @param <B> the concrete builder
 */
public abstract class WsOptions<B extends WsOptions<B>> extends ClientOptions<B> {
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration pingInterval;
    Duration closeTimeout = Duration.ofSeconds(5);
    WsReconnectPolicy reconnect = WsReconnectPolicy.none();
    Duration pongTimeout;
    long maxQueuedBytes = WsConfig.DEFAULT_MAX_QUEUED_BYTES;
    int maxMessageSize = WsConfig.DEFAULT_MAX_MESSAGE_SIZE;
    int inboundBufferCapacity = 256;
    WsTransport transport;

    /** Subclasses outside the runtime are the generated builders. */
    protected WsOptions() {}

    /** Adds a handshake header (e.g. a credential the spec does not describe); call repeatedly for several values. */
    public B header(String name, String value) {
        headers.add(new SimpleImmutableEntry<>(
                Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return self();
    }

    /** Timeout of the opening handshake (positive, default 10 s), also for each reconnect attempt. */
    public B connectTimeout(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        this.connectTimeout = connectTimeout;
        return self();
    }

    /** Sends a keep-alive ping at this interval; {@code null} or zero (the default) turns keep-alive off. */
    public B pingInterval(Duration pingInterval) {
        if (pingInterval != null && pingInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must not be negative: " + pingInterval);
        }
        this.pingInterval = pingInterval == null || pingInterval.isZero() ? null : pingInterval;
        return self();
    }

    /** How long {@code close()} waits for the server's close frame (positive, default 5 s). */
    public B closeTimeout(Duration closeTimeout) {
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (closeTimeout.isZero() || closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must be positive: " + closeTimeout);
        }
        this.closeTimeout = closeTimeout;
        return self();
    }

    /**
     * How long the server may stay silent after a keep-alive ping before the connection counts as dropped
     * (positive; {@code null} restores the default, the larger of the ping interval and 10 s). Only applies when
     * {@link #pingInterval} is set.
     */
    public B pongTimeout(Duration pongTimeout) {
        if (pongTimeout != null && (pongTimeout.isZero() || pongTimeout.isNegative())) {
            throw new IllegalArgumentException("pongTimeout must be positive: " + pongTimeout);
        }
        this.pongTimeout = pongTimeout;
        return self();
    }

    /**
     * Limit on the bytes of unsent messages (positive, default 16 MiB); a send beyond it fails at once with
     * {@link WsLimitExceededException}.
     */
    public B maxQueuedBytes(long maxQueuedBytes) {
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be positive: " + maxQueuedBytes);
        }
        this.maxQueuedBytes = maxQueuedBytes;
        return self();
    }

    /** Largest inbound message in bytes (positive, default 16 MiB); a larger one closes the connection with 1009. */
    public B maxMessageSize(int maxMessageSize) {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
        return self();
    }

    /**
     * Reconnects with backoff and jitter after the connection drops without a close frame; setup messages are re-sent
     * first. {@code null} means {@link WsReconnectPolicy#none()}, the default.
     */
    public B reconnect(WsReconnectPolicy reconnect) {
        this.reconnect = reconnect == null ? WsReconnectPolicy.none() : reconnect;
        return self();
    }

    /** Capacity of the pull-style {@code events()} inbox (positive, default 256). */
    public B inboundBufferCapacity(int inboundBufferCapacity) {
        if (inboundBufferCapacity < 1) {
            throw new IllegalArgumentException("inboundBufferCapacity must be positive: " + inboundBufferCapacity);
        }
        this.inboundBufferCapacity = inboundBufferCapacity;
        return self();
    }

    /**
     * The WebSocket library to connect with, e.g. {@code new JdkWsTransport(httpClient)}. Generated builders set their
     * transport's default and offer {@code httpClient(…)} or {@code okHttpClient(…)} to pass a configured client.
     */
    public B transport(WsTransport transport) {
        this.transport = transport;
        return self();
    }

    /** Copies every setting of this class but the headers, the wire log's included, to another builder. */
    final void copyWsOptionsTo(WsOptions<?> to) {
        copyLogOptionsTo(to);
        to.connectTimeout = connectTimeout;
        to.pingInterval = pingInterval;
        to.closeTimeout = closeTimeout;
        to.reconnect = reconnect;
        to.pongTimeout = pongTimeout;
        to.maxQueuedBytes = maxQueuedBytes;
        to.maxMessageSize = maxMessageSize;
        to.inboundBufferCapacity = inboundBufferCapacity;
        to.transport = transport;
    }
}
