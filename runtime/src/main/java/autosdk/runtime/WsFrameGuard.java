package autosdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Watches the plaintext bytes of one WebSocket connection for a library that reads a whole message before handing it
 * over and says nothing about when a send reached the socket (OkHttp). It sits between the library and the socket
 * (below the library's buffers, above TLS) and parses RFC 6455 frame headers as the bytes pass:
 *
 * <ul>
 *   <li><b>Reading.</b> Until the upgrade it follows the HTTP responses (a non-101 response's body is skipped by its
 *       Content-Length; a body of unknown length leaves the socket unwatched, see {@link #upgraded()}). After the 101
 *       it adds up the payload lengths the data frames of each message announce (control frames, which may come
 *       between fragments, do not count). When a header announces more than {@code maxMessageSize} for its message,
 *       nothing from that header on is passed up: the bytes before it are, and the library's next read (which means
 *       it has handled everything before) reports {@link Events#messageTooBig} and then waits until our close frame
 *       has been written, the guard is {@link #release released}, or {@code closeTimeout} passes, and fails with a
 *       {@link WsLimitExceededException}. The payload of the refused message is never read.</li>
 *   <li><b>Writing.</b> After the upgrade it parses the client's (masked) frames as they are written and reports
 *       {@link Events#messageWritten} each time the last byte of a data message's final frame has been accepted by
 *       the socket.</li>
 * </ul>
 *
 * <p>What a hostile server can make the client hold is thus the limit plus one read buffer (okio's 8 KiB segment).
 */
final class WsFrameGuard {

    /** What the guard reports to the connection that owns the socket. */
    interface Events {
        /**
         * The server announced a message over the limit and the library has consumed everything before it; returns
         * false if the connection is not open yet (the read then fails at once).
         */
        boolean messageTooBig();

        /** A whole data message of ours has been written to the socket. */
        void messageWritten();
    }

    /** Longest HTTP line kept for parsing (longer ones are cut: only the status line and two headers matter). */
    private static final int MAX_LINE = 8 * 1024;
    /** The largest payload RFC 6455 allows a control frame. */
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private enum Mode {
        /** Reading an HTTP response's status line and headers. */
        HTTP_HEAD,
        /** Skipping a non-101 response's body of known length. */
        HTTP_BODY,
        /** After the 101: WebSocket frames. */
        FRAMES,
        /** Not watched: TLS runs above this socket, or a response body of unknown length hid where frames start. */
        PASS
    }

    private final long maxMessageSize;
    private final Duration closeTimeout;
    private final Events events;

    private final Object lock = new Object();
    // Guarded by lock: what a waiting refused read waits for.
    private boolean closeWritten;
    private boolean released;

    private volatile Mode inMode = Mode.HTTP_HEAD;
    private volatile boolean upgraded;

    WsFrameGuard(long maxMessageSize, Duration closeTimeout, Events events) {
        this.maxMessageSize = maxMessageSize;
        this.closeTimeout = closeTimeout;
        this.events = events;
    }

    /** Whether this socket carried the 101 upgrade and its frames are being watched. */
    boolean upgraded() {
        return upgraded && inMode == Mode.FRAMES;
    }

    /** TLS is layered on this socket: its bytes are ciphertext, which a TLS socket's own guard watches instead. */
    void passThrough() {
        inMode = Mode.PASS;
    }

    /** Wakes a refused read at once (the socket is being closed). */
    void release() {
        synchronized (lock) {
            released = true;
            lock.notifyAll();
        }
    }

    InputStream input(InputStream raw) {
        return new GuardedInput(raw);
    }

    OutputStream output(OutputStream raw) {
        return new GuardedOutput(raw);
    }

    /** The server's side: HTTP until the 101, then frames whose announced sizes are checked before they are read. */
    private final class GuardedInput extends InputStream {
        private final InputStream in;
        private final StringBuilder line = new StringBuilder();
        private int status; // 0 while the status line is awaited
        private long contentLength = -1;
        private boolean chunked;
        private long bodyRemaining;
        private final FrameHeader header = new FrameHeader();
        /** Payload bytes still to pass of the current frame. */
        private long payloadRemaining;
        /** Payload announced so far by the data frames of the current message. */
        private long messageBytes;
        /** Set once a header broke the limit: nothing more is read. */
        private boolean refused;

        GuardedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (refused) {
                return refuse();
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, len);
            if (n <= 0 || inMode == Mode.PASS) {
                return n;
            }
            int passed = scan(b, off, off + n) - off;
            return passed == 0 && refused ? refuse() : passed;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int read = scratch.length == 0 ? 0 : read(scratch, 0, scratch.length);
            return Math.max(read, 0); // through read, so skipped bytes are parsed too
        }

        @Override
        public int available() throws IOException {
            return refused ? 0 : in.available();
        }

        @Override
        public void close() throws IOException {
            release();
            in.close();
        }

        /** Parses {@code b[from, to)}; returns where the bytes to pass on end (before a refused frame's header). */
        private int scan(byte[] b, int from, int to) {
            int i = from;
            int headerStart = from;
            while (i < to) {
                Mode mode = inMode;
                if (mode == Mode.PASS) {
                    return to;
                } else if (mode == Mode.HTTP_BODY) {
                    int skip = (int) Math.min(bodyRemaining, to - i);
                    i += skip;
                    bodyRemaining -= skip;
                    if (bodyRemaining == 0) {
                        inMode = Mode.HTTP_HEAD;
                    }
                } else if (mode == Mode.HTTP_HEAD) {
                    httpByte(b[i++] & 0xff);
                } else if (payloadRemaining > 0) {
                    int skip = (int) Math.min(payloadRemaining, to - i);
                    i += skip;
                    payloadRemaining -= skip;
                } else {
                    if (header.isEmpty()) {
                        headerStart = i;
                    }
                    if (header.add(b[i++] & 0xff) && !headerDone()) {
                        refused = true;
                        return headerStart; // the header began in an earlier read: its first bytes did no harm
                    }
                }
            }
            return to;
        }

        /** Checks a complete frame header against the limit; false if it breaks it. */
        private boolean headerDone() {
            long length = header.length;
            boolean fin = header.fin;
            boolean control = header.isControl();
            header.reset();
            if (control) {
                if (length < 0 || length > MAX_CONTROL_PAYLOAD) {
                    inMode = Mode.PASS; // OkHttp refuses such a header before reading its payload
                    return true;
                }
                payloadRemaining = length;
                return true;
            }
            if (length < 0 || length > maxMessageSize - messageBytes) {
                return false;
            }
            payloadRemaining = length;
            messageBytes = fin ? 0 : messageBytes + length;
            return true;
        }

        private void httpByte(int c) {
            if (c != '\n') {
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                }
                return;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            String text = line.toString();
            line.setLength(0);
            if (status == 0) {
                status = statusCode(text);
                if (status < 0) {
                    inMode = Mode.PASS; // not HTTP as we know it: we cannot tell where frames would start
                }
            } else if (!text.isEmpty()) {
                header(text);
            } else {
                endOfHead();
            }
        }

        private void header(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return;
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    contentLength = -1;
                }
            } else if (name.equals("transfer-encoding")) {
                chunked = true; // any coding: the body's length is unknown to us
            }
        }

        private void endOfHead() {
            int code = status;
            long length = contentLength;
            boolean unknownLength = chunked || length < 0;
            status = 0;
            contentLength = -1;
            chunked = false;
            if (code == 101) {
                upgraded = true;
                inMode = Mode.FRAMES;
            } else if ((code >= 100 && code < 200) || code == 204 || code == 304 || length == 0) {
                inMode = Mode.HTTP_HEAD; // no body: the next response follows
            } else if (unknownLength) {
                inMode = Mode.PASS; // frames could only start after a body we cannot delimit: left unwatched
            } else {
                bodyRemaining = length;
                inMode = Mode.HTTP_BODY;
            }
        }

        private int statusCode(String statusLine) {
            // "HTTP/1.1 101 Switching Protocols"
            if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
                return -1;
            }
            try {
                return Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /**
         * The library asked for bytes past a refused header: it has handled everything before. Report, wait for our
         * close frame to go out (bounded by closeTimeout), then fail the read so the library gives up the socket.
         */
        private int refuse() throws IOException {
            WsLimitExceededException tooBig = new WsLimitExceededException(
                    "the server announced a message larger than maxMessageSize " + maxMessageSize
                            + " bytes; its payload was not read",
                    maxMessageSize);
            if (!events.messageTooBig()) {
                throw tooBig;
            }
            long deadline = System.nanoTime() + closeTimeout.toNanos();
            synchronized (lock) {
                long left;
                while (!closeWritten && !released && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        lock.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            throw tooBig;
        }
    }

    /** Our side: after the upgrade, reports each data message whose last byte the socket accepted. */
    private final class GuardedOutput extends OutputStream {
        private final OutputStream out;
        private final FrameHeader header = new FrameHeader();
        private long payloadRemaining;
        /** Whether the frame being written ends a data message (or is a close frame). */
        private boolean endsMessage;

        private boolean isClose;

        GuardedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (upgraded && inMode == Mode.FRAMES) {
                scan(b, off, off + len);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void scan(byte[] b, int from, int to) {
            int i = from;
            while (i < to) {
                if (payloadRemaining > 0) {
                    int skip = (int) Math.min(payloadRemaining, to - i);
                    i += skip;
                    payloadRemaining -= skip;
                    if (payloadRemaining == 0) {
                        frameWritten();
                    }
                } else if (header.add(b[i++] & 0xff)) {
                    endsMessage = header.fin && !header.isControl();
                    isClose = header.opcode == 0x8;
                    payloadRemaining = Math.max(header.length, 0);
                    header.reset();
                    if (payloadRemaining == 0) {
                        frameWritten();
                    }
                }
            }
        }

        private void frameWritten() {
            if (endsMessage) {
                endsMessage = false;
                events.messageWritten();
            } else if (isClose) {
                isClose = false;
                synchronized (lock) {
                    closeWritten = true;
                    lock.notifyAll();
                }
            }
        }
    }

    /** An RFC 6455 frame header parsed one byte at a time: 2 bytes, a 2- or 8-byte length, a 4-byte mask if masked. */
    private static final class FrameHeader {
        boolean fin;
        int opcode;
        long length;
        private int read;
        private int lengthBytes;
        /** Header bytes in all; 0 until the second byte tells. */
        private int size;

        boolean isEmpty() {
            return read == 0;
        }

        boolean isControl() {
            return (opcode & 0x8) != 0;
        }

        /** Adds one byte; true once the header is complete (then {@link #fin}, {@link #opcode}, {@link #length}). */
        boolean add(int b) {
            if (read == 0) {
                fin = (b & 0x80) != 0;
                opcode = b & 0x0f;
            } else if (read == 1) {
                int len7 = b & 0x7f;
                lengthBytes = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
                size = 2 + lengthBytes + ((b & 0x80) != 0 ? 4 : 0);
                length = lengthBytes == 0 ? len7 : 0;
            } else if (read < 2 + lengthBytes) {
                length = (length << 8) | b; // a 64-bit length with its top bit set turns negative: refused
            }
            read++;
            return read == size;
        }

        void reset() {
            read = 0;
            size = 0;
        }
    }
}
