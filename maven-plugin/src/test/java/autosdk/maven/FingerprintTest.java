package autosdk.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date check sees every input that changes the output, and nothing else. */
class FingerprintTest {
    @TempDir
    Path project;

    Path spec;

    @BeforeEach
    void specWithAnExternalRef() throws Exception {
        spec = project.resolve("api/openapi.yaml");
        Files.createDirectories(project.resolve("api/schemas"));
        Files.writeString(spec, "openapi: 3.0.3\n");
        Files.writeString(project.resolve("api/schemas/pet.json"), "{}");
        Files.writeString(project.resolve("api/README.md"), "notes");
    }

    private String fingerprint(String namespace) throws Exception {
        return new Fingerprint()
                .value("namespace", namespace)
                .exclude(project.resolve("api/generated"))
                .specTree(spec)
                .hex();
    }

    @Test
    void stableWhenNothingChanged() throws Exception {
        assertThat(fingerprint("a.b")).isEqualTo(fingerprint("a.b")).hasSize(64);
    }

    @Test
    void changesWithAnOption() throws Exception {
        assertThat(fingerprint("a.b")).isNotEqualTo(fingerprint("a.c"));
    }

    @Test
    void changesWithTheSpecOrAFileItMayReference() throws Exception {
        String before = fingerprint("a.b");
        Files.writeString(spec, "openapi: 3.1.0\n");
        String specEdited = fingerprint("a.b");
        Files.writeString(project.resolve("api/schemas/pet.json"), "{\"type\":\"object\"}");
        String refEdited = fingerprint("a.b");
        Files.writeString(project.resolve("api/schemas/new.yml"), "type: string");
        String refAdded = fingerprint("a.b");
        assertThat(java.util.Set.of(before, specEdited, refEdited, refAdded)).hasSize(4);
    }

    @Test
    void ignoresOtherFilesBuildOutputAndTheExcludedFolders() throws Exception {
        String before = fingerprint("a.b");
        Files.writeString(project.resolve("api/README.md"), "edited");
        for (String folder : new String[] {"target", "node_modules", ".git", "generated"}) {
            Files.createDirectories(project.resolve("api/" + folder));
            Files.writeString(project.resolve("api/" + folder + "/state.json"), "{\"at\":" + System.nanoTime() + "}");
        }
        assertThat(fingerprint("a.b")).isEqualTo(before);
    }

    @Test
    void stateFileRoundTrips() throws Exception {
        Path state = project.resolve("target/autosdk-state/rest.sha256");
        assertThat(Fingerprint.read(state)).isNull();
        Fingerprint.write(state, "abc");
        assertThat(Fingerprint.read(state)).isEqualTo("abc");
    }
}
