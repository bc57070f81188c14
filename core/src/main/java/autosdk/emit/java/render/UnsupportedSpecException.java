package autosdk.emit.java.render;

/** A spec shape the renderer does not write the way JavaPoet would: the file is left to JavaPoet. */
final class UnsupportedSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedSpecException(String what) {
        super(what, null, false, false);
    }
}
