package autosdk.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import autosdk.GenerationRequest;
import autosdk.GenerationRequest.ModelMode;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.UsageException;
import autosdk.diag.Diagnostic;
import autosdk.diag.SpecException;
import autosdk.testing.Compiler;
import autosdk.testing.Corpus;
import autosdk.write.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's two-step mode on the corpus pairs: step 1 generates the REST models, step 2 the
 * realtime client against them — checked before writing, with exact messages when names or
 * shapes differ, and {@code auto} generating only what does not match.
 */
class SharedTypesTest {
    @TempDir
    Path dir;

    private Path step1(String pair, String spec, String namespace) throws Exception {
        Path out = dir.resolve("Generated");
        Generator.generate(GenerationRequest.of(Corpus.file(pair + "/" + spec), namespace, out));
        assertThat(out.resolve(namespace.replace('.', '/')).resolve(TypeIndex.FILE_NAME))
                .exists();
        return out;
    }

    private static GenerationRequest step2(String pair, String namespace, Path out, ModelMode mode) {
        return GenerationRequest.builder(Corpus.file(pair + "/asyncapi.json"), namespace + ".Realtime", out)
                .typesNamespace(namespace)
                .generateModels(mode)
                .jsonSerializerContext(mode == ModelMode.FALSE ? namespace + ".SourceGenerationContext" : null)
                .build();
    }

