package autosdk.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder keeps what the user put there and loses only what an earlier run generated. */
class OutputWriterTest {
    @TempDir
    Path out;

    @Test
    void rerunRemovesStaleGeneratedFilesAndKeepsForeignOnes() throws Exception {
        OutputWriter writer = new OutputWriter(out);
        Files.createDirectories(out.resolve("p"));
        Files.writeString(out.resolve("p/Mine.java"), "user file");
        writer.write(List.of(new GeneratedFile("p/A.java", "a"), new GeneratedFile("p/B.java", "b")), "p");

        OutputWriter.Summary second =
                writer.write(List.of(new GeneratedFile("p/A.java", "a"), new GeneratedFile("p/C.java", "c")), "p");

        assertThat(second.written()).as("A is unchanged and not rewritten").isEqualTo(1);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(out.resolve("p/B.java")).doesNotExist();
        assertThat(out.resolve("p/C.java")).hasContent("c");
        assertThat(out.resolve("p/Mine.java")).hasContent("user file");
    }

    @Test
    void twoRunsIntoOneOutputDoNotRemoveEachOthersFiles() throws Exception {
        OutputWriter writer = new OutputWriter(out);
        writer.write(List.of(new GeneratedFile("a/A.java", "a")), "a");
        writer.write(List.of(new GeneratedFile("a/b/B.java", "b")), "a/b");
        writer.write(List.of(new GeneratedFile("a/A.java", "a2")), "a");
        assertThat(out.resolve("a/b/B.java")).hasContent("b");
        assertThat(out.resolve("a/A.java")).hasContent("a2");
    }

    @Test
    void aTamperedManifestNeverDeletesOutsideTheOutput() throws Exception {
        Path outside = out.getParent().resolve(out.getFileName() + "-victim.txt");
        Files.writeString(outside, "keep");
        Files.createDirectories(out.resolve("p"));
        Files.writeString(out.resolve("p/" + OutputWriter.MANIFEST), "../../" + outside.getFileName() + "\n");
        new OutputWriter(out).write(List.of(new GeneratedFile("p/A.java", "a")), "p");
        assertThat(outside).hasContent("keep");
        Files.delete(outside);
    }

    @Test
    void pathsThatEscapeAreRefused() {
        assertThatThrownBy(() -> new GeneratedFile("../x.java", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeneratedFile("/abs.java", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutputWriter(out).resolve("a/../../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
