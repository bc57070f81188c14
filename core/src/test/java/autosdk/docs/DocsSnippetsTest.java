package autosdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Generator;
import autosdk.Transport;
import autosdk.testing.Compiler;
import autosdk.write.GeneratedFile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the SDK it shows, generated here.
 *
 * <p>The convention, for whoever writes docs: the line right before a Java block is an HTML comment (invisible on
 * GitHub) that says what the block needs:
 * <pre>
 * &lt;!-- compile: sdk=chat given="ChatApiClient api, NewRoom newRoom" imports="com.example.chat.Error" --&gt;
 * </pre>
 * {@code sdk} names one of {@link #SDKS} (its package and runtime package are imported with {@code *}, as are
 * {@code java.util}, {@code java.util.concurrent}, {@code java.util.stream}, {@code java.time} and
 * {@code java.nio.file});
 * {@code given} declares the variables the fragment uses without defining them (they become parameters of the method
 * the fragment is wrapped in, which may throw anything; {@code Log log} is a logger with {@code info/warn/debug});
 * {@code imports} adds single-type imports, e.g. to pick a model that shares a {@code java.lang} name. {@code import}
 * lines inside a block are moved above the class. A block that cannot be compiled here says
 * {@code <!-- compile: skip: why -->}; keep those rare (today: the two Java 21 pattern {@code switch} examples, and
 * the OpenAI streaming example, whose 2,374-file SDK is too large for this test).
 * A Java block without a marker fails the test, so a new snippet cannot slip past it.
 *
 * <p>Speed: the SDKs are only generated, never compiled as a whole; all snippets go through one javac run with the
 * generated sources on the {@code -sourcepath}, so javac compiles just the classes the snippets reach.
 */
class DocsSnippetsTest {
    private static final Path ROOT = Path.of("..");

    /** An SDK the docs show: spec, package, whose side an AsyncAPI document describes, and its transport. */
    private record Sdk(String spec, String pkg, GenerationRequest.Perspective perspective, Transport transport) {
        Sdk(String spec, String pkg, GenerationRequest.Perspective perspective) {
            this(spec, pkg, perspective, Transport.JDK);
        }
    }

    private static final Map<String, Sdk> SDKS = Map.of(
            "chat", new Sdk("examples/chat/openapi.yaml", "com.example.chat", null),
            "chat-realtime", new Sdk("examples/chat/asyncapi.yaml", "com.example.chat.realtime", null),
            "mycompany", new Sdk("examples/chat/openapi.yaml", "MyCompany.MyApi", null),
            "petstore", new Sdk("../shared/corpus/swagger-petstore/openapi.yaml", "com.example.petstore", null),
            "paging", new Sdk("core/src/test/resources/fixtures/rest/paging.yaml", "com.example.paging", null),
            "petstore-okhttp",
                    new Sdk(
                            "../shared/corpus/swagger-petstore/openapi.yaml",
                            "com.example.petstore.okhttp",
                            null,
                            Transport.OKHTTP),
            "realtime", new Sdk("../shared/corpus/tryAGI-OpenAI/asyncapi.json", "com.example.realtime", null),
            "kraken",
                    new Sdk(
                            "../shared/corpus/asyncapi-spec-v3.0.0/"
                                    + "kraken-websocket-request-reply-message-filter-in-reply-asyncapi.yml",
                            "com.example.kraken",
                            GenerationRequest.Perspective.SERVER));

