package dev.autosdk.bench.ws;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A minimal WebSocket server on 127.0.0.1 that, on every connection, writes a fixed number of pre-encoded text frames
 * (cycling through a list) and then a close frame. Frames are encoded once, so the server costs a memory copy per
 * event and the client is what gets measured; TCP flow control is the backpressure.
 */
final class LoopbackWsServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket socket;
    private final Thread acceptor;
    private volatile byte[][] frames = new byte[0][];
    private volatile int events;

    LoopbackWsServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "bench-ws-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + socket.getLocalPort() + "/v1/realtime");
    }

    /** What the next connections receive: {@code events} frames, cycling through {@code messages}. */
    void stream(List<String> messages, int events) {
        byte[][] encoded = new byte[messages.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = textFrame(messages.get(i).getBytes(StandardCharsets.UTF_8));
        }
        this.frames = encoded;
        this.events = events;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s), "bench-ws-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            String request = readHead(in);
            String key = header(request, "sec-websocket-key");
            OutputStream raw = s.getOutputStream();
            raw.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            raw.flush();
            byte[][] cycle = frames;
            int n = events;
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            for (int i = 0; i < n; i++) out.write(cycle[i % cycle.length]);
            out.write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8}); // close 1000
            out.flush();
            s.setSoTimeout(10_000);
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // drain the client's close frame until it closes the TCP connection
            }
        } catch (IOException e) {
            // the client went away; the benchmark reports what it received
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed during the handshake");
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String header(String head, String name) throws IOException {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new IOException("no " + name + " header in the handshake");
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unmasked, final text frame (server to client frames are never masked). */
    static byte[] textFrame(byte[] payload) {
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
        byte[] frame = new byte[header + n];
        frame[0] = (byte) 0x81;
        if (n < 126) {
            frame[1] = (byte) n;
        } else if (n < 65536) {
            frame[1] = 126;
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
        }
        System.arraycopy(payload, 0, frame, header, n);
        return frame;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
