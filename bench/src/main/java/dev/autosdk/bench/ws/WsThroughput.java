package dev.autosdk.bench.ws;

import com.sun.management.ThreadMXBean;
import dev.autosdk.bench.codec.Fixture;
import dev.autosdk.bench.openai.realtime.OpenAiRealtimeApiClient;
import dev.autosdk.bench.openai.realtime.OpenAiRealtimeApiClientEvent;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket receive throughput: a local server on 127.0.0.1 streams N OpenAI realtime server events; the generated
 * {@link OpenAiRealtimeApiClient} receives them as typed events, and a raw JDK {@link WebSocket} listener only
 * accumulates their text. The same pair runs on OkHttp ({@link OkHttpReceive}): the client generated with transport
 * okhttp against a raw OkHttp listener. All contenders alternate in one process, several rounds; the ratio of the
 * median rates of typed to raw, per transport, is the result (target: typed at least 0.9 of raw). Allocation per
 * event and GC time are measured around each run (the in-process server allocates next to nothing: its frames are
 * encoded once).
 *
 * <p>Arguments: {@code [events (200000)] [rounds (3)] [transports: jdk, okhttp or both (both)]}.
 */
public final class WsThroughput {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private WsThroughput() {}

    /** One measured run. */
    record Run(String kind, long events, double seconds, long allocatedBytes, long gcCount, long gcMillis, long typed) {
        double rate() {
            return events / seconds;
        }
    }

    /** One contender: receives {@code events} events from {@code uri} and measures that. */
    @FunctionalInterface
    interface Contender {
        Run run(URI uri, long events) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String transports = args.length > 2 ? args[2] : "both";
        boolean jdk = !transports.equals("okhttp");
        boolean okhttp = !transports.equals("jdk");
        if (!transports.equals("both") && jdk == okhttp) {
            throw new IllegalArgumentException("transports: jdk, okhttp or both, not " + transports);
        }
        List<String> stream = stream();
        long bytes = 0;
        for (int i = 0; i < events; i++) bytes += stream.get(i % stream.size()).getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(
                Locale.ROOT,
                "WebSocket throughput (%s): %,d events per run (%.1f MB of JSON, mean %d bytes/event), %d rounds, "
                        + "%d cores, JDK %s%n",
                LocalDate.now(),
                events,
                bytes / 1e6,
                bytes / events,
                rounds,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        List<Contender> contenders = new ArrayList<>();
        if (jdk) {
            contenders.add(WsThroughput::raw);
            contenders.add(WsThroughput::typed);
        }
        if (okhttp) {
            contenders.add(OkHttpReceive::raw);
            contenders.add(OkHttpReceive::typed);
        }
        try (LoopbackWsServer server = new LoopbackWsServer()) {
            // Warm-up: every path, not counted.
            server.stream(stream, Math.min(events, 50_000));
            for (Contender c : contenders) c.run(server.uri(), Math.min(events, 50_000));

            server.stream(stream, events);
            List<List<Run>> runs = new ArrayList<>();
            for (int i = 0; i < contenders.size(); i++) runs.add(new ArrayList<>());
            for (int r = 0; r < rounds; r++) {
                // Alternate the order: forwards, then backwards, so each raw/typed pair swaps who goes first.
                for (int k = 0; k < contenders.size(); k++) {
                    int i = r % 2 == 0 ? k : contenders.size() - 1 - k;
                    runs.get(i).add(print(contenders.get(i).run(server.uri(), events)));
                }
            }
            System.out.println();
            int at = 0;
            Summary jdkSummary = null;
            Summary okSummary = null;
            if (jdk) {
                jdkSummary = new Summary(runs.get(at), runs.get(at + 1));
                jdkSummary.print("raw JDK listener ", "typed client     ", "ratio typed/raw  ");
                at += 2;
            }
            if (okhttp) {
                okSummary = new Summary(runs.get(at), runs.get(at + 1));
                okSummary.print("raw OkHttp       ", "typed OkHttp     ", "ratio OkHttp t/r ");
            }
            if (jdkSummary != null && okSummary != null) {
                System.out.printf(
                        Locale.ROOT,
                        "OkHttp/JDK       : raw %.2f, typed %.2f (median rates)%n",
                        okSummary.rawRate() / jdkSummary.rawRate(),
                        okSummary.typedRate() / jdkSummary.typedRate());
            }
        }
        System.exit(0); // the JDK HttpClient's selector threads are not daemons on every JDK
    }

    /** The medians of one transport's raw and typed runs, and their per-round ratios. */
    private record Summary(List<Run> raws, List<Run> typeds) {
        double rawRate() {
            return median(raws.stream().mapToDouble(Run::rate).toArray());
        }

        double typedRate() {
            return median(typeds.stream().mapToDouble(Run::rate).toArray());
        }

