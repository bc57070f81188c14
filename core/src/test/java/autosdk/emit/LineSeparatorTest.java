package autosdk.emit;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.diag.Diagnostics;
import autosdk.read.MapNode;
import autosdk.read.SpecReader;
import autosdk.testing.Sdk;
import autosdk.write.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * U+2028 and U+2029 are line breaks to JavaPoet but plain characters to JSON: spec text keeps them as they are, and
 * only the Java emitter escapes them, so the generated code compiles and reads the original text back.
 */
class LineSeparatorTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Mood:
                  type: string
                  description: "first\\u2028second\\u2029third"
                  enum: ["calm\\u2028down", plain]
            """;

    @TempDir
    Path dir;

    private Path spec() throws Exception {
        Path spec = dir.resolve("separators.yaml");
        Files.writeString(spec, SPEC);
        return spec;
    }

    @Test
    void specTextKeepsTheSeparatorsAsTheyAre() throws Exception {
        MapNode root = (MapNode) SpecReader.readTree(spec(), new Diagnostics()).orElseThrow();
        MapNode mood = (MapNode) ((MapNode) ((MapNode) root.get("components")).get("schemas")).get("Mood");
        assertThat(mood.string("description")).contains("first\u2028second\u2029third");
    }

    @Test
    void aDescriptionWithSeparatorsCompilesAsEscapes() throws Exception {
        Sdk sdk = Sdk.build(spec(), "com.example.sep", dir);
        String mood = sdk.result().files().stream()
                .filter(f -> f.relativePath().endsWith("/Mood.java"))
                .map(GeneratedFile::content)
                .findFirst()
                .orElseThrow();
        assertThat(mood)
                .contains("first\\u2028second\\u2029third")
                .doesNotContain("\u2028")
                .doesNotContain("\u2029");
    }

    @Test
    void anEnumValueWithASeparatorReadsBackAsAKnownValue() throws Throwable {
        Sdk sdk = Sdk.build(spec(), "com.example.sep", dir);
        Object calm = sdk.read("\"calm\u2028down\"", "Mood");
        assertThat(Sdk.call(calm, "isKnown")).isEqualTo(true);
        assertThat(Sdk.call(calm, "value")).isEqualTo("calm\u2028down");
        assertThat(sdk.write(calm)).isEqualTo("\"calm\u2028down\"");
    }
}
