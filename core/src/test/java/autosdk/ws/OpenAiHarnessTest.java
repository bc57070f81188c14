package autosdk.ws;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.testing.Corpus;
import autosdk.testing.JsonTrees;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client generated from corpus/tryAGI-OpenAI/asyncapi.json against the independent harness (shared/harness/ws):
 * it validates every frame the client sends with Ajv against the spec and plays scenarios at the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiHarnessTest {
    private static final String DRIVER = "OpenAiDriver";
    private static final Path SPEC = Corpus.file("tryAGI-OpenAI/asyncapi.json");
    /**
     * The package of a plain run, as CorpusCompileTest and WsConformanceTest generate it: the SDK compiles once per
     * JVM for all three (the driver is compiled on its own against it), and once more on OkHttp.
     */
    private static final String PKG = GenerationRequest.defaultNamespace(SPEC);
    /** The SDK and work folder of the class running now (test classes run one after another). */
    static WsGenerated gen;

    static Path work;

    /** The transport the client is generated for; the OkHttp subclass plays every scenario again on OkHttp. */
    autosdk.Transport transport() {
        return autosdk.Transport.JDK;
    }

    @BeforeAll
    void generate() throws Exception {
        WsHarness.install(); // fails clearly when node/npm are missing
        work = WsGenerated.workDir(
                transport() == autosdk.Transport.JDK
                        ? "openai"
                        : "openai-" + transport().optionValue());
        gen = WsGenerated.build(SPEC, PKG, work, DRIVER, GenerationRequest.Perspective.CLIENT, null, transport());
    }

    @Test
    void urlDoesNotRepeatTheServerPathAndCarriesTheModel() throws Throwable {
        assertThat((String) gen.call(DRIVER, "uri")).isEqualTo("wss://api.openai.com/v1/realtime?model=gpt-realtime");
    }

    @Test
    void basicScenarioEveryClientFrameValidAndEverySampleTyped() throws Throwable {
        basicScenario(gen, work);
    }

    /**
     * The harness's basic scenario against {@code gen} (an SDK of this spec with {@link #DRIVER}); also run on Jackson
     * 3.
     */
    static void basicScenario(WsGenerated gen, Path work) throws Throwable {
        try (WsHarness h = WsHarness.start(SPEC, "basic", work.resolve("basic.json"))) {
            Object s = gen.call(DRIVER, "open", h.url());
            gen.call(DRIVER, "sendSome", s);
            waitForQuiet(gen, s, 1500);
            gen.call(DRIVER, "close", s);
            Object report = JsonTrees.parse(h.awaitReport(30));
            assertThat(JsonTrees.number(report, "summary.invalid"))
                    .as("invalid frames: %s", JsonTrees.at(report, "received.invalidDetails"))
                    .isZero();
            assertThat(JsonTrees.number(report, "summary.valid")).isEqualTo(8); // setup session.update + 7
            assertThat(JsonTrees.at(report, "handshake.path")).isEqualTo("/v1/realtime");
            assertThat(JsonTrees.at(report, "handshake.query.model")).isEqualTo("gpt-realtime");
            assertThat(String.valueOf(JsonTrees.at(report, "handshake.authorization")))
                    .contains("Bearer sk-test");
            assertThat(JsonTrees.at(report, "channel.pathMismatch")).isEqualTo(false);
            long sent = JsonTrees.number(report, "sent.messages");
            List<String> events = gen.call(DRIVER, "events", s);
            assertThat(events).hasSize((int) sent + 1); // + the typed handler's line
            assertThat(events).noneMatch(e -> e.startsWith("Unknown")).contains("typed:session.created");
            assertThat(JsonTrees.number(report, "received.pongs")).isGreaterThanOrEqualTo(0);
            assertThat((List<String>) gen.call(DRIVER, "closes", s)).containsExactly("1000:done");
        }
    }

    @Test
    void fragmentedScenarioReassemblesSurvivesUnknownAndMalformedAndSeesClose4001() throws Throwable {
        try (WsHarness h = WsHarness.start(SPEC, "fragmented", work.resolve("fragmented.json"))) {
            Object s = gen.call(DRIVER, "open", h.url());
            gen.call(DRIVER, "awaitClosed", s, 30L);
            Object report = JsonTrees.parse(h.awaitReport(30));
            assertThat((List<String>) gen.call(DRIVER, "closes", s)).containsExactly("4001:bye");
            assertThat(JsonTrees.number(report, "close.clientFrame.code")).isEqualTo(4001);
            assertThat(JsonTrees.number(report, "summary.invalid")).isZero();
            assertThat(JsonTrees.number(report, "summary.valid")).isEqualTo(1);
            List<String> events = gen.call(DRIVER, "events", s);
            assertThat(events.stream().filter(e -> e.startsWith("Unknown:")))
                    .hasSize(1)
                    .allMatch(e -> e.contains("x.unknown.type"));
            assertThat(events.stream().filter(e -> e.startsWith("Unknown(error)")))
                    .hasSize(1);
            // every other message arrived typed, reassembled from its fragments
            assertThat(events.size() - 2 - 1).isEqualTo((int) JsonTrees.number(report, "sent.messages") - 2);
            assertThat((List<String>) gen.call(DRIVER, "errors", s)).hasSize(1);
        }
    }

    @Test
    void echoCheckScenarioAllSentFramesValid() throws Throwable {
        try (WsHarness h = WsHarness.start(SPEC, "echo-check", work.resolve("echo.json"), "--idle", "1")) {
            Object s = gen.call(DRIVER, "open", h.url());
            gen.call(DRIVER, "sendSome", s);
            gen.call(DRIVER, "awaitClosed", s, 30L);
            Object report = JsonTrees.parse(h.awaitReport(30));
            assertThat(JsonTrees.number(report, "summary.invalid"))
                    .as("%s", JsonTrees.at(report, "received.invalidDetails"))
                    .isZero();
            assertThat(JsonTrees.number(report, "summary.valid")).isEqualTo(8);
            assertThat((List<String>) gen.call(DRIVER, "closes", s)).containsExactly("1000:idle");
        }
    }

    private static void waitForQuiet(WsGenerated gen, Object s, long quietMillis) throws Throwable {
        int last = -1;
        long since = System.currentTimeMillis();
        long deadline = since + 20000;
        while (System.currentTimeMillis() < deadline) {
            int n = ((List<?>) gen.call(DRIVER, "events", s)).size();
            if (n != last) {
                last = n;
                since = System.currentTimeMillis();
            } else if (n > 0 && System.currentTimeMillis() - since > quietMillis) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