        void print(String rawLabel, String typedLabel, String ratioLabel) {
            double rawAlloc = median(raws.stream()
                    .mapToDouble(x -> (double) x.allocatedBytes() / x.events())
                    .toArray());
            double typedAlloc = median(typeds.stream()
                    .mapToDouble(x -> (double) x.allocatedBytes() / x.events())
                    .toArray());
            double typedAllocRate = median(typeds.stream()
                    .mapToDouble(x -> x.allocatedBytes() / x.seconds() / 1e6)
                    .toArray());
            double typedGc = median(typeds.stream()
                    .mapToDouble(x -> 100.0 * x.gcMillis() / (x.seconds() * 1000))
                    .toArray());
            double ratio = typedRate() / rawRate();
            StringBuilder perRound = new StringBuilder();
            for (int r = 0; r < raws.size(); r++) {
                if (r > 0) perRound.append(", ");
                perRound.append(String.format(
                        Locale.ROOT, "%.2f", typeds.get(r).rate() / raws.get(r).rate()));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,12.0f events/s (median), %,8.0f bytes allocated/event%n",
                    rawLabel,
                    rawRate(),
                    rawAlloc);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,12.0f events/s (median), %,8.0f bytes allocated/event, %,.0f MB/s allocated, "
                            + "GC %.1f%% of wall time%n",
                    typedLabel,
                    typedRate(),
                    typedAlloc,
                    typedAllocRate,
                    typedGc);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %.2f (target >= 0.9: %s; rounds %s)%n",
                    ratioLabel,
                    ratio,
                    ratio >= 0.9 ? "met" : "MISSED",
                    perRound);
        }
    }

    /**
     * The event mix: mostly audio deltas (as in a spoken response), transcript deltas, and a response.done every 1,000.
     */
    static List<String> stream() {
        String audio = new String(Fixture.AUDIO_DELTA.bytes(), StandardCharsets.UTF_8);
        String done = new String(Fixture.RESPONSE_DONE.bytes(), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        String[] words = {
            "Sure", ", ", "here", " is", " the", " weather", " for", " Paris", ": ", "sunny", " and", " 21", "°C", "."
        };
        for (int i = 0; i < 1000; i++) {
            if (i == 999) {
                out.add(done);
            } else if (i % 10 < 7) {
                out.add(audio.replace("event_CCXHxcMy86rrKhBLDdqCh", "event_" + (100000 + i)));
            } else {
                out.add("{\"event_id\":\"event_" + (100000 + i)
                        + "\",\"type\":\"response.output_audio_transcript.delta\","
                        + "\"response_id\":\"resp_CCXHw0UJld10EzIUXQCNh\",\"item_id\":\"item_CCXHwGjjDUfOXbiySlK7i\","
                        + "\"output_index\":0,\"content_index\":0,\"delta\":\"" + words[i % words.length] + "\"}");
            }
        }
        return out;
    }

    /** The baseline: a raw JDK listener that only accumulates each message's text. */
    static Run raw(URI uri, long target) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        final class Listener implements WebSocket.Listener {
            final StringBuilder text = new StringBuilder();
            long count;
            long chars;

            @Override
            public void onOpen(WebSocket ws) {
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    chars += message.length();
                    if (++count == target) done.complete(null);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                if (!done.isDone()) {
                    done.completeExceptionally(new IllegalStateException("closed after " + count + " events"));
                }
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                done.completeExceptionally(error);
            }
        }
        Listener listener = new Listener();
        HttpClient http = HttpClient.newHttpClient();
        Probe probe = Probe.start();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        done.get(5, TimeUnit.MINUTES);
        Run run = probe.stop("raw", target, target);
        // The server closes after the last event and the JDK answers that close by itself.
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(x -> null).get(10, TimeUnit.SECONDS);
        }
        ws.abort();
        return run;
    }

    /** The generated client, counting typed events (anything but {@code Unknown}/{@code Binary}). */
    static Run typed(URI uri, long target) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long[] counts = new long[2]; // [all, typed]; written by the client's single event thread only
        OpenAiRealtimeApiClient client =
                OpenAiRealtimeApiClient.builder("gpt-realtime").uri(uri).build();
        client.onEvent(e -> {
            if (!(e instanceof OpenAiRealtimeApiClientEvent.Unknown)
                    && !(e instanceof OpenAiRealtimeApiClientEvent.Binary)) {
                counts[1]++;
            }
            if (++counts[0] == target) done.complete(null);
        });
        client.onClose((code, reason) -> {
            if (!done.isDone()) {
                done.completeExceptionally(new IllegalStateException("closed after " + counts[0] + " events"));
            }
        });
        Probe probe = Probe.start();
        client.connectBlocking();
        done.get(5, TimeUnit.MINUTES);
        Run run = probe.stop("typed", target, counts[1]);
        client.close();
        if (counts[1] != target) {
            throw new IllegalStateException((target - counts[1]) + " events were not decoded as typed events");
        }
        return run;
    }

    private static Run print(Run r) {
        System.out.printf(
                Locale.ROOT,
                "  %-8s %,10.0f events/s  %6.2f s  %,8d bytes allocated/event  GC %d collections, %d ms%n",
                r.kind(),
                r.rate(),
                r.seconds(),
                r.allocatedBytes() / r.events(),
                r.gcCount(),
                r.gcMillis());
        return r;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Wall time, bytes allocated by all threads, and GC activity between start and stop. */
    record Probe(long nanos, long allocated, long gcCount, long gcMillis) {
        static Probe start() {
            System.gc();
            long[] gc = gc();
            return new Probe(System.nanoTime(), THREADS.getTotalThreadAllocatedBytes(), gc[0], gc[1]);
        }

        Run stop(String kind, long events, long typed) {
            long nanos = System.nanoTime() - this.nanos;
            long allocated = THREADS.getTotalThreadAllocatedBytes() - this.allocated;
            long[] gc = gc();
            return new Run(kind, events, nanos / 1e9, allocated, gc[0] - gcCount, gc[1] - gcMillis, typed);
        }

        private static long[] gc() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, b.getCollectionCount());
                millis += Math.max(0, b.getCollectionTime());
            }
            return new long[] {count, millis};
        }
    }
}