    private static List<String> errors(GenerationRequest request) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> Generator.generate(request));
        assertThat(e).as("step 2 must fail").isNotNull();
        assertThat(request.output().resolve(request.namespace().replace('.', '/')))
                .doesNotExist();
        List<String> lines = new java.util.ArrayList<>(e.diagnostics().stream()
                .map(Diagnostic::toString)
                .map(s -> s.replace(Corpus.root() + "/", ""))
                .toList());
        e.hints().forEach(hint -> lines.add("hint: " + hint));
        return lines;
    }

    private void assertGolden(String name, List<String> actual) throws Exception {
        Path golden = Path.of("src/test/resources/golden/shared/" + name + ".txt");
        String text = String.join("\n", actual) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void openAiPairSharesEveryTypeAndCompilesTogether() throws Exception {
        Path out = step1("tryAGI-OpenAI", "openapi.yaml", "tryAGI.OpenAI");
        GenerationResult realtime = Generator.generate(step2("tryAGI-OpenAI", "tryAGI.OpenAI", out, ModelMode.FALSE));
        assertThat(realtime.typeCount()).as("no models are generated in step 2").isZero();
        assertThat(realtime.files()).noneMatch(f -> f.relativePath().endsWith("SourceGenerationContext.java"));
        String client = realtime.files().stream()
                .filter(f -> !f.relativePath().contains("/runtime/"))
                .map(GeneratedFile::content)
                .collect(Collectors.joining("\n"));
        assertThat(client).contains("tryAGI.OpenAI.SourceGenerationContext");
        Compiler.Result compiled = Compiler.compileAgainst(realtime.files(), out, dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }

    @Test
    void elevenLabsPairFailsNamingTheMissingTypesAndAutoCompiles() throws Exception {
        Path out = step1("tryAGI-ElevenLabs", "openapi.json", "tryAGI.ElevenLabs");
        List<String> errors = errors(step2("tryAGI-ElevenLabs", "tryAGI.ElevenLabs", out, ModelMode.FALSE));
        assertGolden("elevenlabs-false", errors);
        // The hint names exactly what auto then generates.
        assertThat(errors)
                .last()
                .asString()
                .contains("--generate-models auto")
                .contains("generate the 9 that are missing");

        GenerationResult auto =
                Generator.generate(step2("tryAGI-ElevenLabs", "tryAGI.ElevenLabs", out, ModelMode.AUTO));
        assertThat(auto.notes())
                .anySatisfy(n -> assertThat(n).startsWith("Generated 9 type(s) in tryAGI.ElevenLabs.Realtime"));
        Compiler.Result compiled = Compiler.compileAgainst(auto.files(), out, dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }

    @Test
    void xaiPairFailsWithExactMessagesAndAutoCompiles() throws Exception {
        Path out = step1("tryAGI-Xai", "openapi.yaml", "tryAGI.Xai");
        assertGolden("xai-false", errors(step2("tryAGI-Xai", "tryAGI.Xai", out, ModelMode.FALSE)));
        GenerationResult auto = Generator.generate(step2("tryAGI-Xai", "tryAGI.Xai", out, ModelMode.AUTO));
        Compiler.Result compiled = Compiler.compileAgainst(auto.files(), out, dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }

    @Test
    void shapeDifferencesNamePropertiesAndAutoReusesOnlyWhatMatches() throws Exception {
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs);
        Files.writeString(specs.resolve("rest.yaml"), """
                openapi: 3.0.3
                info: {title: rest, version: "1"}
                paths: {}
                components:
                  schemas:
                    Pet: {type: object, required: [name], properties: {name: {type: string}, age: {type: integer}}}
                    Owner: {type: object, properties: {pet: {$ref: '#/components/schemas/Pet'}}}
                    Status: {type: string, enum: [on, off]}
                """);
        Files.writeString(specs.resolve("ws.yaml"), """
                asyncapi: 3.0.0
                info: {title: ws, version: "1"}
                channels:
                  c:
                    address: /c
                    messages:
                      m: {payload: {$ref: '#/components/schemas/Owner'}}
                      s: {payload: {$ref: '#/components/schemas/Stat'}}
                operations:
                  r: {action: receive, channel: {$ref: '#/channels/c'}}
                components:
                  schemas:
                    Pet: {type: object, required: [name], properties: {name: {type: string}, age: {type: string}, \
                      color: {type: string}}}
                    Owner: {type: object, properties: {pet: {$ref: '#/components/schemas/Pet'}}}
                    Stat: {type: object, properties: {ok: {type: boolean}}}
                """);
        Path out = dir.resolve("Generated");
        Generator.generate(GenerationRequest.of(specs.resolve("rest.yaml"), "com.acme", out));
        GenerationRequest strict = GenerationRequest.builder(specs.resolve("ws.yaml"), "com.acme.live", out)
                .typesNamespace("com.acme")
                .generateModels(ModelMode.FALSE)
                .jsonSerializerContext("SourceGenerationContext")
                .build();
        String ws = specs.resolve("ws.yaml").toString();
        assertThat(errors(strict))
                .containsExactly(
                        ws
                                + ":13:10: error: type 'Pet' has another shape in com.acme: property 'age' is "
                                + "string? here but int64? there; "
                                + "property 'color' is missing there (at /components/schemas/Pet)",
                        ws + ":15:11: error: type 'Stat' does not exist in com.acme (did you mean "
                                + "'Status'?) (at /components/schemas/Stat)",
                        // Owner matches but refers to the differing Pet, so the hint counts it among the generated
                        // ones, as auto does.
                        "hint: --generate-models auto would reuse the 0 matching type(s) of com.acme and "
                                + "generate the 3 that are missing or differ here");

        GenerationRequest auto = GenerationRequest.builder(specs.resolve("ws.yaml"), "com.acme.live", out)
                .typesNamespace("com.acme")
                .generateModels(ModelMode.AUTO)
                .build();
        GenerationResult result = Generator.generate(auto);
        // Owner matches by name and shape but refers to a Pet that differs, so it cannot be reused either.
        assertThat(result.notes())
                .containsExactly(
                        "Reused 0 type(s) from com.acme", "Generated 3 type(s) in com.acme.live: Owner, Pet, Stat");
    }

    @Test
    void typesSuffixedByTheModelsRunAreFoundUnderTheirSuffixedNames() throws Exception {
        // "Pet" and "pet" are one Java name; the models run calls the second Pet2, and the client run must look it up
        // so.
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs);
        String schemas = """
                components:
                  schemas:
                    Pet: {type: object, properties: {name: {type: string}}}
                    pet: {type: object, properties: {id: {type: integer}}}
                """;
        Files.writeString(specs.resolve("rest.yaml"), """
                openapi: 3.0.3
                info: {title: rest, version: "1"}
                paths: {}
                """ + schemas);
        Files.writeString(specs.resolve("ws.yaml"), """
                asyncapi: 3.0.0
                info: {title: ws, version: "1"}
                channels:
                  c:
                    address: /c
                    messages:
                      big: {payload: {$ref: '#/components/schemas/Pet'}}
                      small: {payload: {$ref: '#/components/schemas/pet'}}
                operations:
                  r: {action: receive, channel: {$ref: '#/channels/c'}}
                """ + schemas);
        Path out = dir.resolve("Generated");
        Generator.generate(GenerationRequest.of(specs.resolve("rest.yaml"), "com.acme", out));
        assertThat(out.resolve("com/acme/Pet2.java")).exists();
        GenerationResult ws =
                Generator.generate(GenerationRequest.builder(specs.resolve("ws.yaml"), "com.acme.live", out)
                        .typesNamespace("com.acme")
                        .generateModels(ModelMode.FALSE)
                        .jsonSerializerContext("SourceGenerationContext")
                        .build());
        String client = ws.files().stream()
                .filter(f -> !f.relativePath().contains("/runtime/"))
                .map(GeneratedFile::content)
                .collect(Collectors.joining("\n"));
        assertThat(client).contains("com.acme.Pet2");
        Compiler.Result compiled = Compiler.compileAgainst(ws.files(), out, dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }

    @Test
    void aClientPackageNamedLikeATypesClassIsAUsageError() throws Exception {
        Path out = step1("tryAGI-Xai", "openapi.yaml", "tryAGI.Xai");
        GenerationRequest clash = GenerationRequest.builder(
                        Corpus.file("tryAGI-Xai/asyncapi.json"), "tryAGI.Xai.Model", out)
                .typesNamespace("tryAGI.Xai")
                .generateModels(ModelMode.AUTO)
                .build();
        assertThatThrownBy(() -> Generator.generate(clash))
                .isInstanceOf(UsageException.class)
                .hasMessage("--namespace tryAGI.Xai.Model would put package tryAGI.Xai.Model beside the class "
                        + "tryAGI.Xai.Model of the "
                        + "same name, which Java does not allow; choose another --namespace");
    }

    @Test
    void missingIndexAndWrongContextAreUsageErrors() throws Exception {
        Path out = dir.resolve("empty");
        assertThatThrownBy(() -> Generator.generate(step2("tryAGI-Xai", "tryAGI.Xai", out, ModelMode.FALSE)))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("no type index of tryAGI.Xai at ");
        assertThatThrownBy(() -> Generator.generate(
                        GenerationRequest.builder(Corpus.file("tryAGI-Xai/asyncapi.json"), "a.b", out)
                                .generateModels(ModelMode.FALSE)
                                .build()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --types-namespace");
    }
}
