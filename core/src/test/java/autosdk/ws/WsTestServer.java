package autosdk.ws;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on 127.0.0.1 (Java-WebSocket) for end-to-end tests: records handshakes and frames, and lets
 * a test push text (whole or fragmented), binary frames, close codes and abrupt drops at the client.
 */
final class WsTestServer extends WebSocketServer implements AutoCloseable {
    /** What one connection's opening handshake carried. */
    record Handshake(String resource, Map<String, String> headers) {}

    final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    final List<String> texts = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> binarySizes = Collections.synchronizedList(new ArrayList<>());
    final Map<WebSocket, List<String>> perConnection = new ConcurrentHashMap<>();
    final List<String> closes = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile BiConsumer<WebSocket, String> onText = (c, t) -> {};
    private volatile java.util.function.Consumer<WebSocket> onOpen = c -> {};

    WsTestServer(String... subprotocols) {
        super(new InetSocketAddress("127.0.0.1", 0), List.of(draft(subprotocols)));
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    private static Draft_6455 draft(String... subprotocols) {
        List<IProtocol> protocols = new ArrayList<>();
        for (String p : subprotocols) protocols.add(new Protocol(p));
        protocols.add(new Protocol("")); // also accept clients that offer none of them
        return new Draft_6455(List.<IExtension>of(), protocols);
    }

    static WsTestServer begin(String... subprotocols) throws InterruptedException {
        WsTestServer s = new WsTestServer(subprotocols);
        s.start();
        if (!s.started.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("server did not start");
        return s;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    WsTestServer onText(BiConsumer<WebSocket, String> handler) {
        this.onText = handler;
        return this;
    }

    WsTestServer onOpen(java.util.function.Consumer<WebSocket> handler) {
        this.onOpen = handler;
        return this;
    }

    /**
     * Sends {@code text} split into {@code parts} frames (TEXT then CONTINUOUS), cutting bytes anywhere, even inside
     * UTF-8.
     */
    static void sendFragmented(WebSocket conn, String text, int parts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int size = Math.max(1, bytes.length / parts);
        for (int i = 0, off = 0; off < bytes.length; i++) {
            int end = i == parts - 1 ? bytes.length : Math.min(bytes.length, off + size);
            conn.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(bytes, off, end - off), end == bytes.length);
            off = end;
        }
    }

    /** Drops every connection without a close frame (the client sees an abnormal closure). */
    void dropAll() {
        for (WebSocket c : getConnections()) c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
    }

    boolean await(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        handshake.iterateHttpFields().forEachRemaining(name -> headers.put(name, handshake.getFieldValue(name)));
        handshakes.add(new Handshake(handshake.getResourceDescriptor(), headers));
        perConnection.put(conn, Collections.synchronizedList(new ArrayList<>()));
        onOpen.accept(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        closes.add(code + ":" + reason + ":" + (remote ? "client" : "server"));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        texts.add(message);
        List<String> mine = perConnection.get(conn);
        if (mine != null) mine.add(message);
        onText.accept(conn, message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        binarySizes.add(message.remaining());
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // recorded by the assertions on what arrived
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
