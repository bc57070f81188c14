package autosdk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.diag.Diagnostic;
import autosdk.write.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Habits of real specs found by running published documents: each must generate the right thing. */
class RealWorldQuirksTest {
    @TempDir
    Path dir;

    private GenerationResult generate(String yaml) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        return Generator.plan(GenerationRequest.of(spec, "com.example.q", dir.resolve("out")));
    }

    private static String file(GenerationResult result, String name) {
        return result.files().stream()
                .filter(f -> f.relativePath().endsWith("/" + name))
                .map(GeneratedFile::content)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void allOfThatOnlyAnnotatesAScalarStaysThatScalar() throws Exception {
        GenerationResult result = generate("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths: {}
                components:
                  schemas:
                    Comment:
                      type: object
                      properties:
                        commentId:
                          allOf:
                            - $ref: '#/components/schemas/CommentId'
                            - description: Id of the comment
                        likes:
                          allOf: [{$ref: '#/components/schemas/Count'}, {type: integer, minimum: 0}]
                    CommentId: {type: string}
                    Count: {type: integer, format: int32}
                """);
        assertThat(result.typeCount()).isEqualTo(1);
        assertThat(file(result, "Comment.java"))
                .contains("public String commentId()")
                .contains("public Integer likes()");
    }

    @Test
    void allOfOfOneSchemaAndAnnotationsIsThatSchemaNotAMergedCopy() throws Exception {
        // OpenAI's runs: tool_choice is allOf [$ref: a oneOf of a string and an object, {nullable: true}]; a merged
        // object copy made "auto" undecodable.
        GenerationResult result = generate("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths: {}
                components:
                  schemas:
                    Run:
                      type: object
                      properties:
                        tool_choice:
                          allOf: [{$ref: '#/components/schemas/ToolChoice'}, {nullable: true}]
                        owner:
                          allOf: [{$ref: '#/components/schemas/Owner'}, {description: Who started it, readOnly: true}]
                    ToolChoice:
                      oneOf:
                        - {type: string, enum: [none, auto]}
                        - {type: object, required: [type], properties: {type: {type: string}}}
                    Owner: {type: object, properties: {name: {type: string}}}
                """);
        String run = file(result, "Run.java");
        assertThat(run).contains("public ToolChoice toolChoice()").contains("public Owner owner()");
        assertThat(result.files())
                .noneMatch(f -> f.relativePath().endsWith("/RunToolChoice.java")
                        || f.relativePath().endsWith("/RunOwner.java"));
    }

    @Test
    void oneInlineSchemaWrittenForJsonAndXmlIsOneType() throws Exception {
        GenerationResult result = generate("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /items:
                    get:
                      operationId: listItems
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {type: object, properties: {items: {type: array, items: {type: string}}}}
                            application/xml:
                              schema:
                                type: object
                                xml: {name: list}
                                properties: {items: {type: array, items: {type: string}, xml: {wrapped: true}}}
                """);
        assertThat(result.typeCount()).isEqualTo(1);
        assertThat(result.files())
                .anyMatch(f -> f.relativePath().endsWith("/ListItemsResponse.java"))
                .noneMatch(f -> f.relativePath().endsWith("/ListItemsResponse2.java"));
    }

    @Test
    void nonJsonSchemaPayloadsAreNotResolvedEvenWithRemoteRefs() throws Exception {
        GenerationResult result = generate("""
                asyncapi: 3.0.0
                info: {title: t, version: '1'}
                channels:
                  c:
                    address: c
                    messages:
                      m:
                        payload:
                          schemaFormat: application/vnd.apache.avro;version=1.9.0
                          schema: {$ref: 'https://example.com/x.avsc'}
                operations:
                  o: {action: receive, channel: {$ref: '#/channels/c'}}
                """);
        assertThat(result.warnings())
                .extracting(Diagnostic::message)
                .containsExactly("message 'm' uses schemaFormat application/vnd.apache.avro;version=1.9.0, which is "
                        + "not JSON Schema; its payload is typed as raw JSON");
    }

    @Test
    void brokenRefsInPartsWeDoNotGenerateAreStillReported() throws Exception {
        GenerationResult result = generate("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /s:
                    post:
                      callbacks:
                        onData:
                          '{$request.query.cb}':
                            post:
                              requestBody:
                                content:
                                  application/json:
                                    schema: {$ref: '#/components/schemas/Missing'}
                              responses: {'200': {description: ok}}
                      responses: {'204': {description: none}}
                """);
        assertThat(result.warnings())
                .extracting(Diagnostic::toString)
                .containsExactly(dir.resolve("spec.yaml")
                        + ":13:36: warning: $ref '#/components/schemas/Missing' does not resolve: no "
                        + "'components' in spec.yaml at / (in a part of the "
                        + "document the generated code does not use) (at "
                        + "/paths/~1s/post/callbacks/onData/{$request.query.cb}/post/requestBody/"
                        + "content/application~1json/schema/$ref)");
    }

    @Test
    void duplicateKeysWarnAndTheLastWins() throws Exception {
        GenerationResult result = generate("""
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /p:
                    get:
                      operationId: first
                      operationId: second
                      responses: {'204': {description: none}}
                """);
        assertThat(result.warnings())
                .extracting(Diagnostic::toString)
                .containsExactly(dir.resolve("spec.yaml")
                        + ":7:20: warning: duplicate key 'operationId' in one object; the last value "
                        + "is used (at /paths/~1p/get/operationId)");
        assertThat(file(result, "TClient.java"))
                .contains("public void second()")
                .doesNotContain("first()");
    }

    @Test
    void channelsServedOnlyOverOtherProtocolsGetModelsButNoClient() throws Exception {
        GenerationResult result = generate("""
                asyncapi: 3.0.0
                info: {title: Lights, version: '1'}
                servers:
                  broker: {host: 'broker:1883', protocol: mqtt}
                channels:
                  lights:
                    address: lights
                    messages:
                      on: {payload: {type: object, properties: {lumens: {type: integer}}}}
                operations:
                  o: {action: receive, channel: {$ref: '#/channels/lights'}}
                """);
        assertThat(result.warnings())
                .extracting(Diagnostic::message)
                .containsExactly("channel 'lights' is served only over [mqtt], not WebSocket; its models are generated "
                        + "but it gets no client");
        assertThat(result.files())
                .anyMatch(f -> f.relativePath().endsWith("/On.java"))
                .noneMatch(f -> f.relativePath().endsWith("Client.java"));
    }
}
