package autosdk.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.diag.Diagnostics;
import autosdk.emit.java.EmitOptions;
import autosdk.emit.java.JavaEmitter;
import autosdk.model.ApiModel;
import autosdk.read.MapNode;
import autosdk.read.Pointers;
import autosdk.read.ScalarNode;
import autosdk.read.SpecDocument;
import autosdk.read.SpecNode;
import autosdk.read.SpecReader;
import autosdk.resolve.RefResolver;
import autosdk.testing.Compiler;
import autosdk.testing.Corpus;
import autosdk.testing.JsonTrees;
import autosdk.testing.Plans;
import autosdk.translate.ModelBuilder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.palantir.javapoet.ClassName;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real messages: every {@code example} that a corpus spec gives for a schema that became a class
 * is read with the generated codec and written back; the JSON must be the same. Examples that
 * contradict their own schema must be refused with a decode error, never a crash.
 */
class ExampleRoundTripTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tryAGI-OpenAI/openapi.realtime.yaml",
                "asyncapi-generator/asyncapi-slack-client.yml",
                "asyncapi-spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml",
                "asyncapi-spec-v3.0.0/websocket-gemini-asyncapi.yml",
                "asyncapi-spec-v2.6.0/websocket-gemini.yml"
            })
    void examplesRoundTrip(String relative, @TempDir Path dir) throws Throwable {
        Path spec = Corpus.file(relative);
        Diagnostics diagnostics = new Diagnostics();
        SpecDocument document = SpecReader.read(spec, diagnostics).orElseThrow();
        ApiModel model = ModelBuilder.build(document, true, diagnostics);
        // The package and options of a plain run, so the compile is the one CorpusCompileTest caches for this spec.
        String pkg = GenerationRequest.defaultNamespace(spec);
        JavaEmitter.Output output = new JavaEmitter(new EmitOptions(
                        pkg,
                        ClassName.get(pkg, "SourceGenerationContext"),
                        true,
                        List.of("SourceGenerationContext", "Builder", "Known", "Unknown"),
                        spec.getFileName().toString(),
                        null,
                        null))
                .emit(model);

        List<String[]> cases = new ArrayList<>();
        RefResolver resolver = new RefResolver(spec, document.root(), new Diagnostics());
        collect(document.root(), resolver, output.classNames(), cases);
        Compiler.Result compiled = Compiler.compileCached(
                Plans.of(GenerationRequest.of(spec, pkg, dir.resolve("out"))).files());
        assertThat(compiled.errors()).isEmpty();
        ClassLoader loader = compiled.loader();
        Object context = loader.loadClass(pkg + ".SourceGenerationContext")
                .getField("DEFAULT")
                .get(null);
        var read = context.getClass().getMethod("read", String.class, Class.class);
        var write = context.getClass().getMethod("write", Object.class);

        int roundTrips = 0;
        List<String> refused = new ArrayList<>();
        for (String[] c : cases) {
            Object value;
            try {
                value = read.invoke(context, c[1], loader.loadClass(c[0]));
            } catch (InvocationTargetException e) {
                assertThat(e.getCause())
                        .as("only a decode error may refuse an example of %s", c[0])
                        .isInstanceOf(UncheckedIOException.class);
                refused.add(c[0] + ": " + e.getCause().getMessage());
                continue;
            }
            String back = (String) write.invoke(context, value);
            assertThat(JsonTrees.parse(back))
                    .as("round trip of the example of %s", c[0])
                    .isEqualTo(JsonTrees.parse(c[1]));
            roundTrips++;
        }
        assertThat(roundTrips)
                .as("examples that round-tripped (refused: %s)", refused)
                .isGreaterThanOrEqualTo(Math.max(1, cases.size() * 3 / 4));
    }

    /**
     * Schema examples of object or list shape, and AsyncAPI message examples' payloads, with the class they belong to.
     */
    private static void collect(
            SpecNode node, RefResolver resolver, Map<String, ClassName> classes, List<String[]> cases)
            throws Exception {
        if (node instanceof MapNode map) {
            ClassName own = classes.get(resolver.keyOf(map));
            if (own != null
                    && (map.get("example") instanceof MapNode || map.get("example") instanceof autosdk.read.ListNode)) {
                cases.add(new String[] {own.canonicalName(), json(map.get("example"))});
            }
            if (map.has("payload") && map.get("examples") instanceof autosdk.read.ListNode examples) {
                var target = resolver.follow(map.get("payload"));
                ClassName payload = target.map(t -> classes.get(t.key())).orElse(null);
                for (SpecNode example : examples.items()) {
                    if (payload != null && example instanceof MapNode e && e.get("payload") instanceof MapNode body) {
                        cases.add(new String[] {payload.canonicalName(), json(body)});
                    }
                }
            }
            for (SpecNode child : map.entries().values()) collect(child, resolver, classes, cases);
        } else if (node instanceof autosdk.read.ListNode list) {
            for (SpecNode child : list.items()) collect(child, resolver, classes, cases);
        }
    }

    private static SpecNode at(SpecNode root, String pointer) {
        SpecNode current = root;
        if (pointer.isEmpty()) return current;
        for (String raw : pointer.substring(1).split("/")) {
            String token = Pointers.unescape(raw);
            if (current instanceof MapNode m) current = m.get(token);
            else if (current instanceof autosdk.read.ListNode l && token.matches("\\d+")) {
                current = l.items().get(Integer.parseInt(token));
            } else return null;
            if (current == null) return null;
        }
        return current;
    }

    private static String json(SpecNode node) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            write(g, node);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, SpecNode node) throws Exception {
        if (node instanceof MapNode m) {
            g.writeStartObject();
            for (Map.Entry<String, SpecNode> e : m.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof autosdk.read.ListNode l) {
            g.writeStartArray();
            for (SpecNode item : l.items()) write(g, item);
            g.writeEndArray();
        } else {
            Object v = ((ScalarNode) node).value();
            if (v == null) g.writeNull();
            else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else g.writeNumber(((ScalarNode) node).text());
        }
    }
}
