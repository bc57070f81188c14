package autosdk.runtime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket server written on a bare {@link ServerSocket} (handshake and framing by hand) for fault injection: each
 * accepted connection runs a {@link Script} that may stop reading, never answer pings, send oversized or fragmented
 * messages, or drop the TCP connection with FIN or RST at an exact point. Listens on 127.0.0.1 only.
 */
final class RawWsServer implements AutoCloseable {

    /** What the server does with one accepted connection; the handshake is not done yet when it starts. */
    @FunctionalInterface
    interface Script {
        void run(Peer peer) throws Exception;
    }

    /** A frame from the client: header bits and the unmasked payload. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() {
            return new String(payload, UTF_8);
        }

        /** The close code of a close frame, or -1 if it has none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
    }

    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

    private final ServerSocket listener;
    private final String scheme;
    private final Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Released once per accepted TCP connection. */
    final Semaphore accepted = new Semaphore(0);
    /** Exceptions a script threw other than the socket closing under it; a test may assert there are none. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    RawWsServer(Script script) throws IOException {
        this(script, null);
    }

    /** A server speaking TLS with {@code tls}'s key (wss://), or plain when it is null. */
    RawWsServer(Script script, SSLContext tls) throws IOException {
        this.script = script;
        this.scheme = tls == null ? "ws" : "wss";
        this.listener = tls == null
                ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "raw-ws-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed by the test
            }
            sockets.add(socket);
            accepted.release();
            Thread t = new Thread(() -> serve(socket), "raw-ws-peer-" + socket.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            script.run(new Peer(socket));
        } catch (IOException e) {
            // the client or the test closed the socket: part of the faults this server exists to produce
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** One accepted TCP connection, seen from the server. */
    static final class Peer {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads the HTTP upgrade request and answers 101 with the right Sec-WebSocket-Accept. */
        void handshake() throws IOException {
            answerHandshake(readRequest());
        }

        /** Answers an upgrade request read earlier with {@link #readRequest}. */
        void answerHandshake(String request) throws IOException {
            answerHandshake(request, "");
        }

        /** Answers an upgrade request with {@code extraHeaders} (each ending in CRLF) added to the 101. */
        void answerHandshake(String request, String extraHeaders) throws IOException {
            String key = request.lines()
                    .filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElseThrow(() -> new IOException("no Sec-WebSocket-Key"));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept(key) + "\r\n" + extraHeaders + "\r\n")
                    .getBytes(US_ASCII));
            out.flush();
        }

        /** Reads the upgrade request up to the blank line, without answering it. */
        String readRequest() throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(US_ASCII).endsWith("\r\n\r\n")) {
                request.write(readByte());
            }
            return request.toString(US_ASCII);
        }

        /** Reads one (masked) client frame of any length. */
        Frame readFrame() throws IOException {
            int b0 = readByte();
            int b1 = readByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes((int) length);
            if (payload.length != length) {
                throw new IOException("eof in frame");
            }
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            return new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
        }

        /** Reads frames until a data frame (text or binary) arrives, answering pings; null at a close frame. */
        Frame readMessageFrame() throws IOException {
            while (true) {
                Frame f = readFrame();
                if (f.opcode() == PING) {
                    send(true, PONG, f.payload());
                } else if (f.opcode() == CLOSE) {
                    return null;
                } else if (f.opcode() != PONG) {
                    return f;
                }
            }
        }

        /** Writes one unmasked server frame. */
        void send(boolean fin, int opcode, byte[] payload) throws IOException {
            ByteBuffer header = ByteBuffer.allocate(10);
            header.put((byte) ((fin ? 0x80 : 0) | opcode));
            if (payload.length < 126) {
                header.put((byte) payload.length);
            } else if (payload.length <= 0xffff) {
                header.put((byte) 126).putShort((short) payload.length);
            } else {
                header.put((byte) 127).putLong(payload.length);
            }
            out.write(header.array(), 0, header.position());
            out.write(payload);
            out.flush();
        }

        void sendText(String text) throws IOException {
            send(true, TEXT, text.getBytes(UTF_8));
        }

        /** Sends a close frame with {@code code}. */
        void sendClose(int code) throws IOException {
            send(true, CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
        }

        /** Reads and discards everything until the client closes the TCP connection. */
        void drain() throws IOException {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // discard: a server that reads but never answers, not even pings
            }
        }

        /** Ends the TCP connection gracefully (FIN) without a close frame. */
        void dropWithFin() throws IOException {
            socket.shutdownOutput();
            socket.close();
        }

        /** Ends the TCP connection abortively (RST) without a close frame. */
        void dropWithRst() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            return b;
        }

        private static String accept(String key) throws IOException {
            try {
                return Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-1")
                                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
        }
    }
}
