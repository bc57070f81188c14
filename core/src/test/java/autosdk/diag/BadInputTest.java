package autosdk.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import autosdk.GenerationRequest;
import autosdk.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken specs end in exact, located diagnostics and write nothing. */
class BadInputTest {
    private static final String DIR = "src/test/resources/fixtures/bad/";

    @TempDir
    Path out;

    private List<String> diagnostics(String file) throws Exception {
        GenerationRequest request = GenerationRequest.of(Path.of(DIR + file), "com.example.bad", out);
        SpecException e = catchThrowableOfType(SpecException.class, () -> Generator.generate(request));
        assertThat(e).as("expected diagnostics for %s", file).isNotNull();
        try (var files = Files.list(out)) {
            assertThat(files).as("nothing written").isEmpty();
        }
        return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void malformedJson() throws Exception {
        assertThat(diagnostics("malformed.json"))
                .containsExactly(DIR + "malformed.json:3:62: error: malformed JSON: "
                        + "Unexpected character ('}' (code 125)): was expecting double-quote to start "
                        + "field name (at /)");
    }

    @Test
    void malformedYaml() throws Exception {
        assertThat(diagnostics("malformed.yaml"))
                .containsExactly(DIR + "malformed.yaml:7:1: error: malformed YAML: "
                        + "while parsing a flow sequence, expected ',' or ']', but got <stream end> (at /)");
    }

    @Test
    void wrongNodeKind() throws Exception {
        assertThat(diagnostics("info-string.yaml"))
                .containsExactly(
                        DIR + "info-string.yaml:2:7: error: 'info' must be an object, found a string (at /info)");
    }

    @Test
    void emptyFile() throws Exception {
        assertThat(diagnostics("empty.yaml")).containsExactly(DIR + "empty.yaml:1:1: error: the file is empty (at /)");
    }

    @Test
    void binaryGarbage() throws Exception {
        assertThat(diagnostics("garbage.json"))
                .containsExactly(
                        DIR + "garbage.json:1:1: error: not a text file: the content is not valid UTF-8 (at /)");
    }

    @Test
    void absurdNesting() throws Exception {
        assertThat(diagnostics("deep.json"))
                .containsExactly(DIR + "deep.json:1:314: error: document is nested deeper than 256 levels (at /)");
    }

    @Test
    void unsupportedDocuments() throws Exception {
        assertThat(diagnostics("swagger2.yaml"))
                .containsExactly(DIR + "swagger2.yaml:1:10: error: Swagger 2.0 is not supported; "
                        + "convert the document to OpenAPI 3 first (for example with swagger2openapi) (at /swagger)");
        assertThat(diagnostics("unknown-version.yaml"))
                .containsExactly(DIR + "unknown-version.yaml:1:10: error: "
                        + "unsupported openapi version \"4.0.0\"; supported: 3.0.x or 3.1.x (at /openapi)");
        assertThat(diagnostics("not-a-spec.yaml"))
                .containsExactly(DIR + "not-a-spec.yaml:1:1: error: not an OpenAPI or AsyncAPI "
                        + "document: the root has neither an 'openapi' nor an 'asyncapi' key (at /)");
    }

    @Test
    void everyRefProblemInOneRun() throws Exception {
        String f = DIR + "refs.yaml";
        assertThat(diagnostics("refs.yaml"))
                .containsExactly(
                        DIR
                                + "ext/sub/types.yaml:5:18: error: $ref "
                                + "'../../refs.yaml#/components/schemas/Nope' does not resolve: "
                                + "no 'Nope' in refs.yaml at /components/schemas (at /Thing/properties/bad/$ref)",
                        f
                                + ":9:20: error: $ref '#/components/schemas/Missing' does not resolve: no "
                                + "'Missing' in refs.yaml at "
                                + "/components/schemas (at /components/schemas/Broken/properties/a/$ref)",
                        f
                                + ":10:21: error: $ref cycle: the references #/components/schemas/CycleB -> "
                                + "#/components/schemas/CycleA -> "
                                + "#/components/schemas/CycleB lead back to themselves and never reach a "
                                + "schema (at /components/schemas/CycleA/$ref)",
                        f
                                + ":11:21: error: $ref cycle: the references #/components/schemas/CycleA -> "
                                + "#/components/schemas/CycleB -> "
                                + "#/components/schemas/CycleA lead back to themselves and never reach a "
                                + "schema (at /components/schemas/CycleB/$ref)",
                        f
                                + ":12:21: error: $ref 'https://example.com/schemas.yaml#/Pet' points to a "
                                + "remote document; AutoSDK never fetches "
                                + "over the network. Save the document beside the spec and refer to it by a "
                                + "relative path (at /components/schemas/Remote/$ref)",
                        f + ":13:22: error: $ref '../../../../../etc/passwd' points outside the spec's folder ("
                                + DIR.substring(0, DIR.length() - 1)
                                + "); refs may only reach files beside or below the spec, "
                                + "so move the spec up to the folder that holds everything it refers to (at "
                                + "/components/schemas/Outside/$ref)",
                        f + ":14:21: error: $ref points to a missing file: ext/nope.yaml (at "
                                + "/components/schemas/NoFile/$ref)",
                        f + ":18:19: error: 'properties' must be an object, found a string (at "
                                + "/components/schemas/WrongType/properties)",
                        f + ":19:21: error: 'required item' must be a string, found an object (at "
                                + "/components/schemas/WrongType/required/1)");
    }
}
