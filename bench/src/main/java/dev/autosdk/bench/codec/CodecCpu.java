package dev.autosdk.bench.codec;

import dev.autosdk.bench.openai.realtime.ServerEventDispatch;
import dev.autosdk.bench.openai.realtime.SourceGenerationContext;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decode contenders measured by thread CPU time and bytes allocated per decode instead of wall-clock throughput,
 * for a machine too busy for JMH. A thread's CPU time does not grow while it waits for a core, but it still grows
 * with the other processes' pressure on caches and on the shared core, so the contenders run in short turns (a, b,
 * c, c′, dispatch, from text, again) and each ratio is the median of the ratios within one round, where the load
 * was about the same for both. Usage: {@code java -cp bench/target/benchmarks.jar dev.autosdk.bench.codec.CodecCpu
 * [FIXTURE|ALL] [rounds] [decodes per turn]}; the defaults are ALL, 60 and 200.
 */
public final class CodecCpu {
    private CodecCpu() {}

    private interface Decode {
        Object run() throws Exception;
    }

    private static final String A = "a decode";
    private static final String B = "b databind";
    private static final String C = "c scan";
    private static final String C_VALUES = "c' scan+values";
    private static final String DISPATCH = "a dispatch";
    private static final String FROM_TEXT = "a from text";

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "ALL";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int perTurn = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<Fixture> fixtures =
                which.equals("ALL") ? Arrays.asList(Fixture.values()) : List.of(Fixture.valueOf(which));
        for (Fixture fixture : fixtures) measure(fixture, rounds, perTurn);
    }

    private static void measure(Fixture fixture, int rounds, int perTurn) throws Exception {
        byte[] json = fixture.bytes();
        String text = new String(json, StandardCharsets.UTF_8);
        Map<String, Decode> contenders = new LinkedHashMap<>();
        contenders.put(A, () -> SourceGenerationContext.DEFAULT.read(json, fixture.generatedType));
        contenders.put(B, () -> DatabindEvents.MAPPER.readValue(json, fixture.databindType));
        contenders.put(C, () -> TokenScan.scan(json));
        contenders.put(C_VALUES, () -> TokenScan.scanValues(json));
        contenders.put(DISPATCH, () -> ServerEventDispatch.decode(text));
        // What the dispatch adds to the specific decode: the same decode from the text, as the client reads it.
        contenders.put(FROM_TEXT, () -> SourceGenerationContext.DEFAULT.read(text, fixture.generatedType));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // per contender, per round: µs per decode and KB per decode
        Map<String, double[]> micros = new LinkedHashMap<>();
        Map<String, double[]> kilobytes = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> {
            micros.put(k, new double[rounds]);
            kilobytes.put(k, new double[rounds]);
        });
        long sink = 0;
        int warmUp = Math.max(rounds / 4, 5_000 / perTurn); // at least 5,000 decodes each, for the JIT
        for (int round = -warmUp; round < rounds; round++) {
            for (Map.Entry<String, Decode> c : contenders.entrySet()) {
                long cpu = threads.getThreadCpuTime(id);
                long bytes = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < perTurn; i++) {
                    sink += System.identityHashCode(c.getValue().run());
                }
                if (round < 0) continue;
                micros.get(c.getKey())[round] = (threads.getThreadCpuTime(id) - cpu) / 1e3 / perTurn;
                kilobytes.get(c.getKey())[round] = (threads.getThreadAllocatedBytes(id) - bytes) / 1024.0 / perTurn;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: thread CPU µs per decode (median of %d turns of %d decodes; quartiles), KB allocated per decode%n",
                fixture,
                rounds,
                perTurn);
        for (String k : contenders.keySet()) {
            double[] t = sorted(micros.get(k));
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %8.2f µs  (%.2f–%.2f)  %6.1f KB%n",
                    k,
                    median(t),
                    t[t.length / 4],
                    t[3 * t.length / 4],
                    median(sorted(kilobytes.get(k))));
        }
        System.out.printf(
                Locale.ROOT,
                "  speed ratios, the median of each round's (other's time / a's), quartiles in brackets:%n"
                        + "  a/b %s  a/c %s  a/c' %s  dispatch/specific %s  from text/from bytes %s  [sink %d]%n",
                ratio(micros.get(B), micros.get(A)),
                ratio(micros.get(C), micros.get(A)),
                ratio(micros.get(C_VALUES), micros.get(A)),
                ratio(micros.get(A), micros.get(DISPATCH)),
                ratio(micros.get(A), micros.get(FROM_TEXT)),
                sink % 10);
    }

    /** The median over the rounds of {@code over[i] / under[i]}, with its quartiles. */
    private static String ratio(double[] over, double[] under) {
        double[] r = new double[over.length];
        for (int i = 0; i < r.length; i++) r[i] = over[i] / under[i];
        Arrays.sort(r);
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(r), r[r.length / 4], r[3 * r.length / 4]);
    }

    private static double[] sorted(double[] values) {
        double[] out = values.clone();
        Arrays.sort(out);
        return out;
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
