package autosdk.runtime;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines from a byte stream as soon as each line is complete, for the streaming formats
 * (SSE, NDJSON): lines end at CRLF, LF or CR, and a UTF-8 BOM at the very start is dropped.
 *
 * <p>Line ends are found on bytes, never by waiting for more input than the current line: after a CR the
 * reader returns at once and skips a following LF later, so a CR-terminated event is not held back.
 */
public final class HttpLineReader implements Closeable {

    /** Longest accepted line; a longer one is an error rather than unbounded memory use. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean skipLf;
    private boolean first = true;

    /** Reads from {@code in}, which the reader owns and closes. */
    public HttpLineReader(InputStream in) {
        // BufferedInputStream.read() only blocks when nothing is buffered, so lines still surface as they arrive.
        this.in = new BufferedInputStream(in, 8192);
    }

    /**
     * The next line without its terminator, or {@code null} at end of stream. An unterminated last line is returned.
     */
    public String readLine() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : text();
            }
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n') {
                return text();
            }
            if (b == '\r') {
                skipLf = true;
                return text();
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    private String text() {
        byte[] bytes = line.toByteArray();
        int start = 0;
        if (first) {
            first = false;
            if (bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                start = 3;
            }
        }
        // Invalid UTF-8 becomes U+FFFD, as the SSE spec's decoder does.
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /** Closes the underlying stream (for an HTTP body: releases the connection). */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
