package autosdk.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounded hand-off queue between a connection's event thread (producer) and a loop-style consumer, for clients that
 * prefer {@code for (Event e : inbox)} over callbacks.
 *
 * <p>Slow consumer: the {@link Overflow} policy decides what {@link #offer} does when the inbox is full.
 * {@link Overflow#BLOCK} (the default) makes the producer wait for space. Because {@link WsConnection} requests the
 * next frame only after its listener callback returns, a blocked producer stops reading from the socket and TCP flow
 * control pushes back to the server: no message is ever dropped and memory stays bounded. {@link Overflow#DROP_OLDEST}
 * discards the oldest queued element instead (for "latest state wins" streams), and {@link Overflow#FAIL} throws
 * {@link IllegalStateException} from {@code offer}, which the connection reports to {@link WsListener#onError}.
 *
 * <p>End of stream: after {@link #close()} no new element is accepted, the consumer still drains what is queued, and
 * then iteration ends. Iterate from one thread; an interrupted consumer ends its iteration (interrupt flag kept).
 */
public final class WsInbox<E> implements Iterable<E> {

    /** What {@link #offer} does when the inbox is full. */
    public enum Overflow {
        /** Wait for space (backpressure; nothing is lost). */
        BLOCK,
        /** Drop the oldest queued element to make room (counted by {@link #dropped()}). */
        DROP_OLDEST,
        /** Reject the new element by throwing {@link IllegalStateException}. */
        FAIL
    }

    private final int capacity;
    private final Overflow overflow;
    private final ArrayDeque<E> items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private boolean closed;
    private long dropped;

    /** An inbox of the given capacity with the {@link Overflow#BLOCK} policy. */
    public WsInbox(int capacity) {
        this(capacity, Overflow.BLOCK);
    }

    /** An inbox of the given capacity and overflow policy. */
    public WsInbox(int capacity, Overflow overflow) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.overflow = Objects.requireNonNull(overflow, "overflow");
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Adds an element, applying the overflow policy when full. Returns {@code false} if the element was not added
     * because the inbox is closed (or the producer was interrupted while blocked; its interrupt flag is kept).
     *
     * @throws IllegalStateException when full under {@link Overflow#FAIL}
     */
    public boolean offer(E element) {
        Objects.requireNonNull(element, "element");
        lock.lock();
        try {
            while (!closed && items.size() >= capacity) {
                if (overflow == Overflow.DROP_OLDEST) {
                    items.poll();
                    dropped++;
                } else if (overflow == Overflow.FAIL) {
                    throw new IllegalStateException("inbox full (capacity " + capacity + "): consumer too slow");
                } else {
                    notFull.await();
                }
            }
            if (closed) {
                return false;
            }
            items.add(element);
            notEmpty.signal();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for an element; {@code null} on timeout or when closed and drained. */
    public E poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for an element; {@code null} once the inbox is closed and drained. */
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && !closed) {
                notEmpty.await();
            }
            return takeLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream: later offers are refused, blocked producers and consumers wake up, queued elements remain
     * readable.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Number of queued elements. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Maximum number of queued elements. */
    public int capacity() {
        return capacity;
    }

    /** How many elements {@link Overflow#DROP_OLDEST} has discarded so far. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A blocking iterator: {@code hasNext()} waits for an element and returns {@code false} once closed and drained.
     */
    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                lock.lock();
                try {
                    while (items.isEmpty() && !closed) {
                        notEmpty.await();
                    }
                    return !items.isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // let the caller see why the loop ended
                    return false;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public E next() {
                lock.lock();
                try {
                    if (!hasNext()) {
                        throw new NoSuchElementException("inbox closed");
                    }
                    return takeLocked();
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /**
     * Exposes the inbox as a {@link Flow.Publisher} for reactive consumers; only one subscriber is allowed. Elements
     * are
     * emitted from a dedicated daemon thread as demand allows; {@code onComplete} follows {@link #close()} and
     * draining.
     */
    public Flow.Publisher<E> asPublisher() {
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            if (!subscribed.compareAndSet(false, true)) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                });
                subscriber.onError(new IllegalStateException("WsInbox supports a single subscriber"));
                return;
            }
            new InboxSubscription(subscriber).start();
        };
    }

    private E takeLocked() {
        E element = items.poll();
        if (element != null) {
            notFull.signal();
        }
        return element;
    }

    /**
     * Demand-driven pump from the inbox to one subscriber, on its own thread so a blocking take never stalls the
     * caller.
     */
    private final class InboxSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super E> subscriber;
        private final ReentrantLock demandLock = new ReentrantLock();
        private final Condition hasDemand = demandLock.newCondition();
        private long demand;
        private volatile boolean cancelled;
        private Thread thread;

        InboxSubscription(Flow.Subscriber<? super E> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            thread = new Thread(this::run, "autosdk-ws-inbox-publisher");
            thread.setDaemon(true);
            subscriber.onSubscribe(this); // before start: the spec requires onSubscribe to precede all other signals
            thread.start();
        }

        @Override
        public void request(long n) {
            demandLock.lock();
            try {
                if (n <= 0) {
                    // Rule 3.9: signal the error through the pump thread by cancelling with a pending error.
                    demand = Long.MIN_VALUE;
                } else if (demand >= 0) {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n; // saturate, rule 3.17
                }
                hasDemand.signal();
            } finally {
                demandLock.unlock();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt(); // wakes a blocked take() or demand wait
            }
        }

        private void run() {
            try {
                while (!cancelled) {
                    if (!awaitDemand()) {
                        return;
                    }
                    E element = take();
                    if (cancelled) {
                        return;
                    }
                    if (element == null) {
                        subscriber.onComplete();
                        return;
                    }
                    subscriber.onNext(element);
                }
            } catch (InterruptedException e) {
                // cancelled: stop quietly
            } catch (RuntimeException e) {
                cancelled = true; // a throwing subscriber is treated as having cancelled (rule 2.13)
            }
        }

        private boolean awaitDemand() throws InterruptedException {
            demandLock.lock();
            try {
                while (demand == 0 && !cancelled) {
                    hasDemand.await();
                }
                if (demand < 0) {
                    cancelled = true;
                    subscriber.onError(new IllegalArgumentException("request(n) needs n > 0 (rule 3.9)"));
                    return false;
                }
                if (cancelled) {
                    return false;
                }
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                return true;
            } finally {
                demandLock.unlock();
            }
        }
    }
}
