package autosdk.runtime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tests {@link WsConnection} against a real WebSocket server (Java-WebSocket) and a raw TCP server on 127.0.0.1. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WsConnectionTest {

    /** The WebSocket library under test; the OkHttp subclass runs every test again on {@link OkHttpWsTransport}. */
    WsTransport wsTransport() {
        return new JdkWsTransport();
    }

    private static final Duration WAIT = Duration.ofMinutes(2);

    Server server;
    private final List<WsConnection> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new Server();
        server.start();
        assertThat(server.started.await(120, TimeUnit.SECONDS))
                .as("server started")
                .isTrue();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (WsConnection c : connections) {
            c.abort();
        }
        server.stop(1000);
    }

    // ------------------------------------------------------------------ round trips and reassembly

    @Test
    void textAndBinaryRoundTrip() throws Exception {
        server.onText = (c, m) -> c.send("echo:" + m);
        server.onBinary = (c, b) -> c.send(b);
        Recorder rec = new Recorder();
        WsConnection conn = connect(config().header("Authorization", "Bearer secret"), rec);

        assertThat(conn.state()).isEqualTo(WsState.OPEN);
        assertThat(rec.opens.await(120, TimeUnit.SECONDS)).isTrue();
        conn.sendText("hello wörld").get(120, TimeUnit.SECONDS);
        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("echo:hello wörld");

        byte[] payload = {0, 1, 2, (byte) 0xff, 127, -128};
        conn.sendBinary(payload).get(120, TimeUnit.SECONDS);
        assertThat(rec.binaries.poll(120, TimeUnit.SECONDS)).containsExactly(payload);

        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7});
        conn.sendBinary(buffer).get(120, TimeUnit.SECONDS);
        assertThat(buffer.remaining()).as("caller's buffer untouched").isEqualTo(3);
        assertThat(rec.binaries.poll(120, TimeUnit.SECONDS)).containsExactly(9, 8, 7);

        assertThat(server.handshakes.get(0).getFieldValue("Authorization")).isEqualTo("Bearer secret");
        assertThat(rec.errors).isEmpty();
    }

    @Test
    void fragmentedTextIsReassembledIncludingMultiByteCharactersSplitAcrossFrames() throws Exception {
        String expected = "Hello, wörld 😀!";
        byte[] bytes = expected.getBytes(UTF_8);
        int insideUmlaut = indexOf(bytes, "ö".getBytes(UTF_8)) + 1; // between the two bytes of ö
        int insideEmoji = indexOf(bytes, "😀".getBytes(UTF_8)) + 2; // in the middle of the 4-byte emoji
        server.onText = (c, m) -> {
            c.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(Arrays.copyOfRange(bytes, 0, insideUmlaut)), false);
            c.sendFragmentedFrame(
                    Opcode.TEXT, ByteBuffer.wrap(Arrays.copyOfRange(bytes, insideUmlaut, insideEmoji)), false);
            c.sendFragmentedFrame(
                    Opcode.TEXT, ByteBuffer.wrap(Arrays.copyOfRange(bytes, insideEmoji, bytes.length)), true);
            c.send("after");
        };
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        conn.sendText("go");

        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo(expected);
        assertThat(rec.texts.poll(120, TimeUnit.SECONDS))
                .as("exactly one message for the fragments")
                .isEqualTo("after");
        assertThat(rec.errors).isEmpty();
    }

    @Test
    void largeTextDeliveredByTheJdkInPartsIsReassembled() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < 400_000) {
            big.append("ä€😀x"); // 2-, 3- and 4-byte UTF-8 sequences, so part boundaries land inside characters
        }
        String expected = big.toString();
        server.onText = (c, m) -> c.send(expected);
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        conn.sendText("go");

        String received = rec.texts.poll(120, TimeUnit.SECONDS);
        assertThat(received).hasSize(expected.length());
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void fragmentedBinaryIsReassembled() throws Exception {
        server.onText = (c, m) -> {
            c.sendFragmentedFrame(Opcode.BINARY, ByteBuffer.wrap(new byte[] {1, 2}), false);
            c.sendFragmentedFrame(Opcode.BINARY, ByteBuffer.wrap(new byte[] {3}), false);
            c.sendFragmentedFrame(Opcode.BINARY, ByteBuffer.wrap(new byte[] {4, 5, 6}), true);
            c.send("after");
        };
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        conn.sendText("go");

        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(rec.binaries).hasSize(1); // delivered in order before "after", as one message
        assertThat(rec.binaries.poll()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void handCraftedFragmentsWithAnInterleavedPingAreReassembledAndThePingAnswered() throws Exception {
        byte[] text = "Helélo 😀".getBytes(UTF_8);
        int insideE = indexOf(text, "é".getBytes(UTF_8)) + 1;
        int insideEmoji = indexOf(text, "😀".getBytes(UTF_8)) + 3;
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.write(RawServer.frame(false, 0x1, Arrays.copyOfRange(text, 0, insideE))); // TEXT, not final
        script.write(RawServer.frame(true, 0x9, "hi".getBytes(US_ASCII))); // PING between fragments (RFC 6455 5.4)
        script.write(RawServer.frame(false, 0x0, Arrays.copyOfRange(text, insideE, insideEmoji))); // CONTINUATION
        script.write(RawServer.frame(true, 0x0, Arrays.copyOfRange(text, insideEmoji, text.length))); // final
        script.write(RawServer.frame(true, 0x2, new byte[] {42})); // a BINARY message right after
        try (RawServer raw = new RawServer(RawServer.Mode.SEND_AND_RECORD, script.toByteArray())) {
            Recorder rec = new Recorder();
            connect(WsConfig.builder().transport(wsTransport()).uri(raw.uri()), rec);

            assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("Helélo 😀");
            assertThat(rec.binaries.poll(120, TimeUnit.SECONDS)).containsExactly(42);
            RawServer.Frame pong = raw.clientFrames.poll(120, TimeUnit.SECONDS);
            assertThat(pong.opcode()).as("PONG").isEqualTo(0xA);
            assertThat(new String(pong.payload(), US_ASCII)).isEqualTo("hi");
            assertThat(rec.texts).isEmpty();
        }
    }

    // ------------------------------------------------------------------ sending

    @Test
    void concurrentSendsFromEightThreadsArriveWholeAndInPerThreadOrder() throws Exception {
        int threads = 8;
        int perThread = 1000;
        CountDownLatch allArrived = new CountDownLatch(threads * perThread);
        server.onText = (c, m) -> allArrived.countDown();
        // Frequent keep-alive pings are interleaved with the data, which must not disturb the send queue.
        WsConnection conn = connect(config().pingInterval(Duration.ofMillis(2)), new Recorder());
        String padding = "x".repeat(20_000); // large frames force asynchronous, partial socket writes

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<Void>> sends = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perThread; i++) {
                    String body = thread + ":" + i + ":" + (i % 50 == 0 ? padding : "small");
                    sends.add(conn.sendText(body));
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.allOf(sends.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
        assertThat(allArrived.await(120, TimeUnit.SECONDS))
                .as("all messages arrived")
                .isTrue();

        List<String> received = server.textsOf(0);
        assertThat(received).hasSize(threads * perThread);
        int[] next = new int[threads];
        for (String m : received) {
            String[] parts = m.split(":", 3);
            int thread = Integer.parseInt(parts[0]);
            int index = Integer.parseInt(parts[1]);
            assertThat(index).as("order of thread %d", thread).isEqualTo(next[thread]);
            assertThat(parts[2]).isEqualTo(index % 50 == 0 ? padding : "small");
            next[thread]++;
        }
        assertThat(next).containsOnly(perThread);
    }

    @Test
    void sendAfterCloseFailsWithWsClosedException() throws Exception {
        WsConnection conn = connect(config(), new Recorder());
        conn.close();

        CompletableFuture<Void> send = conn.sendText("too late");

        assertThatThrownBy(() -> send.get(120, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(WsClosedException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining("1000");
        assertThat(((WsClosedException) failure(send)).code()).isEqualTo(1000);
    }

    @Test
    void sendsQueuedBeforeCloseAreFlushedBeforeTheCloseFrame() throws Exception {
        WsConnection conn = connect(config(), new Recorder());
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sends.add(conn.sendText("m" + i));
        }
        conn.close();

        CompletableFuture.allOf(sends.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
        assertThat(server.closes.poll(120, TimeUnit.SECONDS).code).isEqualTo(1000);
        assertThat(server.textsOf(0)).hasSize(100).startsWith("m0").endsWith("m99");
    }

    @Test
    void aSendTheJdkRejectsFailsOnlyThatSend() throws Exception {
        server.onText = (c, m) -> c.send("echo:" + m);
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        CompletableFuture<Void> bad = conn.sendText("broken \uD800 surrogate");
        conn.sendText("fine").get(120, TimeUnit.SECONDS);

        assertThat(failure(bad)).isNotInstanceOf(WsClosedException.class);
        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("echo:fine");
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    // ------------------------------------------------------------------ closing

    @Test
    void serverCloseCodeAndReasonAreSurfacedExactlyOnceAndEchoed() throws Exception {
        server.onText = (c, m) -> c.close(4001, "bye");
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        conn.sendText("close me");
        conn.closeFuture().get(120, TimeUnit.SECONDS);

        assertThat(rec.closes).containsExactly("4001 bye"); // final: no callback can follow closeFuture
        assertThat(rec.errors).isEmpty();
        assertThat(conn.state()).isEqualTo(WsState.CLOSED);
        assertThat(conn.closeCode()).isEqualTo(4001);
        assertThat(conn.closeReason()).isEqualTo("bye");
        ServerClose seen = server.closes.poll(120, TimeUnit.SECONDS);
        assertThat(seen.code).as("server saw the echoed close").isEqualTo(4001);
        assertThat(seen.remote).isFalse();
    }

    @Test
    void clientCloseCodeAndReasonReachTheServerAndCloseIsIdempotent() throws Exception {
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        conn.close(4002, "client bye", WAIT);
        conn.close(4003, "again", WAIT);
        conn.close();

        ServerClose seen = server.closes.poll(120, TimeUnit.SECONDS);
        assertThat(seen.code).isEqualTo(4002);
        assertThat(seen.reason).isEqualTo("client bye");
        assertThat(seen.remote).isTrue();
        assertThat(rec.closes).containsExactly("4002 client bye"); // close() waited for onClose
        assertThat(conn.closeCode()).isEqualTo(4002);
        assertThat(server.closes.poll(200, TimeUnit.MILLISECONDS))
                .as("only one close frame")
                .isNull();
    }

    @Test
    void closeFromInsideAListenerCallbackDoesNotDeadlock() throws Exception {
        server.onText = (c, m) -> c.send(m);
        Recorder rec = new Recorder();
        CompletableFuture<WsState> stateAfterClose = new CompletableFuture<>();
        WsConnection conn = connect(config(), new WsListener() {
            @Override
            public void onText(WsConnection c, String message) {
                c.close(4005, "from callback", WAIT);
                stateAfterClose.complete(c.state());
            }

            @Override
            public void onClose(WsConnection c, int code, String reason) {
                rec.onClose(c, code, reason);
            }
        });

        conn.sendText("please close");

        assertThat(stateAfterClose.get(120, TimeUnit.SECONDS)).isEqualTo(WsState.CLOSED);
        conn.closeFuture().get(120, TimeUnit.SECONDS);
        assertThat(rec.closes).containsExactly("4005 from callback");
    }

    @Test
    void closeRejectsCodesAClientMayNotSend() throws Exception {
        WsConnection conn = connect(config(), new Recorder());

        assertThatThrownBy(() -> conn.close(1006, "", WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    @Test
    void closeTimesOutAndAbortsWhenTheServerNeverAnswers() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.IGNORE)) {
            Recorder rec = new Recorder();
            WsConnection conn =
                    connect(WsConfig.builder().transport(wsTransport()).uri(raw.uri()), rec);

            long start = System.nanoTime();
            conn.close(1000, "", Duration.ofMillis(300));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(elapsedMs).isBetween(250L, 4000L);
            assertThat(conn.state()).isEqualTo(WsState.CLOSED);
            assertThat(conn.closeCode()).isEqualTo(1006);
            assertThat(conn.closeReason()).contains("timed out");
            conn.closeFuture().get(120, TimeUnit.SECONDS);
            assertThat(rec.closes).hasSize(1).allMatch(s -> s.startsWith("1006 "));
        }
    }

    // ------------------------------------------------------------------ abrupt disconnects

    @Test
    void abruptDisconnectWithoutCloseFrameGivesExactlyOneOnClose1006() throws Exception {
        server.onText = (c, m) -> c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "gone"); // TCP close, no close frame
        Recorder rec = new Recorder();
        WsConnection conn = connect(config(), rec);

        conn.sendText("drop me");
        conn.closeFuture().get(120, TimeUnit.SECONDS);

        assertThat(rec.closes).hasSize(1).allMatch(s -> s.startsWith("1006 "));
        assertThat(rec.errors)
                .as("the disconnect is not also reported as an error")
                .isEmpty();
        assertThat(conn.closeCode()).isEqualTo(1006);
        assertThat(conn.closeReason()).startsWith("connection lost: ");
        assertThat(conn.closeCause()).isNotNull();
        assertThatThrownBy(() -> conn.sendText("x").get(120, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(WsClosedException.class);
    }

    @Test
    void tcpResetGivesExactlyOneOnClose1006() throws Exception {
        try (RawServer raw = new RawServer(RawServer.Mode.RESET_ON_FIRST_FRAME)) {
            Recorder rec = new Recorder();
            WsConnection conn =
                    connect(WsConfig.builder().transport(wsTransport()).uri(raw.uri()), rec);

            conn.sendText("trigger reset");
            conn.closeFuture().get(120, TimeUnit.SECONDS);

            assertThat(rec.closes).hasSize(1).allMatch(s -> s.startsWith("1006 "));
            assertThat(rec.errors).isEmpty();
            assertThat(conn.state()).isEqualTo(WsState.CLOSED);
        }
    }

    // ------------------------------------------------------------------ reconnect

    @Test
    void reconnectsWithBackoffAndResendsSetupMessagesBeforeQueuedSends() throws Exception {
        server.onText = (c, m) -> {
            if (m.equals("drop")) {
                c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "gone");
            }
        };
        WsReconnectPolicy policy = WsReconnectPolicy.builder()
                .maxAttempts(3)
                .initialDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofMillis(100))
                .jitter(0)
                .build();
        Recorder rec = new Recorder();
        // A send issued while the connection is down must wait and go out after the setup messages.
        rec.onReconnecting = conn -> conn.sendText("sent while reconnecting");
        WsConnection conn = connect(
                config().header("Authorization", "Bearer secret")
                        .reconnect(policy)
                        .setupMessages(() -> List.of("setup-1", "setup-2")),
                rec);
        rec.connection = conn;

        conn.sendText("drop");

        assertThat(rec.reconnected.await(120, TimeUnit.SECONDS))
                .as("reconnected")
                .isTrue();
        assertThat(server.received.tryAcquire(4, 5, TimeUnit.SECONDS)).isTrue(); // drop + 3 on the new connection
        assertThat(server.textsOf(1)).containsExactly("setup-1", "setup-2", "sent while reconnecting");
        assertThat(rec.reconnecting).containsExactly("1 PT0.02S");
        assertThat(server.handshakes.get(1).getFieldValue("Authorization")).isEqualTo("Bearer secret");
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
        assertThat(rec.closes).isEmpty();
        assertThat(rec.opens.getCount())
                .as("onOpen only for the first connection")
                .isZero();

        server.onText = (c, m) -> {
            if (m.equals("still works")) { // filter: a late "sent while reconnecting" may still be in flight
                c.send("echo:" + m);
            }
        };
        conn.sendText("still works");
        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("echo:still works");
    }

    @Test
    void reconnectGivingUpDeliversOneOnCloseAndFailsQueuedSends() throws Exception {
        server.onText = (c, m) -> {
            server.rejectHandshakes = true;
            c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "gone");
        };
        WsReconnectPolicy policy = WsReconnectPolicy.builder()
                .maxAttempts(2)
                .initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(20))
                .jitter(0)
                .build();
        Recorder rec = new Recorder();
        List<CompletableFuture<Void>> queued = new CopyOnWriteArrayList<>();
        rec.onReconnecting = conn -> queued.add(conn.sendText("never sent"));
        WsConnection conn = connect(config().reconnect(policy), rec);
        rec.connection = conn;

        conn.sendText("drop");
        conn.closeFuture().get(120, TimeUnit.SECONDS);

        assertThat(rec.reconnecting).containsExactly("1 PT0.01S", "2 PT0.02S");
        assertThat(rec.closes).hasSize(1).allMatch(s -> s.startsWith("1006 reconnect gave up after 2 attempts"));
        assertThat(rec.errors).isEmpty();
        assertThat(queued).hasSize(2);
        for (CompletableFuture<Void> f : queued) {
            assertThat(failure(f)).isInstanceOf(WsClosedException.class);
        }
        assertThat(server.connects.availablePermits())
                .as("only the first handshake succeeded")
                .isEqualTo(1);
    }

    @Test
    void serverCloseFrameIsNotRetriedEvenWithAReconnectPolicy() throws Exception {
        server.onText = (c, m) -> c.close(1001, "going away");
        Recorder rec = new Recorder();
        WsConnection conn = connect(
                config().reconnect(WsReconnectPolicy.builder()
                        .initialDelay(Duration.ZERO)
                        .build()),
                rec);

        conn.sendText("bye");
        conn.closeFuture().get(120, TimeUnit.SECONDS);

        assertThat(rec.closes).containsExactly("1001 going away");
        assertThat(rec.reconnecting).isEmpty();
    }

    // ------------------------------------------------------------------ listener robustness and threading

    @Test
    void aThrowingListenerDoesNotStopLaterMessages() throws Exception {
        server.onText = (c, m) -> c.send(m);
        Recorder rec = new Recorder();
        rec.throwOn = "boom";
        rec.throwInOnError = true; // even a throwing onError must not stop the reader
        WsConnection conn = connect(config(), rec);

        conn.sendText("boom");
        conn.sendText("after-1");
        conn.sendText("after-2");

        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("after-1");
        assertThat(rec.texts.poll(120, TimeUnit.SECONDS)).isEqualTo("after-2");
        assertThat(rec.errors).hasSize(1);
        assertThat(rec.errors.get(0)).isInstanceOf(IllegalStateException.class).hasMessage("listener failed on boom");
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    @Test
    void aBlockedListenerDoesNotBlockSending() throws Exception {
        server.onText = (c, m) -> c.send(m);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inCallback = new CountDownLatch(1);
        WsConnection conn = connect(config(), new WsListener() {
            @Override
            public void onText(WsConnection c, String message) {
                inCallback.countDown();
                awaitQuietly(release);
            }
        });

        conn.sendText("block the listener");
        assertThat(inCallback.await(120, TimeUnit.SECONDS)).isTrue();
        try {
            conn.sendText("still sending").get(120, TimeUnit.SECONDS);
            assertThat(server.received.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
            assertThat(server.textsOf(0)).containsExactly("block the listener", "still sending");
        } finally {
            release.countDown();
        }
    }

    @Test
    void serverPingsAreAnsweredAndKeepAlivePingsAreSent() throws Exception {
        server.onText = (c, m) -> c.sendPing();
        WsConnection conn = connect(config().pingInterval(Duration.ofMillis(50)), new Recorder());

        conn.sendText("ping me");

        assertThat(server.pongs.tryAcquire(1, 5, TimeUnit.SECONDS))
                .as("pong for the server's ping")
                .isTrue();
        assertThat(server.pings.tryAcquire(2, 5, TimeUnit.SECONDS))
                .as("keep-alive pings")
                .isTrue();
        conn.close();
        server.pings.drainPermits();
        Thread.sleep(200); // checking for absence needs a window: four ping intervals
        assertThat(server.pings.availablePermits())
                .as("keep-alive stops on close")
                .isZero();
    }

    @Test
    void slowPullConsumerGetsBackpressureNotDataLoss() throws Exception {
        int count = 200;
        server.onText = (c, m) -> {
            for (int i = 0; i < count; i++) {
                c.send("m" + i);
            }
            c.close(1000, "done");
        };
        WsInbox<String> inbox = new WsInbox<>(4);
        WsConnection conn = connect(config(), new WsListener() {
            @Override
            public void onText(WsConnection c, String message) {
                inbox.offer(message); // blocks while the inbox is full: that is the backpressure
            }

            @Override
            public void onClose(WsConnection c, int code, String reason) {
                inbox.close();
            }
        });

        conn.sendText("flood");

        eventually(() -> inbox.size() == 4);
        // The reader is blocked, so the server's close frame (queued behind 196 messages) has not been read yet.
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
        List<String> got = new ArrayList<>();
        for (String m : inbox) {
            got.add(m);
            assertThat(inbox.size()).isLessThanOrEqualTo(4);
        }
        assertThat(got).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(got.get(i)).isEqualTo("m" + i);
        }
        assertThat(conn.closeCode()).isEqualTo(1000);
        assertThat(conn.closeReason()).isEqualTo("done");
    }

    /**
     * While a callback blocks, a transport that reads ahead (OkHttp) reads by the read-ahead window and then stops:
     * it hands the connection exactly the messages that fill the window (16 small ones; for large ones, as many as
     * reach the size bound, and never fewer than two). One that does not (the JDK) hands over only the first. Then
     * the rest come in order once the callback returns.
     */
    @Test
    void aBlockedCallbackStopsReadingAtTheReadAheadWindow() throws Exception {
        readAheadStopsAtTheWindow(2);
        readAheadStopsAtTheWindow(100_000);
    }

    private void readAheadStopsAtTheWindow(int size) throws Exception {
        int count = 50;
        String[] messages = new String[count];
        for (int i = 0; i < count; i++) {
            String tag = "m" + i + ":";
            messages[i] = tag + "x".repeat(Math.max(0, size - tag.length()));
        }
        server.onText = (c, m) -> {
            for (String message : messages) {
                c.send(message);
            }
        };
        AtomicInteger received = new AtomicInteger(); // whole messages the transport handed to the connection
        WsTransport real = wsTransport();
        WsTransport counting = (cfg, listener) -> real.open(cfg, new CountingListener(listener, received));
        // The socket says whether its transport reads ahead; the window depends on it.
        List<WsTransport.Socket> sockets = new CopyOnWriteArrayList<>();
        WsTransport recording = (cfg, listener) -> counting.open(cfg, listener).thenApply(s -> {
            sockets.add(s);
            return s;
        });
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        WsConnection conn = connect(WsConfig.builder().transport(recording).uri(server.uri()), new WsListener() {
            @Override
            public void onText(WsConnection c, String message) {
                got.add(message);
                if (message.startsWith("m0:")) {
                    awaitQuietly(release);
                }
            }
        });

        conn.sendText("flood");

        int window = 1; // what the connection reads while the first callback blocks
        if (sockets.get(0).readsAhead()) {
            window = 2; // at least one message ahead
            while (window < WsConnection.READ_AHEAD_MESSAGES
                    && (long) window * messages[window].length() < WsConnection.READ_AHEAD_SIZE) {
                window++;
            }
        }
        int expected = window;
        eventually(() -> received.get() >= expected);
        Thread.sleep(400); // checking for absence needs a window: the reader must stay stopped
        assertThat(received.get())
                .as("messages of %d characters read while the first callback blocks", size)
                .isEqualTo(window);
        assertThat(got).hasSize(1);
        release.countDown();
        eventually(() -> got.size() == count);
        assertThat(new ArrayList<>(got)).containsExactly(messages);
        conn.close();
    }

    /** Counts the whole messages a transport hands over, passing every call on. */
    private record CountingListener(WsTransport.Listener next, AtomicInteger messages) implements WsTransport.Listener {
        @Override
        public void onOpen(WsTransport.Socket socket) {
            next.onOpen(socket);
        }

        @Override
        public void onText(WsTransport.Socket socket, CharSequence data, boolean last) {
            if (last) {
                messages.incrementAndGet();
            }
            next.onText(socket, data, last);
        }

        @Override
        public void onBinary(WsTransport.Socket socket, ByteBuffer data, boolean last) {
            if (last) {
                messages.incrementAndGet();
            }
            next.onBinary(socket, data, last);
        }

        @Override
        public void onMessageTooBig(WsTransport.Socket socket) {
            next.onMessageTooBig(socket);
        }

        @Override
        public void onPing(WsTransport.Socket socket) {
            next.onPing(socket);
        }

        @Override
        public void onPong(WsTransport.Socket socket) {
            next.onPong(socket);
        }

        @Override
        public void onClose(WsTransport.Socket socket, int statusCode, String reason) {
            next.onClose(socket, statusCode, reason);
        }

        @Override
        public void onError(WsTransport.Socket socket, Throwable error) {
            next.onError(socket, error);
        }
    }

    @Test
    void failedConnectFailsTheFutureWithoutCallbacks() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Recorder rec = new Recorder();
        WsConfig cfg = WsConfig.builder()
                .transport(wsTransport())
                .uri(URI.create("ws://127.0.0.1:" + closedPort + "/"))
                .build();

        assertThatThrownBy(() -> WsConnection.connectBlocking(cfg, rec)).isInstanceOf(IOException.class);
        assertThat(rec.closes).isEmpty();
        assertThat(rec.errors).isEmpty();
        assertThat(rec.opens.getCount()).isEqualTo(1);
    }

    @Test
    void subprotocolIsNegotiated() throws Exception {
        WsConnection conn = connect(config().subprotocols(List.of("v2.proto", "v1.proto")), new Recorder());
        eventually(() -> !server.handshakes.isEmpty()); // the server records it in onOpen, which may run after ours

        assertThat(server.handshakes.get(0).getFieldValue("Sec-WebSocket-Protocol"))
                .isEqualTo("v2.proto, v1.proto");
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    // ------------------------------------------------------------------ helpers

    WsConfig.Builder config() {
        return WsConfig.builder().transport(wsTransport()).uri(server.uri());
    }

    WsConnection connect(WsConfig.Builder config, WsListener listener) throws Exception {
        WsConnection conn = WsConnection.connect(config.build(), listener).get(120, TimeUnit.SECONDS);
        connections.add(conn);
        return conn;
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(120, TimeUnit.SECONDS);
            throw new AssertionError("expected the future to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in time").isLessThan(deadline);
            Thread.sleep(5); // polling a condition with a deadline, not synchronizing on time
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** Records every callback; callbacks come from the connection's event thread, so collections are thread-safe. */
    static final class Recorder implements WsListener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
        final List<String> closes = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final List<String> reconnecting = new CopyOnWriteArrayList<>();
        final CountDownLatch opens = new CountDownLatch(1);
        final CountDownLatch reconnected = new CountDownLatch(1);
        volatile String throwOn;
        volatile boolean throwInOnError;
        volatile WsConnection connection;
        volatile Consumer<WsConnection> onReconnecting = c -> {};

        @Override
        public void onOpen(WsConnection c) {
            opens.countDown();
        }

        @Override
        public void onText(WsConnection c, String message) {
            if (message.equals(throwOn)) {
                throw new IllegalStateException("listener failed on " + message);
            }
            texts.add(message);
        }

        @Override
        public void onBinary(WsConnection c, byte[] message) {
            binaries.add(message);
        }

        @Override
        public void onClose(WsConnection c, int code, String reason) {
            closes.add(code + " " + reason);
        }

        @Override
        public void onError(WsConnection c, Throwable error) {
            errors.add(error);
            if (throwInOnError) {
                throw new IllegalStateException("onError failed too");
            }
        }

        @Override
        public void onReconnecting(int attempt, Duration delay) {
            reconnecting.add(attempt + " " + delay);
            onReconnecting.accept(connection);
        }

        @Override
        public void onReconnected(WsConnection c) {
            reconnected.countDown();
        }
    }

    record ServerClose(int code, String reason, boolean remote) {}

    /** A scriptable Java-WebSocket server that records what each connection received. */
    static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final List<WebSocket> opened = new CopyOnWriteArrayList<>();
        final List<ClientHandshake> handshakes = new CopyOnWriteArrayList<>();
        final Map<WebSocket, List<String>> texts = new ConcurrentHashMap<>();
        final BlockingQueue<ServerClose> closes = new LinkedBlockingQueue<>();
        final Semaphore connects = new Semaphore(0);
        final Semaphore received = new Semaphore(0);
        final Semaphore pings = new Semaphore(0);
        final Semaphore pongs = new Semaphore(0);
        volatile BiConsumer<WebSocket, String> onText = (c, m) -> {};
        volatile BiConsumer<WebSocket, ByteBuffer> onBinary = (c, b) -> {};
        volatile boolean rejectHandshakes;

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setConnectionLostTimeout(0); // the server must not ping on its own: tests count pings
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + getPort() + "/");
        }

        List<String> textsOf(int connectionIndex) {
            List<String> list = texts.get(opened.get(connectionIndex));
            synchronized (list) {
                return new ArrayList<>(list);
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
                WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
            if (rejectHandshakes) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "not now");
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            texts.put(conn, Collections.synchronizedList(new ArrayList<>()));
            handshakes.add(handshake);
            opened.add(conn);
            connects.release();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            texts.get(conn).add(message);
            received.release();
            onText.accept(conn, message);
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            onBinary.accept(conn, message);
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            pings.release();
            super.onWebsocketPing(conn, f);
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            pongs.release();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closes.add(new ServerClose(code, reason, remote));
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // Abrupt closes made on purpose show up here; tests assert on the client side.
            ex.printStackTrace();
        }
    }

    /** A bare TCP server that completes the WebSocket handshake and then misbehaves in a chosen way. */
    static final class RawServer implements AutoCloseable {
        enum Mode {
            IGNORE,
            RESET_ON_FIRST_FRAME,
            SEND_AND_RECORD
        }

        /** A frame received from the client: opcode and unmasked payload. */
        record Frame(int opcode, byte[] payload) {}

        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final byte[] script;
        final BlockingQueue<Frame> clientFrames = new LinkedBlockingQueue<>();

        RawServer(Mode mode) throws IOException {
            this(mode, new byte[0]);
        }

        /**
         * In {@link Mode#SEND_AND_RECORD}, writes {@code script} (raw frames) after the handshake, then records client
         * frames.
         */
        RawServer(Mode mode, byte[] script) throws IOException {
            this.script = script;
            listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> serve(mode), "raw-ws-server");
            thread.setDaemon(true);
            thread.start();
        }

        /** One unmasked server frame with a payload shorter than 126 bytes. */
        static byte[] frame(boolean fin, int opcode, byte[] payload) {
            byte[] f = new byte[2 + payload.length];
            f[0] = (byte) ((fin ? 0x80 : 0) | opcode);
            f[1] = (byte) payload.length;
            System.arraycopy(payload, 0, f, 2, payload.length);
            return f;
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
        }

        private void serve(Mode mode) {
            try (Socket socket = listener.accept()) {
                sockets.add(socket);
                handshake(socket);
                InputStream in = socket.getInputStream();
                if (mode == Mode.RESET_ON_FIRST_FRAME) {
                    in.read();
                    socket.setSoLinger(true, 0); // close with RST instead of FIN
                    return;
                }
                if (mode == Mode.SEND_AND_RECORD) {
                    socket.getOutputStream().write(script);
                    socket.getOutputStream().flush();
                    while (true) {
                        clientFrames.add(readClientFrame(in));
                    }
                }
                while (in.read() >= 0) {
                    // swallow everything, including the close frame, and never answer
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        /** Reads one masked client frame (payloads up to 65535 bytes are enough here). */
        private static Frame readClientFrame(InputStream in) throws IOException {
            int b0 = readByte(in);
            int b1 = readByte(in);
            int length = b1 & 0x7f;
            if (length == 126) {
                length = (readByte(in) << 8) | readByte(in);
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes(length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            return new Frame(b0 & 0x0f, payload);
        }

        private static int readByte(InputStream in) throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            return b;
        }

        private static void handshake(Socket socket) throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("eof in handshake");
                }
                request.write(b);
            }
            String key = request.toString(US_ASCII)
                    .lines()
                    .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElseThrow();
            String accept;
            try {
                accept = Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-1")
                                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
