package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.testing.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters named like the locals a generated method body declares still compile: the body's names come first. */
class GeneratedLocalNamesTest {
    @TempDir
    Path dir;

    @Test
    void parametersNamedLikeGeneratedLocalsCompile() throws Exception {
        Path spec = dir.resolve("locals.yaml");
        Files.writeString(spec, """
                openapi: 3.0.3
                info: {title: locals, version: "1"}
                paths:
                  /things:
                    post:
                      operationId: createThing
                      parameters:
                        - {name: json, in: query, required: true, schema: {type: string}}
                        - {name: request, in: query, required: true, schema: {type: string}}
                        - {name: executor, in: header, required: true, schema: {type: string}}
                        - {name: options, in: query, required: true, schema: {type: string}}
                      requestBody:
                        required: true
                        content:
                          application/json: {schema: {type: object, properties: {a: {type: string}}}}
                      responses:
                        '204': {description: done}
                """);
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, "com.example.locals", dir.resolve("out")));
        Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }
}
