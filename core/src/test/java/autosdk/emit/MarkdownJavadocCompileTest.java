package autosdk.emit;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Generator;
import autosdk.write.GeneratedFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs whose descriptions use every Markdown construct (and some hostile text) generate Javadoc that
 * javac's doclint accepts: no HTML, syntax or reference problems in any generated comment.
 */
class MarkdownJavadocCompileTest {
    @TempDir
    Path dir;

    @Test
    void markdownDescriptionsPassDoclint() throws Exception {
        List<GeneratedFile> files = new ArrayList<>();
        files.addAll(generate("markdown.yaml", "com.example.md"));
        files.addAll(generate("markdown-async.yaml", "com.example.mdws"));

        String item = content(files, "/Item.java");
        assertThat(item)
                .contains(
                        "<b>An item</b>",
                        "<em>item</em>",
                        "<strong>strong</strong>",
                        "<br>",
                        "<blockquote>",
                        "<hr>",
                        "<pre>\n * indented code &#123;with braces&#125;\n * &#64;Override",
                        "<a href=\"mailto:someone&#64;example.com\">",
                        "&#64;param x is not a tag",
                        "<code>&#125;&#123;</code>",
                        // Two pieces: the 120-column layout may break the Javadoc line between them.
                        "Line\\u2028separated,",
                        "<code>co\\u2029de</code>");
        assertThat(files.stream()
                        .map(GeneratedFile::content)
                        .filter(c -> c.contains(
                                "<pre>{@code\n     * {\"id\": \"a\", \"tags\": {\"x\": 1}}\n     * }</pre>")))
                .as("the fenced JSON of getItem")
                .isNotEmpty();

        List<String> problems = doclint(files);
        assertThat(problems).as("doclint on the generated sources").isEmpty();
    }

    @Test
    void sendAndOnMethodsSayWhatThePayloadSays() throws Exception {
        String client = generate("markdown-async.yaml", "com.example.mdws").stream()
                .filter(f ->
                        f.relativePath().endsWith("Client.java") && f.content().contains("sendConversationItemCreate"))
                .map(GeneratedFile::content)
                .findFirst()
                .orElseThrow();
        String send = javadocBefore(client, "sendConversationItemCreate(");
        assertThat(send)
                .contains(
                        "conversation.item.create",
                        "<p>Send this event when adding an item to the conversation.",
                        "{@code previous_item_id} places it; see <a href=\"https://example.com/guide\">the guide</a>.");
        String on = javadocBefore(client, "onConversationItemCreated(");
        assertThat(on)
                .contains(
                        "conversation.item.created",
                        "<p>Returned when an item is created.",
                        "<p>Returned when a <em>conversation item</em> is created.");
    }

    private List<GeneratedFile> generate(String spec, String namespace) throws Exception {
        Path out = dir.resolve(namespace);
        return Generator.generate(
                        GenerationRequest.of(Path.of("src/test/resources/fixtures/markdown/" + spec), namespace, out))
                .files();
    }

    private static String content(List<GeneratedFile> files, String path) {
        return files.stream()
                .filter(f -> f.relativePath().endsWith(path))
                .map(GeneratedFile::content)
                .findFirst()
                .orElseThrow();
    }

    /** The Javadoc comment that ends right before the first declaration containing {@code declaration}. */
    private static String javadocBefore(String source, String declaration) {
        int at = source.indexOf(declaration);
        assertThat(at).as(declaration).isPositive();
        int end = source.lastIndexOf("*/", at);
        return source.substring(source.lastIndexOf("/**", end), end);
    }

    /** Compiles with {@code -Xdoclint:all,-missing} and returns every doclint diagnostic (errors and warnings). */
    private List<String> doclint(List<GeneratedFile> files) throws Exception {
        Path src = dir.resolve("src");
        List<Path> sources = new ArrayList<>();
        for (GeneratedFile f : files) {
            Path p = src.resolve(f.relativePath());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            if (p.toString().endsWith(".java")) sources.add(p);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-d",
                    dir.resolve("classes").toString(),
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-encoding",
                    "UTF-8",
                    "--release",
                    "17",
                    "-proc:none",
                    "-Xdoclint:all,-missing",
                    "-Xmaxwarns",
                    "10000",
                    "-Xmaxerrs",
                    "10000");
            boolean ok = javac.getTask(
                            new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources))
                    .call();
            List<String> problems = diagnostics.getDiagnostics().stream()
                    // javac reports doclint findings, errors and warnings alike, under the code proc.messager.
                    .filter(d ->
                            d.getKind() == Diagnostic.Kind.ERROR || d.getCode().endsWith("proc.messager"))
                    .map(d -> (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                            + d.getCode() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.toList());
            if (!ok && problems.isEmpty()) problems.add("javac failed");
            return problems;
        }
    }
}
