package autosdk.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault injection for {@link WsConnection} and {@link WsClientBase}: servers on 127.0.0.1 ({@link RawWsServer}) that
 * stop reading, never answer pings, send oversized messages, accept and drop at once, or drop with FIN or RST at
 * exact points. Each test states the attack; docs/reliability.md lists them with their results.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WsFaultInjectionTest {

    /** The WebSocket library under test; the OkHttp subclass runs every test again on {@link OkHttpWsTransport}. */
    WsTransport wsTransport() {
        return new JdkWsTransport();
    }

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final List<RawWsServer> servers = new CopyOnWriteArrayList<>();
    private final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch testOver = new CountDownLatch(1);

    @AfterEach
    void cleanUp() throws IOException {
        testOver.countDown();
        for (WsConnection c : connections) {
            c.abort();
        }
        for (RawWsServer s : servers) {
            s.close();
        }
    }

    // ------------------------------------------------------------------ 1. a server that stops reading

    @Test
    void sendsToAServerThatStopsReadingFailOnceTheQueueLimitIsReached() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            testOver.await(); // never read again: the TCP buffers fill, then the client's queue
        });
        int limit = 1024 * 1024;
        WsConnection conn = connect(
                WsConfig.builder()
                        .transport(wsTransport())
                        .uri(server.uri())
                        .maxQueuedBytes(limit)
                        .closeTimeout(Duration.ofSeconds(1)),
                new WsConnectionTest.Recorder());
        byte[] chunk = new byte[8 * 1024];
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        Throwable refusal = null;
        for (int i = 0; i < 100_000 && refusal == null; i++) {
            CompletableFuture<Void> f = conn.sendBinary(chunk);
            if (f.isCompletedExceptionally()) {
                refusal = failure(f);
            } else {
                accepted.add(f);
            }
        }

        assertThat(refusal)
                .as("a send is refused instead of queuing without bound")
                .isInstanceOf(WsLimitExceededException.class)
                .hasMessageContaining("maxQueuedBytes");
        assertThat(((WsLimitExceededException) refusal).limit()).isEqualTo(limit);
        assertThat(conn.state()).as("the connection stays usable").isEqualTo(WsState.OPEN);
        long started = System.nanoTime();
        conn.close();
        long closeMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(conn.state()).isEqualTo(WsState.CLOSED);
        for (CompletableFuture<Void> f : accepted) {
            assertDoneOrClosed(f); // every accepted send ends once closed: written or failed as closed
        }
        System.out.printf(
                "stopped reader: %d x 8 KB sends accepted before the 1 MiB limit, close() took %d ms "
                        + "(closeTimeout 1 s)%n",
                accepted.size(), closeMillis);
    }

    @Test
    void hundredThousandSendsOf8KbToAServerThatStopsReadingKeepTheHeapSmall() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            testOver.await();
        });
        WsConnection conn = connect(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).closeTimeout(Duration.ofSeconds(2)),
                new WsConnectionTest.Recorder());
        long before = usedHeapAfterGc();
        byte[] chunk = new byte[8 * 1024];
        int refused = 0;
        for (int i = 0; i < 100_000; i++) {
            if (conn.sendBinary(chunk).isCompletedExceptionally()) {
                refused++;
            }
        }
        long held = usedHeapAfterGc() - before;

        assertThat(refused).as("sends beyond the default 16 MiB are refused").isPositive();
        assertThat((100_000L - refused) * chunk.length)
                .as("bytes accepted: the limit plus what the TCP buffers took")
                .isLessThan(WsConfig.DEFAULT_MAX_QUEUED_BYTES + 64L * 1024 * 1024);
        assertThat(held).as("heap held by the queue").isLessThan(128L * 1024 * 1024);
        long started = System.nanoTime();
        conn.close();
        System.out.printf(
                "100,000 x 8 KB: %d refused, heap held %d MiB, close() took %d ms (closeTimeout 2 s)%n",
                refused, held / (1024 * 1024), (System.nanoTime() - started) / 1_000_000);
        assertThat(conn.state()).isEqualTo(WsState.CLOSED);
    }

    // ------------------------------------------------------------------ 2. oversized inbound messages

    @Test
    void binaryMessageLargerThanMaxMessageSizeClosesWith1009() throws Exception {
        AtomicInteger clientCloseCode = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> clientCloseReason =
                new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch serverSawClose = new CountDownLatch(1);
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.sendText("small");
            // The big message goes out on its own thread: a client may stop reading at its header (the OkHttp
            // transport's guard never reads a refused payload), and a blocked write must not keep this thread from
            // reading the client's close frame.
            Thread writer = new Thread(() -> {
                byte[] fragment = new byte[64 * 1024];
                try {
                    for (int i = 0; i < 64; i++) { // 4 MiB in 64 KB fragments
                        peer.send(i == 63, i == 0 ? RawWsServer.BINARY : RawWsServer.CONTINUATION, fragment);
                    }
                } catch (IOException e) {
                    // the client dropped the connection before taking it all: expected on a guarded transport
                }
            });
            writer.start();
            RawWsServer.Frame f;
            while ((f = peer.readFrame()).opcode() != RawWsServer.CLOSE) {
                // skip until the client's close frame
            }
            clientCloseCode.set(f.closeCode());
            clientCloseReason.set(new String(f.payload(), 2, f.payload().length - 2, UTF_8));
            serverSawClose.countDown();
            writer.join(WAIT.toMillis());
            if (!writer.isAlive()) {
                peer.sendClose(1000); // whatever the server answers, the client reports its own reason
            }
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).maxMessageSize(1024 * 1024), rec);

        assertThat(rec.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("small");
        assertThat(serverSawClose.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("client sent a close frame")
                .isTrue();
        assertThat(clientCloseCode.get())
                .as("1008: java.net.http lets no client send 1009")
                .isEqualTo(1008);
        assertThat(clientCloseReason.get()).isEqualTo("message too big: more than 1048576 bytes");
        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1009 message too big");
        assertThat(conn.closeCause()).isInstanceOf(WsLimitExceededException.class);
        assertThat(rec.binaries).as("the oversized message is never delivered").isEmpty();
    }

    @Test
    void hugeTextMessageInOneMibFragmentsIsCutOffAtTheDefaultLimit() throws Exception {
        AtomicInteger fragmentsWritten = new AtomicInteger();
        RawWsServer server = server(peer -> {
            peer.handshake();
            byte[] fragment = "x".repeat(1024 * 1024).getBytes(UTF_8);
            for (int i = 0; i < 200; i++) { // 200 MiB unless the client gives up on it first
                peer.send(i == 199, i == 0 ? RawWsServer.TEXT : RawWsServer.CONTINUATION, fragment);
                fragmentsWritten.incrementAndGet();
            }
            peer.drain();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).closeTimeout(Duration.ofSeconds(2)), rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0))
                .as("after %d fragments; close cause: %s", fragmentsWritten.get(), causeChain(conn.closeCause()))
                .startsWith("1009 message too big: more than 16777216 bytes");
        assertThat(rec.texts).isEmpty();
        assertThat(conn.closeCause()).isInstanceOf(WsLimitExceededException.class);
        System.out.printf(
                "200 MiB text: the server got %d of 200 fragments out before the client cut it off%n",
                fragmentsWritten.get());
    }

    /** Every message in a cause chain, so a failure names what the transport reported rather than just its type. */
    static String causeChain(Throwable error) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            chain.append(chain.length() == 0 ? "" : " <- ").append(t);
        }
        return chain.toString();
    }

    // ------------------------------------------------------------------ 3. dead peers

    @Test
    void serverThatNeverAnswersPingsIsTreatedAsDroppedAndReconnected() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.drain(); // reads everything, answers nothing: a half-open link looks like this from the client
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(
                WsConfig.builder()
                        .transport(wsTransport())
                        .uri(server.uri())
                        .pingInterval(Duration.ofMillis(100))
                        .pongTimeout(Duration.ofMillis(500))
                        .reconnect(WsReconnectPolicy.builder()
                                .maxAttempts(1)
                                .initialDelay(Duration.ofMillis(10))
                                .jitter(0)
                                .build()),
                rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.reconnecting)
                .as("the dead link was noticed and a reconnect tried")
                .hasSize(1);
        assertThat(server.accepted.availablePermits())
                .as("initial connection and one reconnect")
                .isEqualTo(2);
        assertThat(rec.closes.get(0))
                .startsWith("1006 reconnect gave up after 1 attempts")
                .contains("pongTimeout");
        assertThat(conn.closeCause()).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void serverThatNeverAnswersPingsEndsWith1006WithoutReconnect() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.drain();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(
                WsConfig.builder()
                        .transport(wsTransport())
                        .uri(server.uri())
                        .pingInterval(Duration.ofMillis(500))
                        .pongTimeout(Duration.ofSeconds(1)),
                rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1006 connection lost: no pong");
        assertThat(conn.state()).isEqualTo(WsState.CLOSED);
    }

    @Test
    void slowListenerIsNotMistakenForADeadServer() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.sendText("slow");
            RawWsServer.Frame f;
            while ((f = peer.readMessageFrame()) != null) { // answers pings
                peer.sendText("echo:" + f.text());
            }
        });
        CountDownLatch slowDone = new CountDownLatch(1);
        List<String> texts = new CopyOnWriteArrayList<>();
        WsConnection conn = connect(
                WsConfig.builder()
                        .transport(wsTransport())
                        .uri(server.uri())
                        .pingInterval(Duration.ofMillis(100))
                        .pongTimeout(Duration.ofMillis(500)),
                new WsListener() {
                    @Override
                    public void onText(WsConnection c, String message) {
                        texts.add(message);
                        if (message.equals("slow")) {
                            sleep(2_500); // five pong timeouts without reading: backpressure, not a dead server
                            slowDone.countDown();
                        }
                    }
                });

        assertThat(slowDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        conn.sendText("still there").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        eventually(() -> texts.contains("echo:still there"));
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    // ------------------------------------------------------------------ 4. reconnect storms

    @Test
    void serverThatDropsEveryConnectionAtOnceMeetsBackoffAndTheAttemptLimit() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.dropWithFin();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsReconnectPolicy policy = WsReconnectPolicy.builder()
                .maxAttempts(4)
                .initialDelay(Duration.ofMillis(20))
                .multiplier(2)
                .jitter(0)
                .build();
        connect(WsConfig.builder().transport(wsTransport()).uri(server.uri()).reconnect(policy), rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.reconnecting).containsExactly("1 PT0.02S", "2 PT0.04S", "3 PT0.08S", "4 PT0.16S");
        assertThat(rec.closes.get(0)).startsWith("1006 reconnect gave up after 4 attempts");
        assertThat(server.accepted.availablePermits())
                .as("initial connection and 4 attempts")
                .isEqualTo(5);
    }

    @Test
    void onlyAConnectionThatStayedHealthyResetsTheAttemptCount() throws Exception {
        AtomicInteger index = new AtomicInteger();
        RawWsServer server = server(peer -> {
            int n = index.incrementAndGet();
            peer.handshake();
            if (n == 2) {
                peer.dropWithFin(); // dropped at once: not healthy
            } else if (n <= 3) {
                sleep(1_500); // well past healthyAfter
                peer.dropWithFin();
            } else {
                peer.drain();
            }
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsReconnectPolicy policy = WsReconnectPolicy.builder()
                .maxAttempts(5)
                .initialDelay(Duration.ofMillis(10))
                .jitter(0)
                .healthyAfter(Duration.ofMillis(400))
                .build();
        WsConnection conn = connect(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).reconnect(policy), rec);

        eventually(() -> server.accepted.availablePermits() == 4 && rec.reconnecting.size() == 3);
        assertThat(rec.reconnecting).containsExactly("1 PT0.01S", "2 PT0.02S", "1 PT0.01S");
        eventually(() -> conn.state() == WsState.OPEN);
    }

    // ------------------------------------------------------------------ 5. drops after all sends finished

    @Test
    void dropWithFinAfterAllSendsFinishedIsNoticedEveryTime() throws Exception {
        dropAfterSendsRepeatedly(false);
    }

    @Test
    void dropWithRstAfterAllSendsFinishedIsNoticedEveryTime() throws Exception {
        dropAfterSendsRepeatedly(true);
    }

    private void dropAfterSendsRepeatedly(boolean reset) throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            for (int i = 0; i < 3; i++) {
                peer.readMessageFrame();
            }
            // A last frame right before the drop is what exposes the JDK race (see WsConnection.scheduleProbe).
            peer.sendText("done");
            if (reset) {
                peer.dropWithRst();
            } else {
                peer.dropWithFin();
            }
        });
        for (int run = 0; run < 50; run++) {
            WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
            WsConnection conn = connect(
                    WsConfig.builder()
                            .transport(wsTransport())
                            .uri(server.uri())
                            .closeTimeout(Duration.ofSeconds(2)),
                    rec);
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (String m : List.of("a", "b", "c")) {
                sends.add(conn.sendText(m));
            }
            for (CompletableFuture<Void> f : sends) {
                // The last write and the drop may be reported in either order; a send is then failed as closed.
                assertDoneOrClosed(f);
            }
            int attempt = run;
            eventually(() -> rec.closes.size() == 1, "run " + attempt + ": the drop was never reported");
            assertThat(rec.closes.get(0)).as("run %d", run).startsWith("1006 connection lost");
            if (!reset) { // a reset may discard the frame in flight; a FIN never does
                assertThat(rec.texts.poll())
                        .as("run %d: the last frame before the drop", run)
                        .isEqualTo("done");
            }
            assertThat(conn.state()).isEqualTo(WsState.CLOSED);
        }
        assertThat(server.failures).isEmpty();
    }

    @Test
    void dropAfterAllSendsFinishedReconnectsEveryTime() throws Exception {
        AtomicInteger index = new AtomicInteger();
        RawWsServer server = server(peer -> {
            int n = index.incrementAndGet();
            peer.handshake();
            peer.readMessageFrame();
            peer.sendText("bye");
            if (n % 2 == 0) {
                peer.dropWithRst();
            } else {
                peer.dropWithFin();
            }
        });
        AtomicInteger reconnects = new AtomicInteger();
        Semaphore reconnected = new Semaphore(0);
        WsReconnectPolicy policy = WsReconnectPolicy.builder()
                .maxAttempts(3)
                .initialDelay(Duration.ofMillis(1))
                .jitter(0)
                .healthyAfter(Duration.ZERO)
                .build();
        WsConnection conn = connect(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).reconnect(policy), new WsListener() {
                    @Override
                    public void onReconnected(WsConnection c) {
                        reconnects.incrementAndGet();
                        reconnected.release();
                    }
                });
        assertDoneOrClosed(conn.sendText("go"));
        for (int run = 0; run < 50; run++) {
            assertThat(reconnected.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("reconnect %d", run)
                    .isTrue();
            assertDoneOrClosed(
                    conn.sendText("go")); // delivered, or failed as closed when the drop raced its completion
        }
        assertThat(reconnects.get()).isGreaterThanOrEqualTo(50);
    }

    // ------------------------------------------------------------------ 6. exception types and states

    @Test
    void sendCutOffByADropFailsWithWsClosedException() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.in.readNBytes(100_000); // part of the first big message, then the link breaks
            peer.dropWithRst();
        });
        for (int run = 0; run < 5; run++) {
            WsConnection conn = connect(
                    WsConfig.builder().transport(wsTransport()).uri(server.uri()), new WsConnectionTest.Recorder());
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sends.add(conn.sendBinary(new byte[256 * 1024]));
            }
            int failed = 0;
            for (CompletableFuture<Void> f : sends) {
                try {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failed++;
                    assertThat(e.getCause()).as("run %d", run).isInstanceOf(WsClosedException.class);
                }
            }
            assertThat(failed).isPositive();
        }
    }

    @Test
    void handshakeTimeoutLeavesTheClientClosed() throws Exception {
        RawWsServer server = server(peer -> {
            peer.readRequest();
            testOver.await(); // never answers the upgrade request
        });
        TestClient client = new TestClient(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).connectTimeout(Duration.ofMillis(300)));

        CompletableFuture<TestClient> connecting = client.connect();

        assertThat(connecting).failsWithin(WAIT.toSeconds(), TimeUnit.SECONDS);
        eventually(() -> client.state() == WsState.CLOSED);
    }

    @Test
    void closeDuringTheHandshakeMeansOnOpenNeverFires() throws Exception {
        Semaphore requestSeen = new Semaphore(0);
        CountDownLatch answer = new CountDownLatch(1);
        RawWsServer server = server(peer -> {
            String request = peer.readRequest();
            requestSeen.release();
            answer.await();
            peer.answerHandshake(request); // only after the client's close()
            while (peer.readMessageFrame() != null) {
                // until the client's close frame
            }
            peer.sendClose(1000);
        });
        TestClient client =
                new TestClient(WsConfig.builder().transport(wsTransport()).uri(server.uri()));
        AtomicBoolean opened = new AtomicBoolean();
        client.onOpen(() -> opened.set(true));

        CompletableFuture<TestClient> connecting = client.connect();
        assertThat(requestSeen.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        client.close();
        assertThat(client.state()).isEqualTo(WsState.CLOSED);
        answer.countDown();

        try {
            connecting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // failing the connect is fine too; firing onOpen is not
        }
        client.closeFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(opened).as("onOpen after close()").isFalse();
        assertThat(client.state()).isEqualTo(WsState.CLOSED);
    }

    @Test
    void connectCloseCyclesLeaveNoHttpClientThreadsBehind() throws Exception {
        RawWsServer server = server(RawWsServerScripts::echoUntilClose);
        long before = selectorThreads();
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < 50; i++) {
            WsConnection conn = WsConnection.connect(
                            WsConfig.builder()
                                    .transport(wsTransport())
                                    .uri(server.uri())
                                    .build(),
                            new WsListener() {})
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            conn.sendText("x").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            conn.close();
            assertThat(conn.state()).isEqualTo(WsState.CLOSED);
        }
        long after = selectorThreads();
        System.out.printf(
                "50 connect/close cycles: HttpClient selector threads %d -> %d, live threads %d -> %d%n",
                before, after, threadsBefore, Thread.activeCount());
        assertThat(after - before)
                .as("HttpClient selector threads added by 50 connections")
                .isLessThanOrEqualTo(1);
    }

    // ------------------------------------------------------------------ defaults fit realtime audio

    @Test
    void realtimeAudioAtDefaultSettingsTripsNoLimit() throws Exception {
        RawWsServer server = server(RawWsServerScripts::echoUntilClose);
        List<String> echoed = new CopyOnWriteArrayList<>();
        WsConnection conn = connect(
                WsConfig.builder().transport(wsTransport()).uri(server.uri()).pingInterval(Duration.ofSeconds(1)),
                new WsListener() {
                    @Override
                    public void onText(WsConnection c, String message) {
                        echoed.add(message);
                    }
                });
        // 10 s of 24 kHz PCM16 mono in 20 ms chunks (960 bytes, 1,280 in base64), sent as fast as possible, then one
        // maximal OpenAI Realtime append (15 MiB of base64), which also comes back as a 15 MiB inbound message.
        String chunk = java.util.Base64.getEncoder().encodeToString(new byte[960]);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sends.add(conn.sendText("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + chunk + "\"}"));
        }
        String big = "{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + "A".repeat(15 * 1024 * 1024) + "\"}";
        for (CompletableFuture<Void> f : sends) {
            f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        conn.sendText(big).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        eventually(() -> echoed.size() == 501);
        assertThat(echoed.get(500)).hasSameSizeAs(big);
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    // ------------------------------------------------------------------ faults that were already handled

    @Test
    void fragmentsWithAPingBetweenThemAreReassembled() throws Exception {
        CountDownLatch pong = new CountDownLatch(1);
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.send(false, RawWsServer.TEXT, "Hel".getBytes(UTF_8));
            peer.send(true, RawWsServer.PING, "p".getBytes(UTF_8));
            peer.send(false, RawWsServer.CONTINUATION, "lo, w".getBytes(UTF_8));
            peer.send(true, RawWsServer.CONTINUATION, "örld".getBytes(UTF_8));
            RawWsServer.Frame f = peer.readFrame();
            if (f.opcode() == RawWsServer.PONG && Arrays.equals(f.payload(), "p".getBytes(UTF_8))) {
                pong.countDown();
            }
            peer.drain();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        connect(WsConfig.builder().transport(wsTransport()).uri(server.uri()), rec);

        assertThat(rec.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("Hello, wörld");
        assertThat(pong.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("pong with the ping's payload")
                .isTrue();
    }

    @Test
    void resetInTheMiddleOfAFragmentedMessageDeliversNothingAndReports1006() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            peer.send(false, RawWsServer.TEXT, "half of a mess".getBytes(UTF_8));
            peer.dropWithRst();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        connect(WsConfig.builder().transport(wsTransport()).uri(server.uri()), rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1006");
        assertThat(rec.texts).isEmpty();
    }

    @Test
    void concurrentCloseAndSendEndWithExactlyOneOnClose() throws Exception {
        RawWsServer server = server(RawWsServerScripts::echoUntilClose);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int run = 0; run < 10; run++) {
                WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
                WsConnection conn =
                        connect(WsConfig.builder().transport(wsTransport()).uri(server.uri()), rec);
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Void>> sends = new CopyOnWriteArrayList<>();
                List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    boolean closer = t % 2 == 0;
                    tasks.add(pool.submit(() -> {
                        go.await();
                        if (closer) {
                            conn.close();
                        } else {
                            for (int i = 0; i < 20; i++) {
                                sends.add(conn.sendText("m" + i));
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<?> task : tasks) {
                    task.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                conn.closeFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(rec.closes).as("run %d", run).containsExactly("1000 ");
                for (CompletableFuture<Void> f : sends) {
                    assertDoneOrClosed(f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ helpers

    private RawWsServer server(RawWsServer.Script script) throws IOException {
        RawWsServer server = new RawWsServer(script);
        servers.add(server);
        return server;
    }

    private WsConnection connect(WsConfig.Builder config, WsListener listener) throws Exception {
        WsConnection conn = WsConnection.connect(config.build(), listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        connections.add(conn);
        return conn;
    }

    /** The send was written, or failed with the documented {@link WsClosedException}; nothing else. */
    private static void assertDoneOrClosed(CompletableFuture<Void> f) throws Exception {
        try {
            f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WsClosedException.class);
        }
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("expected the future to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        eventually(condition, "condition not reached in time");
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5); // polling a condition with a deadline, not synchronizing on time
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
                .count();
    }

    /** A minimal generated-style client over strings, for the lifecycle of {@link WsClientBase}. */
    static final class TestClient extends WsClientBase<String, TestClient> {
        TestClient(WsConfig.Builder config) {
            super(config, List.of(), WsInbox.Overflow.BLOCK);
        }

        @Override
        protected TestClient self() {
            return this;
        }

        @Override
        protected String decodeText(String text) {
            return text;
        }

        @Override
        protected String decodeBinary(byte[] data) {
            return new String(data, UTF_8);
        }
    }

    /** Scripts used by more than one test. */
    static final class RawWsServerScripts {
        /** Echoes text frames until the client's close frame, then answers it. */
        static void echoUntilClose(RawWsServer.Peer peer) throws IOException {
            peer.handshake();
            RawWsServer.Frame f;
            while ((f = peer.readMessageFrame()) != null) {
                peer.send(f.fin(), f.opcode(), f.payload()); // fragments stay fragments: the JDK splits large texts
            }
            peer.sendClose(1000);
        }
    }
}
