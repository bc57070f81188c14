package autosdk.testing;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Generator#plan} once per test JVM for each request: several suites generate the same corpus spec with the
 * same options (CorpusCompileTest, LongLinesTest, the conformance suites, the harness tests), and the OpenAI and
 * ElevenLabs REST documents take seconds each to generate. A plan depends on the spec's text and the options, not
 * on the output folder (except when it reads a type index there), so the key leaves the folder out; the spec's size
 * and modification time are in it, so a spec rewritten during the run is planned again. Values are soft, so a
 * short heap drops them instead of failing.
 */
public final class Plans {
    private static final Path NO_OUTPUT = Path.of("unused").toAbsolutePath();
    private static final Map<Key, SoftReference<GenerationResult>> PLANS = new ConcurrentHashMap<>();

    private Plans() {}

    private record Key(GenerationRequest request, long size, long modified) {}

    /** What {@link Generator#plan} answers for {@code request}, planned at most once per JVM while in memory. */
    public static GenerationResult of(GenerationRequest request) throws Exception {
        if (request.typesNamespace() != null || request.typesIndex() != null) {
            return Generator.plan(request); // reads the type index in the output folder: not keyed by content
        }
        Key key = key(request);
        SoftReference<GenerationResult> cached = PLANS.get(key);
        GenerationResult result = cached == null ? null : cached.get();
        if (result == null) {
            result = Generator.plan(request);
            PLANS.put(key, new SoftReference<>(result));
        }
        return result;
    }

    private static Key key(GenerationRequest request) {
        try {
            Path spec = request.spec().toAbsolutePath().normalize();
            return new Key(
                    request.toBuilder().spec(spec).output(NO_OUTPUT).build(),
                    Files.size(spec),
                    Files.getLastModifiedTime(spec).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
