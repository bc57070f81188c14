package dev.autosdk.bench.codec;

import dev.autosdk.bench.openai.realtime.SourceGenerationContext;
import java.util.Locale;

/**
 * A plain loop over one codec operation, for profiling with JFR outside JMH:
 * {@code java -XX:StartFlightRecording=filename=decode.jfr,settings=profile -cp bench/target/benchmarks.jar
 * dev.autosdk.bench.codec.CodecProfile RESPONSE_DONE decode 20}. Arguments: fixture, {@code decode|encode}, seconds.
 */
public final class CodecProfile {
    private CodecProfile() {}

    public static void main(String[] args) throws Exception {
        Fixture fixture = Fixture.valueOf(args.length > 0 ? args[0] : "RESPONSE_DONE");
        boolean decode = args.length < 2 || args[1].equals("decode");
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        byte[] json = fixture.bytes();
        Object value = SourceGenerationContext.DEFAULT.read(json, fixture.generatedType);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long ops = 0;
        long sink = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                if (decode) {
                    sink += System.identityHashCode(SourceGenerationContext.DEFAULT.read(json, fixture.generatedType));
                } else sink += SourceGenerationContext.DEFAULT.writeBytes(value).length;
            }
            ops += 100;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%s %s: %.1f ops/ms (%d ops, sink %d)%n",
                fixture,
                decode ? "decode" : "encode",
                ops / ms,
                ops,
                sink);
    }
}
