package autosdk.runtime;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@link WsTransport} on the JDK's {@link java.net.http.WebSocket} (the default: no dependency). */
public final class JdkWsTransport implements WsTransport {

    /**
     * The HttpClient of every connection configured without one. A client per connection would keep its selector and
     * worker threads alive until garbage collection (Java 17 cannot close an HttpClient), so they piled up.
     */
    private static final class SharedHttp {
        static final HttpClient CLIENT = HttpClient.newHttpClient();
    }

    private final HttpClient http;

    /** A transport on one HttpClient shared by every connection configured without one. */
    public JdkWsTransport() {
        this(null);
    }

    /**
     * A transport on {@code http} (its executor, proxy and TLS settings apply); {@code null} means the shared client.
     */
    public JdkWsTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<WsTransport.Socket> open(WsConfig config, WsTransport.Listener listener) {
        try {
            HttpClient client = http != null ? http : SharedHttp.CLIENT;
            WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(config.connectTimeout());
            for (Map.Entry<String, String> header : config.headers()) {
                builder.header(header.getKey(), header.getValue());
            }
            List<String> protocols = config.subprotocols();
            if (!protocols.isEmpty()) {
                builder.subprotocols(
                        protocols.get(0), protocols.subList(1, protocols.size()).toArray(new String[0]));
            }
            JdkSocket socket = new JdkSocket(listener);
            return builder.buildAsync(config.uri(), socket).thenApply(ws -> socket);
        } catch (RuntimeException e) { // e.g. a restricted header name: report through the future like other failures
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Adapts one JDK WebSocket; the JDK calls the listener methods one at a time, after onOpen set {@code ws}. */
    private static final class JdkSocket implements WsTransport.Socket, WebSocket.Listener {
        private final WsTransport.Listener listener;
        private volatile WebSocket ws;

        JdkSocket(WsTransport.Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletableFuture<?> sendText(String text) {
            return ws.sendText(text, true);
        }

        @Override
        public CompletableFuture<?> sendBinary(ByteBuffer data) {
            return ws.sendBinary(data, true);
        }

        @Override
        public CompletableFuture<?> sendClose(int code, String reason) {
            return ws.sendClose(code, reason);
        }

        @Override
        public boolean canPing() {
            return true;
        }

        @Override
        public CompletableFuture<?> sendPing() {
            return ws.sendPing(ByteBuffer.allocate(0));
        }

        @Override
        public void request(long n) {
            ws.request(n);
        }

        @Override
        public boolean readsAhead() {
            return false; // request() from the event thread makes the JDK read (and decode UTF-8) right there
        }

        @Override
        public void abort() {
            ws.abort();
        }

        @Override
        public String subprotocol() {
            return ws.getSubprotocol();
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            listener.onOpen(this);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            listener.onText(this, data, last);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            listener.onBinary(this, data, last);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            listener.onPing(this);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            listener.onPong(this);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClose(this, statusCode, reason);
            return null; // returning lets the JDK echo the close frame, completing the handshake
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onError(this, error);
        }
    }
}
