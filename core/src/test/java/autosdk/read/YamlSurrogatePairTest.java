package autosdk.read;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characters outside the Basic Multilingual Plane (emoji) are two UTF-16 chars. The YAML parser reads its input in
 * chunks of about a thousand chars, so in a large file some emoji falls across a chunk boundary; snakeyaml-engine 2.10
 * then threw an IndexOutOfBoundsException (an internal error on a valid spec). Each document here is shifted by one
 * more char, so across the shifts an emoji's first half lands on every chunk boundary the parser uses.
 */
class YamlSurrogatePairTest {
    private static final String ROCKET = "\uD83D\uDE80"; // U+1F680, two UTF-16 chars
    private static final int VALUES = 300;
    /** Twice the default chunk size and then some, so the first chunk boundary meets every char of an emoji line. */
    private static final int SHIFTS = 48;

    @TempDir
    Path dir;

    /**
     * An OpenAPI document with {@code shift} padding chars before hundreds of emoji-laden lines, 5 buffer chunks or
     * more long.
     */
    private static String spec(int shift, String tail) {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n  description: \"")
                .append("x".repeat(shift))
                .append("\"\npaths: {}\ncomponents:\n  schemas:\n    Mood:\n      type: string\n")
                .append("      description: |\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("        ")
                    .append(ROCKET.repeat(1 + i % 5))
                    .append(" line ")
                    .append(i)
                    .append('\n');
        }
        yaml.append("      enum:\n");
        for (int i = 0; i < VALUES; i++) {
            yaml.append("        - \"").append(value(i)).append("\"\n");
        }
        yaml.append("      x-").append(ROCKET).append(": plain ").append(ROCKET).append(" scalar\n");
        return yaml.append(tail).toString();
    }

    private static String value(int i) {
        return ROCKET + " launch " + i + " " + ROCKET.repeat(i % 3);
    }

    private Path write(int shift, String tail) throws Exception {
        Path file = dir.resolve("shift" + shift + ".yaml");
        Files.writeString(file, spec(shift, tail));
        return file;
    }

    @Test
    void emojiOnEveryChunkBoundaryReadBackIntactWithTheirLines() throws Exception {
        int enumFirstLine = 12 + 40 + 1;
        for (int shift = 0; shift < SHIFTS; shift++) {
            Diagnostics diagnostics = new Diagnostics();
            MapNode root = (MapNode) SpecReader.readTree(write(shift, "    After:\n      type: integer\n"), diagnostics)
                    .orElseThrow();
            assertThat(diagnostics.all()).as("shift %d", shift).isEmpty();
            MapNode schemas = (MapNode) ((MapNode) root.get("components")).get("schemas");
            MapNode mood = (MapNode) schemas.get("Mood");
            assertThat(mood.string("description").orElseThrow())
                    .as("shift %d", shift)
                    .startsWith(ROCKET + " line 0\n")
                    .endsWith(ROCKET.repeat(5) + " line 39\n");
            List<SpecNode> values = ((ListNode) mood.get("enum")).items();
            List<String> texts = new ArrayList<>();
            for (SpecNode node : values) texts.add(((ScalarNode) node).text());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < VALUES; i++) expected.add(value(i));
            assertThat(texts).as("shift %d", shift).isEqualTo(expected);
            assertThat(mood.string("x-" + ROCKET)).contains("plain " + ROCKET + " scalar");
            SpecNode last = values.get(VALUES - 1);
            assertThat(last.location().line()).as("shift %d", shift).isEqualTo(enumFirstLine + VALUES - 1);
            assertThat(last.location().column()).isEqualTo(11);
            SpecNode after = ((MapNode) schemas.get("After")).get("type");
            assertThat(after.location().line()).isEqualTo(enumFirstLine + VALUES + 2);
            assertThat(after.location().column()).isEqualTo(13);
        }
    }

    @Test
    void malformedYamlAfterManyEmojiIsReportedAtItsLineAndColumn() throws Exception {
        int badLine = 12 + 40 + 1 + VALUES + 1;
        for (int shift = 0; shift < SHIFTS; shift++) {
            Diagnostics diagnostics = new Diagnostics();
            assertThat(SpecReader.readTree(write(shift, "    Bad: a: b\n"), diagnostics))
                    .isEmpty();
            List<Diagnostic> all = diagnostics.all();
            assertThat(all).as("shift %d", shift).hasSize(1);
            assertThat(all.get(0).message()).startsWith("malformed YAML");
            assertThat(all.get(0).location().line())
                    .as("shift %d: %s", shift, all.get(0))
                    .isEqualTo(badLine);
            assertThat(all.get(0).location().column()).isEqualTo(11);
        }
    }
}
