package autosdk.runtime;

/**
 * A handler registration that can be undone, returned by {@code subscribe(…)}. {@link #remove()} is idempotent and may
 * be called from any thread, also from inside the handler: once it returns, the handler gets no further events.
 * It is {@link AutoCloseable} so a scoped handler fits try-with-resources; {@link #close()} does not throw.
 */
public interface WsSubscription extends AutoCloseable {

    /** Stops delivering events to the handler. Calling it again does nothing. */
    void remove();

    /** True until {@link #remove()} was called. */
    boolean isActive();

    /** Same as {@link #remove()}. */
    @Override
    default void close() {
        remove();
    }
}
