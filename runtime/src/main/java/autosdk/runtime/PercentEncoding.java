package autosdk.runtime;

import java.nio.charset.StandardCharsets;

/**
 * The one percent-encoder of HTTP parameters and WebSocket connect URLs (RFC 3986): every UTF-8 byte outside the
 * unreserved set {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX} (upper-case hex), unless the caller keeps some ASCII
 * delimiters on purpose.
 */
final class PercentEncoding {
    /** The delimiters a server URL variable may carry as they are (a host, port or path piece). */
    static final String URL_DELIMITERS = ":/@!$&'()*+,;=";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** Encodes everything but unreserved characters, so {@code / ? # & = % +}, spaces and CR/LF never pass raw. */
    static String encode(String s) {
        return encode(s, "");
    }

    /** Encodes everything but unreserved characters and the ASCII characters in {@code keep}. */
    static String encode(String s, String keep) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (c < 128 && keep.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
