package autosdk.conformance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A generated WebSocket client driven by reflection, for any spec: built with placeholder values for its required
 * connect parameters and the harness as server, every event collected in arrival order by the catch-all handler.
 */
final class GeneratedWsClient implements AutoCloseable {
    private final Object client;
    private final Object context;
    private final List<Object> events = Collections.synchronizedList(new ArrayList<>());

    private GeneratedWsClient(Object client, Object context) {
        this.client = client;
        this.context = context;
    }

    /** Builds {@code pkg.clientClass} against {@code serverUrl}, registers the event collector, and connects. */
    static GeneratedWsClient connect(ClassLoader loader, String pkg, String clientClass, String serverUrl)
            throws Throwable {
        Class<?> type = loader.loadClass(pkg + "." + clientClass);
        Method builder = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("builder") && Modifier.isStatic(m.getModifiers()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(clientClass + " has no static builder(...)"));
        Object[] args = Arrays.stream(builder.getParameterTypes())
                .map(GeneratedWsClient::placeholder)
                .toArray();
        Object b = invoke(builder, null, args);
        invoke(b.getClass().getMethod("serverUrl", String.class), b, serverUrl);
        Object client = invoke(b.getClass().getMethod("build"), b);
        Object context = loader.loadClass(pkg + ".SourceGenerationContext")
                .getField("DEFAULT")
                .get(null);
        GeneratedWsClient c = new GeneratedWsClient(client, context);
        invoke(client.getClass().getMethod("onEvent", Consumer.class), client, (Consumer<Object>) c.events::add);
        ((CompletableFuture<?>) invoke(client.getClass().getMethod("connect"), client)).get(120, TimeUnit.SECONDS);
        return c;
    }

    /**
     * A value for a required connect parameter. Any value of the right type will do: the harness is told the channel
     * with --channel, so the path it builds does not have to match.
     */
    private static Object placeholder(Class<?> type) {
        if (type == String.class || type == Object.class || type == CharSequence.class) return "x";
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type == int.class || type == Integer.class) return 1;
        if (type == long.class || type == Long.class) return 1L;
        if (type == double.class || type == Double.class) return 1.0;
        if (type == float.class || type == Float.class) return 1.0f;
        if (type == boolean.class || type == Boolean.class) return false;
        if (type == java.math.BigDecimal.class) return java.math.BigDecimal.ONE;
        if (type == java.math.BigInteger.class) return java.math.BigInteger.ONE;
        throw new AssertionError("no placeholder for a connect parameter of type " + type.getName());
    }

    /**
     * Reads the JSON sample as the payload type of {@code method} through the generated context, and sends it with
     * the typed method. A failure to read is reported apart from a failure to send.
     */
    void sendText(String method, String json) throws Throwable {
        Method send = sendMethod(method, false);
        Object payload;
        try {
            payload = read(json, send.getParameterTypes()[0]);
        } catch (Throwable e) {
            throw new SampleNotReadable(e);
        }
        ((CompletableFuture<?>) invoke(send, client, payload)).get(120, TimeUnit.SECONDS);
    }

    /**
     * A JSON text as {@code type}: generated types through the context; the runtime's JsonValue (an untyped payload)
     * through its own {@code parse}; plain scalars (a payload that is a string or a number) as JSON scalars.
     */
    private Object read(String json, Class<?> type) throws Throwable {
        if ((Boolean) invoke(context.getClass().getMethod("supports", Class.class), context, type)) {
            return invoke(context.getClass().getMethod("read", String.class, Class.class), context, json, type);
        }
        try {
            Method parse = type.getMethod("parse", String.class);
            if (Modifier.isStatic(parse.getModifiers()) && type.isAssignableFrom(parse.getReturnType())) {
                return invoke(parse, null, json);
            }
        } catch (NoSuchMethodException e) {
            // not a runtime JSON value type
        }
        Object value = autosdk.testing.JsonTrees.parse(json);
        if (type == String.class && value instanceof String) return value;
        if (type == Boolean.class && value instanceof Boolean) return value;
        if (value instanceof java.math.BigDecimal d) {
            if (type == Double.class) return d.doubleValue();
            if (type == Long.class) return d.longValueExact();
            if (type == Integer.class) return d.intValueExact();
            if (type == java.math.BigDecimal.class) return d;
        }
        throw new IllegalArgumentException("cannot read " + json + " as " + type.getName());
    }

    void sendBinary(String method, byte[] data) throws Throwable {
        ((CompletableFuture<?>) invoke(sendMethod(method, true), client, (Object) data)).get(120, TimeUnit.SECONDS);
    }

    /**
     * The typed payload class a send method takes: the one-argument overload that is (binary) or is not (text) byte[].
     */
    private Method sendMethod(String name, boolean binary) {
        return Arrays.stream(client.getClass().getMethods())
                .filter(m -> m.getName().equals(name)
                        && m.getParameterCount() == 1
                        && (m.getParameterTypes()[0] == byte[].class) == binary)
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("the client has no " + name + "(" + (binary ? "byte[]" : "payload") + ")"));
    }

    /** The events so far, in arrival order. */
    List<Object> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Waits (bounded) until at least {@code count} events arrived; returns whether they did. */
    boolean awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits (bounded) for the connection to end, e.g. after the server's close frame. */
    boolean awaitClosed(Duration timeout) throws Throwable {
        try {
            ((CompletableFuture<?>) invoke(client.getClass().getMethod("closeFuture"), client))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            invoke(
                    client.getClass().getMethod("close", int.class, String.class, Duration.class),
                    client,
                    1000,
                    "done",
                    Duration.ofSeconds(10));
        } catch (Throwable e) {
            // closing is best effort: the scenario's verdict comes from the harness report and the events
        }
    }

    /** The event's record name, e.g. "SessionCreated", or "Unknown", "Binary". */
    static String kind(Object event) {
        return event.getClass().getSimpleName();
    }

    /** For an Unknown event: its raw text and whether it carries an error (malformed or undecodable). */
    static String raw(Object unknown) throws Throwable {
        return String.valueOf(invoke(unknown.getClass().getMethod("raw"), unknown));
    }

    static Throwable error(Object unknown) throws Throwable {
        return (Throwable) invoke(unknown.getClass().getMethod("error"), unknown);
    }

    private static Object invoke(Method m, Object target, Object... args) throws Throwable {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The harness's valid sample could not be read as the generated payload type. */
    static final class SampleNotReadable extends Exception {
        SampleNotReadable(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
