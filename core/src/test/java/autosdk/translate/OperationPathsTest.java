package autosdk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import autosdk.model.ApiModel;
import autosdk.model.ObjectType;
import autosdk.model.Operation;
import autosdk.model.Parameter;
import autosdk.model.Property;
import autosdk.read.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions about requests made while building the model, so every emitter gets the same answer. */
class OperationPathsTest {
    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private ApiModel build(String yaml) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        return ModelBuilder.build(SpecReader.read(spec, diagnostics).orElseThrow(), true, diagnostics);
    }

    private Operation only(String path) throws Exception {
        ApiModel model = build("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  '%s':
                    get:
                      responses: {'204': {description: none}}
                """.formatted(path));
        return model.operations().get(0);
    }

    @Test
    void aLiteralQueryInThePathIsSentAsDecodedFixedPairs() throws Exception {
        assertThat(only("/files?beta=true&name=a%20b+c").fixedQuery())
                .isEqualTo(Map.of("beta", "true", "name", "a b+c"));
    }

    @Test
    void theRequestPathLeavesTheLiteralQueryOut() throws Exception {
        assertThat(only("/files?beta=true").pathTemplate()).isEqualTo("/files");
    }

    @Test
    void theSpecsPathIsKeptAsWritten() throws Exception {
        assertThat(only("/files?beta=true").path()).isEqualTo("/files?beta=true");
    }

    @Test
    void aPathWithoutALeadingSlashGetsOne() throws Exception {
        assertThat(only("files").pathTemplate()).isEqualTo("/files");
    }

    @Test
    void anUndeclaredPlaceholderBecomesARequiredStringPathParameter() throws Exception {
        Parameter p = only("/things/{id}").parameters().get(0);
        assertThat(p.name() + " " + p.in() + " " + p.required() + " " + p.type())
                .isEqualTo("id PATH true Scalar[kind=STRING]");
    }

    @Test
    void anUndeclaredPlaceholderIsWarnedAboutWhereTheOperationIs() throws Exception {
        only("/things/{id}");
        assertThat(diagnostics.all().stream().map(Diagnostic::toString).map(s -> s.replace(dir + "/", "")))
                .containsExactly("spec.yaml:6:7: warning: path parameter 'id' of GET /things/{id} is not declared; it "
                        + "is sent as a required string (at /paths/~1things~1{id}/get)");
    }

    @Test
    void aDeclaredPlaceholderIsNotWarnedAbout() throws Exception {
        build("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /things/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                      responses: {'204': {description: none}}
                """);
        assertThat(diagnostics.all()).isEmpty();
    }

    private Property property(String schema) throws Exception {
        ApiModel model = build("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths: {}
                components:
                  schemas:
                    Chunk: {type: object, properties: {audio: %s}}
                """.formatted(schema));
        return ((ObjectType) model.types().values().iterator().next())
                .properties()
                .get(0);
    }

    @Test
    void aStringDescribedAsBase64CarriesBase64() throws Exception {
        assertThat(property("{type: string, description: Base64-encoded audio bytes.}")
                        .base64())
                .isTrue();
    }

    @Test
    void aByteFormatCarriesBase64() throws Exception {
        assertThat(property("{type: string, format: byte}").base64()).isTrue();
    }

    @Test
    void aPlainStringDoesNotCarryBase64() throws Exception {
        assertThat(property("{type: string, description: The transcript.}").base64())
                .isFalse();
    }
}
