package autosdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest.Perspective;
import autosdk.testing.Corpus;
import autosdk.ws.WsHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's proof: the client generated from every corpus AsyncAPI document, against the independent harness
 * (shared/harness/ws). Per channel it sends one of every client message (echo-check: each frame must be valid), and
 * receives the basic and fragmented scenarios (each frame must arrive as the event of the message the harness sent;
 * the deliberate unknown-type and malformed frames as Unknown). Any rejected or mistyped message fails the test
 * unless {@link #KNOWN_CAUSES} explains it. The counts are written to target/conformance/ws.md (docs/conformance.md).
 */
class WsConformanceTest {
    /** Every AsyncAPI document of the corpus, with the side it describes. */
    static final Map<String, Perspective> SPECS = new TreeMap<>(Map.ofEntries(
            Map.entry("tryAGI-OpenAI/asyncapi.json", Perspective.CLIENT),
            Map.entry("tryAGI-ElevenLabs/asyncapi.json", Perspective.CLIENT),
            Map.entry("tryAGI-Xai/asyncapi.json", Perspective.CLIENT),
            Map.entry("tryAGI-Xai/asyncapi.tts.json", Perspective.CLIENT),
            // The official 3.0 examples describe the server: its "send" is what our client receives.
            Map.entry("asyncapi-spec-v3.0.0/correlation-id-asyncapi.yml", Perspective.SERVER),
            Map.entry("asyncapi-spec-v3.0.0/gitter-streaming-asyncapi.yml", Perspective.SERVER),
            Map.entry(
                    "asyncapi-spec-v3.0.0/kraken-websocket-request-reply-message-filter-in-reply-asyncapi.yml",
                    Perspective.SERVER),
            Map.entry(
                    "asyncapi-spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml",
                    Perspective.SERVER),
            Map.entry("asyncapi-spec-v3.0.0/slack-rtm-asyncapi.yml", Perspective.SERVER),
            Map.entry("asyncapi-spec-v3.0.0/websocket-gemini-asyncapi.yml", Perspective.SERVER),
            // 2.x "publish" is what other applications send to the one described, so the client perspective fits.
            Map.entry("asyncapi-spec-v2.6.0/gitter-streaming.yml", Perspective.CLIENT),
            Map.entry("asyncapi-spec-v2.6.0/slack-rtm.yml", Perspective.CLIENT),
            Map.entry("asyncapi-spec-v2.6.0/websocket-gemini.yml", Perspective.CLIENT),
            // Fixtures of the AsyncAPI generator's WebSocket *client* template: they describe the client.
            Map.entry("asyncapi-generator/asyncapi-hoppscotch-client.yml", Perspective.CLIENT),
            Map.entry("asyncapi-generator/asyncapi-postman-echo.yml", Perspective.CLIENT),
            Map.entry("asyncapi-generator/asyncapi-slack-client.yml", Perspective.CLIENT),
            Map.entry("asyncapi-generator/asyncapi-websocket-query.yml", Perspective.CLIENT)));

    /**
     * Problems whose cause is not ours, each with its evidence: "spec | channel | scenario | message | kind" → cause.
     * Kept small and exact; an entry that no longer happens fails the test so the list cannot go stale.
     */
    static final Map<String, String> KNOWN_CAUSES = Map.of();
    // Empty since the "open by spec" rule (WsSpecRun): the Slack botChanged/botAdded copies and the gitter 3.0.0
    // heartbeat (the harness validates the {schemaFormat, schema} wrapper itself, so its samples fit both messages)
    // are judged by the harness's own validator instead of by a list.

    /** The version field that makes a document AsyncAPI, in YAML or JSON. */
    private static final java.util.regex.Pattern ASYNCAPI =
            java.util.regex.Pattern.compile("(?m)^ {0,2}\"?asyncapi\"?\\s*:");

    private static final List<WsConformanceResult> RESULTS = new ArrayList<>();

    @BeforeAll
    static void install() throws Exception {
        WsHarness.install(); // fails clearly when node/npm are missing
    }

    @Test
    void everyAsyncApiDocumentOfTheCorpusIsListed() throws Exception {
        List<String> asyncApi = new ArrayList<>();
        for (Path p : Corpus.specs()) {
            if (ASYNCAPI.matcher(Files.readString(p)).find()) {
                asyncApi.add(Corpus.root().relativize(p).toString().replace('\\', '/'));
            }
        }
        assertThat(SPECS.keySet()).containsExactlyInAnyOrderElementsOf(asyncApi);
    }

    static Stream<Arguments> specs() {
        return SPECS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("specs")
    void everyMessageIsSentValidAndReceivedAsItsOwnType(String spec, Perspective perspective) throws Throwable {
        Path work = Path.of("target", "conformance", "ws-runs", WsSpecRun.folderName(spec))
                .toAbsolutePath();
        Files.createDirectories(work);
        WsConformanceResult result = WsSpecRun.run(Corpus.file(spec), spec, perspective, work);
        synchronized (RESULTS) {
            RESULTS.add(result);
        }
        List<String> unexplained = new ArrayList<>();
        for (WsConformanceResult.Problem p : result.problems) {
            if (!KNOWN_CAUSES.containsKey(key(p))) unexplained.add(p.toString());
        }
        assertThat(unexplained).as("rejected or mistyped messages of %s", spec).isEmpty();
        for (String known : KNOWN_CAUSES.keySet()) {
            if (known.startsWith(spec + " |")) {
                assertThat(result.problems.stream().map(WsConformanceTest::key))
                        .as("known cause no longer seen")
                        .contains(known);
            }
        }
    }

    static String key(WsConformanceResult.Problem p) {
        return String.join(
                " | ",
                p.spec(),
                p.channel(),
                p.scenario(),
                p.message(),
                p.kind().name());
    }

    @AfterAll
    static void writeTable() throws Exception {
        Path out = Path.of("target", "conformance", "ws.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, WsConformanceTable.markdown(RESULTS, KNOWN_CAUSES));
    }
}
