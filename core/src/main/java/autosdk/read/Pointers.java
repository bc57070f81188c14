package autosdk.read;

/** JSON pointer (RFC 6901) escaping, in one place. */
public final class Pointers {
    private Pointers() {}

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
