package dev.autosdk.bench.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CodecBenchmark} with JMH and prints throughput per fixture and the ratios against the targets:
 * a/b (generated codecs over databind, target at least 1), a/c (over the bare token scan, target at least 0.7 for
 * decoding; over the token replay, at least 0.5 for encoding), and, for information, a/d (over the official OpenAI
 * Java SDK) and the union dispatch of both SDKs' WebSocket clients. Any JMH command-line option may be passed (e.g.
 * {@code -f 2 -i 10}); the JSON results
 * go to {@code bench/target/codec-results.json} unless {@code -rff} says otherwise.
 */
public final class CodecReport {
    private CodecReport() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options =
                new OptionsBuilder().parent(cli).include(CodecBenchmark.class.getName() + "\\.");
        if (!cli.getResult().hasValue()) options.result("bench/target/codec-results.json");
        if (!cli.getResultFormat().hasValue()) options.resultFormat(ResultFormatType.JSON);
        Collection<RunResult> results = new Runner(options.build()).run();

        // fixture -> method -> ops/ms
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String fixture = r.getParams().getParam("fixture");
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            scores.computeIfAbsent(fixture, k -> new LinkedHashMap<>()).put(method, new double[] {score, error});
        }
        System.out.println();
        System.out.println("Codec throughput (ops/ms, higher is better; ± is JMH's 99.9% error)");
        List<String> failed = new ArrayList<>();
        for (var e : scores.entrySet()) {
            Map<String, double[]> m = e.getValue();
            System.out.printf(Locale.ROOT, "%n%s%n", e.getKey());
            for (var s : m.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-24s %12.2f ± %.2f%n", s.getKey(), s.getValue()[0], s.getValue()[1]);
            }
            ratio(e.getKey(), "decode a/b", m, "decodeAutosdk", "decodeDatabind", 1.0, failed);
            ratio(e.getKey(), "decode a/c", m, "decodeAutosdk", "decodeTokenScan", 0.7, failed);
            ratio(e.getKey(), "decode a/c'", m, "decodeAutosdk", "decodeTokenScanValues", 0, failed);
            ratio(e.getKey(), "decode a/d", m, "decodeAutosdk", "decodeOpenaiJava", 0, failed);
            ratio(e.getKey(), "dispatch a/d", m, "decodeAutosdkDispatch", "decodeOpenaiJavaDispatch", 0, failed);
            ratio(e.getKey(), "dispatch/specific (a)", m, "decodeAutosdkDispatch", "decodeAutosdk", 0, failed);
            ratio(e.getKey(), "encode a/b", m, "encodeAutosdk", "encodeDatabind", 1.0, failed);
            ratio(e.getKey(), "encode a/c", m, "encodeAutosdk", "encodeTokenReplay", 0.5, failed);
            ratio(e.getKey(), "encode a/d", m, "encodeAutosdk", "encodeOpenaiJava", 0, failed);
        }
        System.out.println();
        System.out.println("c  = bare token scan (decode) or token replay (encode); c' = token scan that also "
                + "materializes every value");
        System.out.println(
                "d  = official OpenAI Java SDK (openai-java-core, decode with validate()); dispatch = decode "
                        + "the message text through the server-event union, as each SDK's WebSocket client does");
        System.out.println(
                failed.isEmpty() ? "All codec targets met." : "Targets missed: " + String.join(", ", failed));
    }

    private static void ratio(
            String fixture,
            String label,
            Map<String, double[]> m,
            String a,
            String b,
            double target,
            List<String> failed) {
        if (!m.containsKey(a) || !m.containsKey(b)) return;
        double r = m.get(a)[0] / m.get(b)[0];
        String verdict = target <= 0
                ? "(informational)"
                : r >= target ? "(target >= " + target + ": met)" : "(target >= " + target + ": MISSED)";
        if (target > 0 && r < target) failed.add(fixture + " " + label);
        System.out.printf(Locale.ROOT, "  %-24s %12.2f  %s%n", label, r, verdict);
    }
}