    private static final Pattern MARKER = Pattern.compile("<!--\\s*compile:\\s*(.*?)\\s*-->");
    private static final Pattern OPTION = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))");

    /** One Java block: where it is, what its marker said, and its lines. */
    private record Snippet(String doc, int line, Map<String, String> options, List<String> code) {
        String className() {
            return doc.replaceAll("[^A-Za-z0-9]", "_") + "_line" + line;
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyJavaSnippetOfTheDocsCompilesAgainstTheSdkItShows() throws Exception {
        List<Snippet> snippets = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (Path doc : docs()) snippets.addAll(extract(doc, unmarked));
        assertThat(unmarked)
                .as("Java blocks without a <!-- compile: … --> marker")
                .isEmpty();
        List<Snippet> compiled =
                snippets.stream().filter(s -> !s.options().containsKey("skip")).toList();
        assertThat(compiled).as("snippets found").hasSizeGreaterThan(10);
        assertThat(snippets.size() - compiled.size()).as("opt-outs stay rare").isLessThanOrEqualTo(3);

        // Generate each SDK the snippets name, once, into its own source root.
        TreeSet<String> wanted = new TreeSet<>();
        compiled.forEach(s -> wanted.add(s.options().get("sdk")));
        List<String> roots = new ArrayList<>();
        for (String name : wanted) {
            Sdk sdk = SDKS.get(name);
            assertThat(sdk).as("the SDK named by sdk=%s", name).isNotNull();
            roots.add(generate(name, sdk).toString());
        }
        List<Path> sources = new ArrayList<>();
        Path snippetRoot = dir.resolve("snippets");
        for (Snippet s : compiled) {
            Path file = snippetRoot.resolve("docs/" + s.className() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, wrap(s), StandardCharsets.UTF_8);
            sources.add(file);
        }
        Compiler.Result result = Compiler.compilePaths(
                sources,
                dir.resolve("classes"),
                List.of(),
                List.of("-sourcepath", String.join(File.pathSeparator, roots)));
        assertThat(result.errors())
                .as("javac errors (the class name says the doc and the line of its block)")
                .isEmpty();
    }

    private static List<Path> docs() throws Exception {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** The Java blocks of one Markdown file, each with the options of the marker on the line before it. */
    static List<Snippet> extract(Path doc, List<String> unmarked) throws Exception {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        String name = ROOT.relativize(doc).toString();
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals("```java")) continue;
            int start = i;
            List<String> code = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) code.add(lines.get(i));
            Matcher marker = start > 0 ? MARKER.matcher(lines.get(start - 1)) : null;
            if (marker == null || !marker.find()) {
                unmarked.add(name + ":" + (start + 1));
                continue;
            }
            out.add(new Snippet(name, start + 1, options(marker.group(1)), code));
        }
        return out;
    }

    private static Map<String, String> options(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.startsWith("skip")) {
            out.put("skip", text);
            return out;
        }
        Matcher m = OPTION.matcher(text);
        while (m.find()) out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        return out;
    }

    /** The snippet as a class: imports first, the fragment as the body of a method whose parameters are the givens. */
    private static String wrap(Snippet s) {
        String pkg = SDKS.get(s.options().get("sdk")).pkg();
        StringBuilder out = new StringBuilder("package docs;\n\n");
        for (String p : List.of(
                pkg,
                pkg + ".runtime",
                "java.util",
                "java.util.concurrent",
                "java.util.stream",
                "java.time",
                "java.nio.file")) {
            out.append("import ").append(p).append(".*;\n");
        }
        for (String i : s.options().getOrDefault("imports", "").split(",")) {
            if (!i.isBlank()) out.append("import ").append(i.trim()).append(";\n");
        }
        List<String> body = new ArrayList<>();
        for (String line : s.code()) {
            if (line.startsWith("import ")) out.append(line).append('\n');
            else body.add(line);
        }
        out.append("\nfinal class ")
                .append(s.className())
                .append(" {\n")
                .append("    interface Log { void info(String m, Object... a); void warn(String m, Object... "
                        + "a); void debug(String m, Object... a); }\n\n")
                .append("    static void run(")
                .append(s.options().getOrDefault("given", ""))
                .append(") throws Exception {\n");
        body.forEach(line -> out.append(line).append('\n'));
        return out.append("    }\n}\n").toString();
    }

    private Path generate(String name, Sdk sdk) throws Exception {
        Path spec = ROOT.resolve(sdk.spec()).toAbsolutePath().normalize();
        GenerationRequest request = GenerationRequest.builder(spec, sdk.pkg(), dir.resolve("unused"))
                .perspective(sdk.perspective())
                .transport(sdk.transport())
                .build();
        Path root = dir.resolve("sdk-" + name);
        for (GeneratedFile f : Generator.plan(request).files()) {
            Path p = root.resolve(f.relativePath());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
        }
        return root;
    }
}
