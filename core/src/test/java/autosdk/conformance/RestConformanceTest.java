package autosdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.emit.java.RestCallSites;
import autosdk.emit.java.RestCallSites.CallSite;
import autosdk.model.ApiModel;
import autosdk.testing.Corpus;
import autosdk.testing.Prism;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REST conformance, judged by a validator we did not write: for every operation of every OpenAPI spec of the corpus,
 * samples of each parameter and body are made from the spec (its examples, else json-schema-faker), decoded with the
 * generated codecs, passed to the generated method, and sent to Stoplight Prism, which validates the request against
 * the spec; Prism's answer must decode into the typed result. See docs/conformance.md.
 *
 * <p>An operation that is not accepted and decoded fails the test unless {@link #KNOWN} names it with a cause that
 * is not ours (a Prism limit or a spec defect), with the evidence. A known cause that no longer happens fails too, so
 * the list cannot go stale.
 */
class RestConformanceTest {
    private static final Pattern OPENAPI = Pattern.compile("(?m)^\\s*\"?openapi\"?\\s*:");

    private static final String PRISM_AUDIO = "Prism limit: the request passed validation, then Prism answered 500 "
            + "'Cannot find serializer for audio/...' because it cannot mock a body of an audio media type";
    private static final String PRISM_JSON_PART =
            "Prism limit: an object property of a multipart/form-data body goes out as "
                    + "one part with Content-Type application/json (OpenAPI's default encoding for object "
                    + "properties of multipart "
                    + "bodies), and Prism validates that part's text as a string ('must be object')";
    private static final String PRISM_MULTIPART_ARRAY =
            "Prism limit: an array property of a multipart/form-data body goes "
                    + "out as one part per item (OpenAPI's encoding for arrays in multipart bodies); Prism "
                    + "answers 'must be array' "
                    + "even when two parts of that name are sent, so it never reads repeated parts as an array";
    private static final String FAKER_ONE_OF =
            "sample generator limit: the SDK sent exactly the faker's sample (sent vs sample: same), "
                    + "which matches none or several branches of a oneOf whose branches are not kept apart by "
                    + "a const or a required property";
    private static final String EVAL_EXAMPLE =
            "spec defect: Eval.data_source_config's example gives 'schema' as a string where "
                    + "EvalCustomDataSourceConfig declares an object; Prism itself logs 'Response body "
                    + "property data_source_config.schema "
                    + "must be object' for the answer it makes from that example";
    /**
     * Operations that Prism rejects (or whose answers do not decode) for reasons that are not ours, keyed
     * "spec-file METHOD path", each with its cause and evidence. Never a pattern: one entry per operation.
     */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry(
                    "tryAGI-OpenAI/openapi.yaml POST /embeddings",
                    "Prism limit: Embedding.embedding is an array of "
                            + "`type: number, format: float` without an example, and Prism's generated answer "
                            + "puts -3.402823669209385e+38 "
                            + "(-2^128) in it, beyond the float range (Float.MAX_VALUE is 3.4028235e38); our "
                            + "decoder refuses out-of-range "
                            + "numbers by rule instead of turning them into infinity"),
            Map.entry("tryAGI-OpenAI/openapi.yaml POST /audio/transcriptions", PRISM_JSON_PART),
            Map.entry("tryAGI-OpenAI/openapi.yaml POST /files", PRISM_JSON_PART),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/audio-isolation", PRISM_AUDIO),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/audio-isolation/stream", PRISM_AUDIO),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/voices/{voice_id}/edit", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/voices/add", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/studio/projects", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/dubbing/project", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/audio-native", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/music/video-to-music", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/speech-to-text", PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/voices/pvc/{voice_id}/samples", PRISM_MULTIPART_ARRAY),
            Map.entry(
                    "tryAGI-ElevenLabs/openapi.json POST /v1/voices/pvc/{voice_id}/verification",
                    PRISM_MULTIPART_ARRAY),
            Map.entry("tryAGI-OpenAI/openapi.yaml GET /evals", EVAL_EXAMPLE),
            Map.entry("tryAGI-OpenAI/openapi.yaml POST /evals", EVAL_EXAMPLE),
            Map.entry("tryAGI-OpenAI/openapi.yaml GET /evals/{eval_id}", EVAL_EXAMPLE),
            Map.entry("tryAGI-OpenAI/openapi.yaml POST /evals/{eval_id}", EVAL_EXAMPLE),
            Map.entry(
                    "tryAGI-ElevenLabs/openapi.json GET /v1/voices/{voice_id}/samples/{sample_id}/audio", PRISM_AUDIO),
            Map.entry(
                    "tryAGI-ElevenLabs/openapi.json GET /v1/convai/conversations/{conversation_id}/audio", PRISM_AUDIO),
            Map.entry(
                    "tryAGI-ElevenLabs/openapi.json POST "
                            + "/v1/convai/agents/{agent_id}/branches/{branch_id}/procedures/compile",
                    "spec defect: the example of CompileProceduresResponseModel is {\"workflow\": {\"edges\": "
                            + "[], \"nodes\": []}}, "
                            + "but AgentWorkflowResponseModel declares edges and nodes as objects (maps), so "
                            + "the typed decoder "
                            + "rightly refuses the arrays Prism answers with"),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/convai/whatsapp/outbound-message", FAKER_ONE_OF),
            Map.entry(
                    "tryAGI-ElevenLabs/openapi.json POST /v1/convai/agents/{agent_id}/simulate-conversation",
                    FAKER_ONE_OF),
            Map.entry(
                    "tryAGI-ElevenLabs/openapi.json POST /v1/convai/agents/{agent_id}/simulate-conversation/stream",
                    FAKER_ONE_OF),
            Map.entry("tryAGI-ElevenLabs/openapi.json POST /v1/convai/tools", FAKER_ONE_OF),
            Map.entry("tryAGI-ElevenLabs/openapi.json PATCH /v1/convai/tools/{tool_id}", FAKER_ONE_OF),
            Map.entry("tryAGI-ElevenLabs/openapi.json PATCH /v1/convai/settings/dashboard", FAKER_ONE_OF),
            Map.entry("tryAGI-OpenAI/openapi.yaml POST /conversations", FAKER_ONE_OF),
            Map.entry("tryAGI-OpenAI/openapi.yaml POST /conversations/{conversation_id}/items", FAKER_ONE_OF));

    static Stream<String> specs() throws Exception {
        List<String> out = new ArrayList<>();
        for (Path p : Corpus.specs()) {
            String head =
                    new String(Files.readAllBytes(p), 0, (int) Math.min(Files.size(p), 4096), StandardCharsets.UTF_8);
            String relative = Corpus.root().relativize(p).toString();
            if (OPENAPI.matcher(head).find() && selected(relative)) out.add(relative);
        }
        return out.stream();
    }

    /** {@code -Dconformance.specs=petstore,Xai} runs only the specs whose path contains one of the words. */
    private static boolean selected(String relative) {
        String only = System.getProperty("conformance.specs", "");
        if (only.isBlank()) return true;
        for (String word : only.split(",")) {
            if (!word.isBlank() && relative.contains(word.trim())) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyOperationIsAcceptedByPrismAndDecoded(String relative) throws Exception {
        Path spec = Corpus.file(relative);
        String slug = relative.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
        Path work = Files.createDirectories(
                Path.of("target/conformance").toAbsolutePath().resolve(slug));
        String pkg = autosdk.GenerationRequest.defaultNamespace(spec);

        ApiModel model = RestCallSites.model(spec);
        List<CallSite> sites = RestCallSites.of(model, pkg);
        Map<String, OperationCall.Outcome> outcomes = new LinkedHashMap<>();
        ConformanceSdk sdk;
        // Prism loads the spec (about 16 s for the largest) while the samples are made and the SDK is generated.
        try (Prism prism = sites.isEmpty() ? null : Prism.start(spec, work.resolve("prism.log"))) {
            String samples = samples(spec, work);
            sdk = ConformanceSdk.build(spec, pkg);
            String entryClass = RestCallSites.entryClass(model, pkg);
            if (prism != null) {
                prism.awaitListening(Duration.ofMinutes(5));
                OperationCall calls = new OperationCall(sdk, sdk.client(entryClass, model, prism.url()), prism);
                Map<String, String> byOperation = OperationCall.operations(samples);
                for (CallSite site : sites) {
                    String key = site.operation().method().toUpperCase(Locale.ROOT) + " "
                            + site.operation().path();
                    outcomes.put(key, run(calls, site, byOperation.get(key)));
                }
            }
        }
        String report = report(relative, outcomes, sdk.reused);
        Files.writeString(work.resolve("report.md"), report);
        System.out.println(report);

        List<String> unexplained = new ArrayList<>();
        for (Map.Entry<String, OperationCall.Outcome> e : outcomes.entrySet()) {
            OperationCall.Result r = e.getValue().result();
            String id = relative + " " + e.getKey();
            boolean fine = r == OperationCall.Result.DECODED || r == OperationCall.Result.SKIPPED;
            if (!fine && !KNOWN.containsKey(id)) {
                unexplained.add(id + ": " + r + " " + e.getValue().detail());
            }
            if (fine && KNOWN.containsKey(id)) {
                unexplained.add(id + ": listed in KNOWN but now " + r + "; remove it from the list");
            }
        }
        assertThat(unexplained)
                .as("operations of %s not accepted and decoded, for no known cause", relative)
                .isEmpty();
    }

    /** Attempts until one decodes; the outcome of the best attempt (examples first, then the faker's samples). */
    private static OperationCall.Outcome run(OperationCall calls, CallSite site, String samples) throws Exception {
        String skip = OperationCall.skipReason(site);
        if (skip != null) return new OperationCall.Outcome(OperationCall.Result.SKIPPED, skip);
        if (samples == null) {
            return new OperationCall.Outcome(OperationCall.Result.CLIENT_FAILED, "no samples for the operation");
        }
        OperationCall.Outcome best = null;
        List<String> details = new ArrayList<>();
        for (int attempt = 0; attempt < OperationCall.attempts(samples); attempt++) {
            OperationCall.Outcome o = calls.call(site, samples, attempt);
            if (o.result() == OperationCall.Result.DECODED) return o;
            details.add(o.result() + " " + o.detail());
            if (best == null || o.result().ordinal() < best.result().ordinal()) best = o;
        }
        return new OperationCall.Outcome(best.result(), String.join(" | ", details));
    }

    /** The samples file of the spec, written by samples.mjs with json-schema-faker (about a second per spec). */
    private static String samples(Path spec, Path work) throws Exception {
        Path home = Prism.home();
        Path script = home.resolve("samples.mjs");
        Files.writeString(script, resource("conformance/samples.mjs"));
        Path out = work.resolve("samples.json");
        Path log = work.resolve("samples.log");
        Process node = new ProcessBuilder("node", script.toString(), spec.toString(), out.toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!node.waitFor(10, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            throw new AssertionError("samples.mjs did not finish within 10 minutes for " + spec);
        }
        assertThat(node.exitValue())
                .as("samples.mjs for %s:\n%s", spec, Files.readString(log))
                .isZero();
        return Files.readString(out);
    }

    private static String resource(String name) throws Exception {
        try (var in = RestConformanceTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new AssertionError("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String report(String spec, Map<String, OperationCall.Outcome> outcomes, boolean reused) {
        Map<OperationCall.Result, Integer> counts = new EnumMap<>(OperationCall.Result.class);
        for (OperationCall.Result r : OperationCall.Result.values()) counts.put(r, 0);
        outcomes.values().forEach(o -> counts.merge(o.result(), 1, Integer::sum));
        int accepted = counts.get(OperationCall.Result.DECODED) + counts.get(OperationCall.Result.NOT_DECODED);
        StringBuilder s =
                new StringBuilder("## " + spec + (reused ? " (compiled SDK reused from the cache)" : "") + "\n\n");
        s.append("| operations | accepted | decoded | rejected | sample undecodable | client failed | skipped "
                + "|\n|---:|---:|---:|---:|---:|---:|---:|\n");
        s.append("| ")
                .append(outcomes.size())
                .append(" | ")
                .append(accepted)
                .append(" | ")
                .append(counts.get(OperationCall.Result.DECODED))
                .append(" | ")
                .append(counts.get(OperationCall.Result.REJECTED))
                .append(" | ")
                .append(counts.get(OperationCall.Result.SAMPLE_UNDECODABLE))
                .append(" | ")
                .append(counts.get(OperationCall.Result.CLIENT_FAILED))
                .append(" | ")
                .append(counts.get(OperationCall.Result.SKIPPED))
                .append(" |\n\n");
        for (Map.Entry<String, OperationCall.Outcome> e : outcomes.entrySet()) {
            if (e.getValue().result() == OperationCall.Result.DECODED) continue;
            s.append("- `")
                    .append(e.getKey())
                    .append("` ")
                    .append(e.getValue().result())
                    .append(": ")
                    .append(e.getValue().detail())
                    .append('\n');
        }
        return s.toString();
    }
}
