package autosdk.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OkHttp transport's frame guard ({@link WsFrameGuard}) against servers on 127.0.0.1 ({@link RawWsServer}): a
 * message over maxMessageSize is refused from its frame header, before OkHttp reads its payload (the server can write
 * no more than the limit plus the socket buffers), messages within the limit pass however their frames are cut, and
 * sends complete when their frame has been written. The server's socket buffers are kept small so what it manages to
 * write is what the client read, give or take those buffers.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class OkHttpWsGuardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LIMIT = 1024 * 1024;
    /** What the server may get out beyond what the client read: both sockets' buffers (64 KiB asked, doubled). */
    private static final long SLACK = 1024 * 1024;

    private static final int SMALL_BUFFER = 64 * 1024;

    private final List<RawWsServer> servers = new CopyOnWriteArrayList<>();
    private final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    private final CountDownLatch testOver = new CountDownLatch(1);

    @TempDir
    Path tmp;

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

    // ------------------------------------------------------------------ messages over the limit

    @Test
    void twoHundredMibIn64KibFramesIsRefusedAfterTheLimit() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        RawWsServer server = server(peer -> {
            peer.socket.setSendBufferSize(SMALL_BUFFER);
            peer.handshake();
            byte[] frame = new byte[64 * 1024];
            try {
                for (int i = 0; i < 3200; i++) { // 200 MiB unless the client stops reading
                    peer.send(i == 3199, i == 0 ? RawWsServer.BINARY : RawWsServer.CONTINUATION, frame);
                    written.addAndGet(4 + frame.length);
                }
            } finally {
                serverDone.countDown();
            }
        });
        AtomicInteger socketsMade = new AtomicInteger();
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(config(server, smallBufferClient(socketsMade)), rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1009 message too big: more than " + LIMIT + " bytes");
        assertThat(conn.closeCause()).isInstanceOf(WsLimitExceededException.class);
        assertThat(rec.binaries).isEmpty();
        assertThat(serverDone.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the client dropped the connection, so the server's writes failed")
                .isTrue();
        assertThat(socketsMade.get())
                .as("the caller's socket factory made the socket")
                .isPositive();
        System.out.printf(
                "OkHttp guard: 200 MiB in 64 KiB frames, limit 1 MiB: the server got %d bytes out%n", written.get());
        assertThat(written.get()).as("bytes the server could write").isLessThanOrEqualTo(LIMIT + SLACK);
    }

    @Test
    void oneFrameAnnouncing2To62BytesIsRefusedBeforeItsPayload() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        RawWsServer server = server(peer -> {
            peer.socket.setSendBufferSize(SMALL_BUFFER);
            peer.handshake();
            try {
                peer.out.write(new byte[] {(byte) 0x82, 127, 0x40, 0, 0, 0, 0, 0, 0, 0}); // binary, FIN, 2^62 bytes
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 3200; i++) {
                    peer.out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } finally {
                serverDone.countDown();
            }
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(config(server, smallBufferClient(new AtomicInteger())), rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1009 message too big");
        assertThat(conn.closeCause()).isInstanceOf(WsLimitExceededException.class);
        assertThat(serverDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        System.out.printf("OkHttp guard: one 2^62-byte frame: the server got %d payload bytes out%n", written.get());
        assertThat(written.get()).as("payload bytes the server could write").isLessThanOrEqualTo(SLACK);
    }

    @Test
    void aMessageOneByteOverTheLimitIsRefusedOneAtTheLimitPasses() throws Exception {
        RawWsServer server = server(peer -> {
            peer.handshake();
            sendInPieces(peer, new byte[LIMIT], RawWsServer.BINARY, 3);
            sendInPieces(peer, new byte[LIMIT + 1], RawWsServer.BINARY, 3);
            peer.drain();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        connect(config(server, null), rec);

        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.binaries).hasSize(1);
        assertThat(rec.binaries.peek()).hasSize(LIMIT);
        assertThat(rec.closes.get(0)).startsWith("1009 message too big");
    }

    // ------------------------------------------------------------------ messages within the limit

    @Test
    void fragmentsWithControlFramesBetweenThemPassWhateverTheReadsCutThemInto() throws Exception {
        CountDownLatch pongs = new CountDownLatch(2);
        String big = "é".repeat(LIMIT / 2); // exactly the limit in UTF-8
        RawWsServer server = server(peer -> {
            peer.socket.setTcpNoDelay(true);
            peer.handshake();
            byte[] bytes = big.getBytes(UTF_8);
            int[] cuts = {0, 1, 125, 126, 65_535, 65_536, 300_000, bytes.length};
            for (int i = 0; i + 1 < cuts.length; i++) {
                byte[] fragment = Arrays.copyOfRange(bytes, cuts[i], cuts[i + 1]);
                dribble(
                        peer,
                        frame(i + 2 == cuts.length, i == 0 ? RawWsServer.TEXT : RawWsServer.CONTINUATION, fragment));
                if (i == 1 || i == 4) {
                    dribble(peer, frame(true, RawWsServer.PING, "p".getBytes(UTF_8)));
                }
            }
            peer.sendText("after");
            for (int i = 0; i < 2; i++) {
                RawWsServer.Frame f = peer.readFrame();
                if (f.opcode() == RawWsServer.PONG) {
                    pongs.countDown();
                }
            }
            peer.drain();
        });
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(config(server, null), rec);

        assertThat(rec.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(big);
        assertThat(rec.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(pongs.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("both pings answered")
                .isTrue();
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    @Test
    void aChallengeAnsweredOnTheSameConnectionIsFollowedToTheUpgrade() throws Exception {
        RawWsServer server = server(peer -> {
            String first = peer.readRequest();
            if (!first.toLowerCase(java.util.Locale.ROOT).contains("authorization:")) {
                // A 401 with a body on a kept-alive connection: the guard must skip the body to find the next response.
                String body = "\u0082\u007f looks like a frame header";
                peer.out.write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"ws\"\r\n"
                                + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                peer.out.flush();
                first = peer.readRequest();
            }
            peer.answerHandshake(first);
            peer.sendText("authorized");
            sendInPieces(peer, new byte[LIMIT + 1], RawWsServer.BINARY, 4);
            peer.drain();
        });
        AtomicInteger challenges = new AtomicInteger();
        OkHttpClient own = new OkHttpClient.Builder()
                .authenticator((route, response) -> challenges.incrementAndGet() > 1
                        ? null
                        : response.request()
                                .newBuilder()
                                .header("Authorization", okhttp3.Credentials.basic("user", "secret"))
                                .build())
                .build();
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        connect(config(server, own), rec);

        assertThat(rec.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("authorized");
        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1009 message too big");
        assertThat(challenges.get()).isEqualTo(1);
        assertThat(server.accepted.availablePermits())
                .as("one TCP connection carried both")
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------ compression

    @Test
    void compressionIsNotOfferedAndAServerThatEnablesItIsRefused() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        RawWsServer server = server(peer -> {
            String upgrade = peer.readRequest();
            request.set(upgrade);
            peer.answerHandshake(upgrade, "Sec-WebSocket-Extensions: permessage-deflate\r\n");
            peer.drain();
        });

        CompletableFuture<WsConnection> connecting =
                WsConnection.connect(config(server, null).build(), new WsConnectionTest.Recorder());

        assertThatThrownBy(() -> connecting.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("permessage-deflate");
        assertThat(request.get()).isNotNull().doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
    }

    // ------------------------------------------------------------------ send completion

    @Test
    void aSendCompletesOnlyOnceItsFrameHasBeenWritten() throws Exception {
        CountDownLatch startReading = new CountDownLatch(1);
        List<Integer> received = new CopyOnWriteArrayList<>();
        RawWsServer server = server(peer -> {
            peer.handshake();
            startReading.await();
            RawWsServer.Frame f;
            while ((f = peer.readMessageFrame()) != null) {
                received.add(f.payload().length);
            }
        });
        WsConnection conn =
                connect(config(server, smallBufferClient(new AtomicInteger())), new WsConnectionTest.Recorder());

        CompletableFuture<Void> first = conn.sendBinary(new byte[10 * 1024 * 1024]);
        Thread.sleep(1000); // the absence of completion needs a window: the server reads nothing meanwhile
        assertThat(first)
                .as("10 MiB cannot fit the socket buffers of a server that does not read")
                .isNotDone();
        startReading.countDown();
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // Sent as soon as the first is reported written, while OkHttp may still count it in its queue: both together
        // pass OkHttp's 16 MiB queue limit, which must not close the connection.
        conn.sendBinary(new byte[10 * 1024 * 1024]).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        eventually(() -> received.size() == 2);
        assertThat(received).containsExactly(10 * 1024 * 1024, 10 * 1024 * 1024);
        assertThat(conn.state()).isEqualTo(WsState.OPEN);
    }

    @Test
    void eightThreadsOfAThousandSendsAllCompleteInOrder() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        RawWsServer server = server(peer -> {
            peer.handshake();
            RawWsServer.Frame f;
            while ((f = peer.readMessageFrame()) != null) {
                received.add(f.text());
            }
        });
        WsConnection conn = connect(config(server, null), new WsConnectionTest.Recorder());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try {
            List<Future<List<CompletableFuture<Void>>>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    List<CompletableFuture<Void>> sends = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        sends.add(conn.sendText(thread + ":" + i));
                    }
                    return sends;
                }));
            }
            for (Future<List<CompletableFuture<Void>>> thread : threads) {
                for (CompletableFuture<Void> send : thread.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    send.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "OkHttp: 8 threads x 1,000 sends completed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        eventually(() -> received.size() == 8000);
        for (int t = 0; t < 8; t++) {
            String prefix = t + ":";
            List<String> mine =
                    received.stream().filter(m -> m.startsWith(prefix)).toList();
            assertThat(mine).as("thread %d's messages in its order", t).hasSize(1000);
            for (int i = 0; i < 1000; i++) {
                assertThat(mine.get(i)).isEqualTo(prefix + i);
            }
        }
    }

    // ------------------------------------------------------------------ TLS

    @Test
    void overWssTheGuardReadsThePlaintextAndKeepsTheCallersTrustManager() throws Exception {
        KeyStore keys = selfSignedKeyStore();
        SSLContext serverTls = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        OkHttpClient own = new OkHttpClient.Builder()
                .sslSocketFactory(clientTls.getSocketFactory(), trust)
                .hostnameVerifier((host, session) -> host.equals("127.0.0.1"))
                .build();

        RawWsServer server = server(
                peer -> {
                    peer.handshake();
                    sendInPieces(peer, "hello over TLS".getBytes(UTF_8), RawWsServer.TEXT, 2);
                    byte[] frame = new byte[64 * 1024];
                    for (int i = 0; i < 3200; i++) { // 200 MiB unless the client stops reading
                        peer.send(i == 3199, i == 0 ? RawWsServer.BINARY : RawWsServer.CONTINUATION, frame);
                    }
                },
                serverTls);
        WsConnectionTest.Recorder rec = new WsConnectionTest.Recorder();
        WsConnection conn = connect(config(server, own), rec);

        assertThat(rec.texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello over TLS");
        eventually(() -> rec.closes.size() == 1);
        assertThat(rec.closes.get(0)).startsWith("1009 message too big");
        assertThat(conn.closeCause()).isInstanceOf(WsLimitExceededException.class);

        OkHttpClient trustsNothingOfOurs = new OkHttpClient.Builder().build(); // the system CAs only
        CompletableFuture<WsConnection> untrusted =
                WsConnection.connect(config(server, trustsNothingOfOurs).build(), new WsConnectionTest.Recorder());
        assertThatThrownBy(() -> untrusted.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the caller's trust manager decides, not ours")
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(javax.net.ssl.SSLException.class);
    }

    // ------------------------------------------------------------------ helpers

    private WsConfig.Builder config(RawWsServer server, OkHttpClient own) {
        return WsConfig.builder()
                .transport(new OkHttpWsTransport(own))
                .uri(server.uri())
                .maxMessageSize(LIMIT)
                .closeTimeout(Duration.ofSeconds(5));
    }

    /** The caller's own client, whose sockets have small receive and send buffers. */
    private static OkHttpClient smallBufferClient(AtomicInteger socketsMade) {
        SocketFactory small = new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                socketsMade.incrementAndGet();
                Socket s = new Socket();
                s.setReceiveBufferSize(SMALL_BUFFER); // before connecting, so the window never grows past it
                s.setSendBufferSize(SMALL_BUFFER);
                return s;
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
            }
        };
        return new OkHttpClient.Builder().socketFactory(small).build();
    }

    /** Sends {@code payload} as one message cut into {@code pieces} fragments. */
    private static void sendInPieces(RawWsServer.Peer peer, byte[] payload, int opcode, int pieces) throws IOException {
        int step = Math.max(1, payload.length / pieces);
        for (int from = 0, i = 0; from < payload.length || i == 0; from += step, i++) {
            int to = i == pieces - 1 ? payload.length : Math.min(payload.length, from + step);
            peer.send(
                    to == payload.length,
                    i == 0 ? opcode : RawWsServer.CONTINUATION,
                    Arrays.copyOfRange(payload, from, to));
            if (to == payload.length) {
                return;
            }
        }
    }

    /** One unmasked server frame as bytes. */
    private static byte[] frame(boolean fin, int opcode, byte[] payload) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + payload.length);
        b.put((byte) ((fin ? 0x80 : 0) | opcode));
        if (payload.length < 126) {
            b.put((byte) payload.length);
        } else if (payload.length <= 0xffff) {
            b.put((byte) 126).putShort((short) payload.length);
        } else {
            b.put((byte) 127).putLong(payload.length);
        }
        b.put(payload);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Writes the header bytes one flush at a time (so headers arrive split across reads), the payload in bulk. */
    private static void dribble(RawWsServer.Peer peer, byte[] frame) throws IOException {
        int header = Math.min(frame.length, 10);
        for (int i = 0; i < header; i++) {
            peer.out.write(frame[i]);
            peer.out.flush();
            if (i % 3 == 0) {
                sleep(2); // lets the client read what has come so far
            }
        }
        peer.out.write(frame, header, frame.length - header);
        peer.out.flush();
    }

    /** A PKCS12 key store with a self-signed EC certificate for 127.0.0.1, made by the JDK's keytool. */
    private KeyStore selfSignedKeyStore() throws Exception {
        Path file = tmp.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "ws",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }

    private RawWsServer server(RawWsServer.Script script) throws IOException {
        return server(script, null);
    }

    private RawWsServer server(RawWsServer.Script script, SSLContext tls) throws IOException {
        RawWsServer server = new RawWsServer(script, tls);
        servers.add(server);
        return server;
    }

    private WsConnection connect(WsConfig.Builder config, WsListener listener) throws Exception {
        WsConnection conn = WsConnection.connect(config.build(), listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        connections.add(conn);
        return conn;
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in time").isLessThan(deadline);
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
}
