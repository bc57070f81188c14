package autosdk.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import autosdk.GenerationRequest;
import autosdk.Generator;
import autosdk.UsageException;
import autosdk.read.SpecReader;
import autosdk.testing.Corpus;
import autosdk.write.OutputWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs crafted to hurt the generator (alias bombs, symbolic links out of the spec folder, an output folder
 * holding the user's own files) end in a located error or a usage error, and nothing is written.
 */
class HostileInputTest {
    private static final String HEAD = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            """;
    private static final String PET = """
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
            """;

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private List<String> diagnostics(Path spec) throws Exception {
        GenerationRequest request = GenerationRequest.of(spec, "com.example.bad", out());
        SpecException e = catchThrowableOfType(SpecException.class, () -> Generator.generate(request));
        assertThat(e).as("expected diagnostics for %s", spec).isNotNull();
        assertThat(out()).as("nothing written").doesNotExist();
        return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /**
     * Nine levels, each a list of nine aliases of the level before: 9^9 nodes once expanded, from a few hundred bytes.
     */
    static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder(HEAD).append("x-l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < levels; level++) {
            String previous = "*l" + (level - 1);
            yaml.append("x-l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void anAliasBombIsRefusedAtTheAliasThatCrossesTheLimit() throws Exception {
        Path spec = dir.resolve("bomb.yaml");
        Files.writeString(spec, aliasBomb(9));
        assertThat(Files.size(spec)).isLessThan(1000);

        // Levels add 90, 819, 7380 and 66429 nodes (74718 in all); the first *l4 of level 5 adds 66430 more.
        assertThat(diagnostics(spec))
                .containsExactly(spec + ":9:12: error: YAML aliases expand to more than 100000 nodes "
                        + "(alias *l4 alone repeats 66430); a document may grow through aliases by at most "
                        + "one node per character "
                        + "of the file (at least 100000) (at /x-l5/0)");

        Files.writeString(spec, aliasBomb(10)); // 10^9 nodes: refused at the same alias, never expanded
        assertThat(diagnostics(spec)).singleElement().asString().startsWith(spec + ":9:12: error: YAML aliases expand");
    }

    @Test
    void anchorsThatRealSpecsUseStayWithinTheLimit() throws Exception {
        Path spec = dir.resolve("anchors.yaml");
        Files.writeString(spec, aliasBomb(5) + PET);
        GenerationRequest request = GenerationRequest.of(spec, "com.example.ok", out());

        assertThat(Generator.generate(request).files()).isNotEmpty();
    }

    @Test
    void theLargestRealSpecStillReads() {
        Diagnostics diagnostics = new Diagnostics();

        assertThat(SpecReader.readTree(Corpus.file("tryAGI-OpenAI/openapi.yaml"), diagnostics))
                .isPresent();
        assertThat(diagnostics.all()).isEmpty();
    }

    @Test
    void aSymbolicLinkOutOfTheSpecFolderIsRefusedLikeDotDot() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("spec"));
        Path outside = dir.resolve("outside.yaml");
        Files.writeString(outside, "type: string\n");
        Files.createSymbolicLink(folder.resolve("link.yaml"), outside);
        Files.createSymbolicLink(folder.resolve("passwd.yaml"), Path.of("/etc/passwd"));
        Path spec = folder.resolve("openapi.yaml");
        Files.writeString(spec, HEAD + """
                components:
                  schemas:
                    Linked: {$ref: 'link.yaml'}
                    Passwd: {$ref: 'passwd.yaml'}
                    Dotted: {$ref: '../outside.yaml'}
                """);

        List<String> found = diagnostics(spec);

        String refused = "' points outside the spec's folder (" + folder
                + "); refs may only reach files beside or below the spec, "
                + "so move the spec up to the folder that holds everything it refers to";
        assertThat(found)
                .containsExactly(
                        spec + ":6:20: error: $ref 'link.yaml" + refused + " (at /components/schemas/Linked/$ref)",
                        spec + ":7:20: error: $ref 'passwd.yaml" + refused + " (at /components/schemas/Passwd/$ref)",
                        spec + ":8:20: error: $ref '../outside.yaml" + refused
                                + " (at /components/schemas/Dotted/$ref)");
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheSpecFolderIsFollowed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("spec"));
        Files.createDirectories(folder.resolve("shared"));
        Files.writeString(folder.resolve("shared/name.yaml"), "type: string\n");
        Files.createSymbolicLink(folder.resolve("name.yaml"), folder.resolve("shared/name.yaml"));
        Path spec = folder.resolve("openapi.yaml");
        Files.writeString(spec, HEAD + PET.replace("{type: string}", "{$ref: 'name.yaml'}"));

        assertThat(Generator.generate(GenerationRequest.of(spec, "com.example.ok", out()))
                        .files())
                .isNotEmpty();
    }

    @Test
    void aHandWrittenFileInTheWayIsNeverOverwritten() throws Exception {
        Path spec = dir.resolve("openapi.yaml");
        Files.writeString(spec, HEAD + PET);
        Path mine = Files.createDirectories(out().resolve("com/example/mine")).resolve("Pet.java");
        Files.writeString(mine, "package com.example.mine;\n\n/** My own pet. */\npublic class Pet {}\n");
        List<Path> before = listing(out());

        UsageException e = catchThrowableOfType(
                UsageException.class, () -> Generator.generate(GenerationRequest.of(spec, "com.example.mine", out())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .isEqualTo(mine.toAbsolutePath().normalize() + " exists and was not written by AutoSDK (no '"
                        + OutputWriter.MARKER + "' header, not in " + OutputWriter.MANIFEST + "); nothing was written. "
                        + "Move it away or choose another --output");
        assertThat(Files.readString(mine))
                .isEqualTo("package com.example.mine;\n\n/** My own pet. */\npublic class Pet {}\n");
        assertThat(listing(out())).as("nothing written").isEqualTo(before);
    }

    @Test
    void ourOwnFilesAreRewrittenEvenWithoutAManifest() throws Exception {
        Path spec = dir.resolve("openapi.yaml");
        Files.writeString(spec, HEAD + PET);
        Generator.generate(GenerationRequest.of(spec, "com.example.ours", out()));
        Path pet = out().resolve("com/example/ours/Pet.java");
        String generated = Files.readString(pet);
        Files.delete(out().resolve("com/example/ours/" + OutputWriter.MANIFEST));
        Files.writeString(pet, generated.replace("public", "public /* an older run */"));

        Generator.generate(GenerationRequest.of(spec, "com.example.ours", out()));

        assertThat(Files.readString(pet)).isEqualTo(generated);
    }

    private static List<Path> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return new ArrayList<>(files.sorted().toList());
        }
    }
}
