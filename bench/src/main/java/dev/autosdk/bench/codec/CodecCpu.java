package dev.autosdk.bench.codec;

import dev.autosdk.bench.openai.realtime.ServerEventDispatch;
import dev.autosdk.bench.openai.realtime.SourceGenerationContext;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decode contenders measured by thread CPU time and bytes allocated per decode instead of wall-clock throughput,
 * for a machine too busy for JMH: a thread's CPU time does not grow while it waits for a core, so the ratios of
 * medians stay usable where JMH's errors reach ±100 %. The contenders run in turns (a, b, c, c′, dispatch, again), so
 * a change in load falls on all of them alike. Usage: {@code java -cp bench/target/benchmarks.jar
 * dev.autosdk.bench.codec.CodecCpu [FIXTURE|ALL] [rounds] [decodes per round]}; the defaults are ALL, 15 and 2,000.
 */
public final class CodecCpu {
    private CodecCpu() {}

    private interface Decode {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "ALL";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        List<Fixture> fixtures =
                which.equals("ALL") ? Arrays.asList(Fixture.values()) : List.of(Fixture.valueOf(which));
        for (Fixture fixture : fixtures) measure(fixture, rounds, perRound);
    }

    private static void measure(Fixture fixture, int rounds, int perRound) throws Exception {
        byte[] json = fixture.bytes();
        String text = new String(json, StandardCharsets.UTF_8);
        Map<String, Decode> contenders = new LinkedHashMap<>();
        contenders.put("a decode", () -> SourceGenerationContext.DEFAULT.read(json, fixture.generatedType));
        contenders.put("b databind", () -> DatabindEvents.MAPPER.readValue(json, fixture.databindType));
        contenders.put("c scan", () -> TokenScan.scan(json));
        contenders.put("c' scan+values", () -> TokenScan.scanValues(json));
        contenders.put("a dispatch", () -> ServerEventDispatch.decode(text));
        // What the dispatch adds to the specific decode: the same decode from the text, as the client reads it.
        contenders.put("a from text", () -> SourceGenerationContext.DEFAULT.read(text, fixture.generatedType));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        long sink = 0;
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (Map.Entry<String, Decode> c : contenders.entrySet()) {
                long cpu = threads.getThreadCpuTime(id);
                long bytes = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < perRound; i++)
                    sink += System.identityHashCode(c.getValue().run());
                double micros = (threads.getThreadCpuTime(id) - cpu) / 1e3 / perRound;
                double kb = (threads.getThreadAllocatedBytes(id) - bytes) / 1024.0 / perRound;
                if (round >= 0)
                    samples.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(new double[] {micros, kb});
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: thread CPU µs per decode (median of %d × %d; min–max), KB allocated per decode%n",
                fixture,
                rounds,
                perRound);
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            double[] cpu = e.getValue().stream().mapToDouble(s -> s[0]).sorted().toArray();
            double kb = e.getValue().stream().mapToDouble(s -> s[1]).sorted().toArray()[cpu.length / 2];
            medians.put(e.getKey(), cpu[cpu.length / 2]);
            best.put(e.getKey(), cpu[0]);
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %8.2f µs  (%.2f–%.2f)  %6.1f KB%n",
                    e.getKey(),
                    cpu[cpu.length / 2],
                    cpu[0],
                    cpu[cpu.length - 1],
                    kb);
        }
        ratios("medians", medians);
        ratios("best rounds (least disturbed by other processes)", best);
        System.out.printf(Locale.ROOT, "  [sink %d]%n", sink % 10);
    }

    /** Speed ratios as the report prints them: the other contender's time over a's. */
    private static void ratios(String of, Map<String, Double> micros) {
        double a = micros.get("a decode");
        System.out.printf(
                Locale.ROOT,
                "  %s: a/b %.2f  a/c %.2f  a/c' %.2f  dispatch/specific %.2f  text/bytes %.2f%n",
                of,
                micros.get("b databind") / a,
                micros.get("c scan") / a,
                micros.get("c' scan+values") / a,
                a / micros.get("a dispatch"),
                a / micros.get("a from text"));
    }
}
