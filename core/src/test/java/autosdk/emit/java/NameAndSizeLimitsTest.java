package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.testing.Compiler;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No spec name or size may break a generated file: schemas named after every {@code java.lang} type, used by a
 * REST client with every kind of method, and an enum of 20,000 values all generate and compile.
 */
class NameAndSizeLimitsTest {
    @TempDir
    Path dir;

    @Test
    void schemasNamedAfterEveryJavaLangTypeCompile() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                openapi: 3.1.0
                info: {title: Lang, version: '1'}
                servers: [{url: 'https://{region}.example.com', variables: {region: {default: eu}}}]
                security: [{key: []}]
                paths:
                  /things/{id}:
                    post:
                      operationId: send
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                        - {name: q, in: query, schema: {type: string}}
                        - {name: n, in: query, schema: {type: integer}}
                        - {name: Authorization, in: header, required: true, schema: {type: string}}
                      requestBody:
                        content:
                          application/json: {schema: {$ref: '#/components/schemas/String'}}
                          multipart/form-data: {schema: {$ref: '#/components/schemas/Exception'}}
                      responses:
                        '200': {description: ok, \
                          content: {application/json: {schema: {$ref: '#/components/schemas/Object'}}}}
                        '404': {description: no, \
                          content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                  /stream:
                    get:
                      operationId: stream
                      responses: {'200': {description: ok, \
                        content: {text/event-stream: {schema: {$ref: '#/components/schemas/Thread'}}}}}
                components:
                  securitySchemes:
                    key: {type: apiKey, in: header, name: X-Key}
                  schemas:
                    Thread: {type: object, properties: {event: {type: string}, \
                      data: {$ref: '#/components/schemas/Integer'}}}
                    Exception: {type: object, properties: {file: {type: string, format: binary}, note: {type: string}}}
                """);
        TreeSet<String> names = new TreeSet<>(JavaNames.JAVA_LANG);
        names.removeAll(List.of("Thread", "Exception"));
        for (String name : names) {
            yaml.append("    ")
                    .append(name)
                    .append(": {type: object, properties: {text: {type: string}, number: {type: number}, ")
                    .append("flag: {type: boolean}, when: {type: string, format: date-time}, list: {type: "
                            + "array, items: {type: integer}}, ")
                    .append("map: {type: object, additionalProperties: {type: string}}}}\n");
        }
        yaml.append("    Integer: {type: object, properties: {kind: {type: string, enum: [a, b]}, next: {$ref: "
                + "'#/components/schemas/String'}}}\n");
        Path spec = dir.resolve("lang.yaml");
        Files.writeString(
                spec,
                yaml.toString()
                        .replace(
                                "    Integer: {type: object, properties: {text:",
                                "    IntegerUnused: {type: object, properties: {text:"));
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, "com.example.lang", dir.resolve("out")));
        assertThat(result.files()).anyMatch(f -> f.relativePath().equals("com/example/lang/String.java"));
        Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }

    @Test
    void aWebSocketClientWithMessagesNamedAfterJavaLangTypesCompiles() throws Exception {
        String yaml = """
                asyncapi: 3.0.0
                info: {title: Lang, version: '1'}
                servers:
                  s: {host: 'example.com', protocol: wss, pathname: '/{v}', variables: {v: {default: x}}}
                channels:
                  room:
                    address: /room
                    messages:
                      String: {payload: {$ref: '#/components/schemas/String'}}
                      Object: {payload: {$ref: '#/components/schemas/Object'}}
                operations:
                  sendString: {action: send, channel: {$ref: '#/channels/room'}, \
                    messages: [{$ref: '#/channels/room/messages/String'}]}
                  getObject: {action: receive, channel: {$ref: '#/channels/room'}, \
                    messages: [{$ref: '#/channels/room/messages/Object'}]}
                components:
                  schemas:
                    String: {type: object, properties: {type: {const: string}, text: {type: string}}}
                    Object: {type: object, properties: {type: {const: object}, when: {type: string, \
                      format: date-time}, s: {$ref: '#/components/schemas/String'}}}
                """;
        Path spec = dir.resolve("lang-async.yaml");
        Files.writeString(spec, yaml);
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, "com.example.langws", dir.resolve("out")));
        assertThat(result.files()).anyMatch(f -> f.relativePath().equals("com/example/langws/String.java"));
        Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
    }

    @Test
    void anEnumOfTwentyThousandValuesGeneratesAndCompiles() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add("value-" + i + (i % 7 == 0 ? ":x" : "") + (i % 11 == 0 ? " \u00e9\u4e2d\ud83d\ude00" : ""));
        }
        values.add("line\nbreak \"quoted\" \\ 12:34");
        values.add("");
        // JSON rather than YAML: the spec is big, and JSON needs only quotes and backslashes escaped.
        StringBuilder json = new StringBuilder(
                "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"Big\", \"version\": \"1\"}, \"paths\": {},"
                        + " \"components\": {\"schemas\": {\"Holder\": {\"type\": \"object\", \"properties\": "
                        + "{\"code\": {\"$ref\": \"#/components/schemas/Code\"}}},"
                        + " \"Code\": {\"type\": \"string\", \"enum\": [");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(values.get(i)
                            .replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n"))
                    .append('"');
        }
        json.append("]}}}}");
        Path spec = dir.resolve("big.json");
        Files.writeString(spec, json.toString());

        long start = System.nanoTime();
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, "com.example.big", dir.resolve("out")));
        long generated = System.nanoTime();
        Compiler.Result compiled = Compiler.compile(result.files(), dir.resolve("build"));
        System.out.printf(
                "enum of %d values: generated in %d ms, compiled in %d ms%n",
                values.size(), (generated - start) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
        assertThat(compiled.errors()).isEmpty();

        Class<?> code = compiled.loader().loadClass("com.example.big.Code");
        Method of = code.getMethod("of", String.class);
        Method isKnown = code.getMethod("isKnown");
        Method value = code.getMethod("value");
        List<?> known = (List<?>) code.getMethod("knownValues").invoke(null);
        assertThat(known).hasSize(values.size());
        for (int i = 0; i < values.size(); i += 997) {
            assertThat(value.invoke(known.get(i))).isEqualTo(values.get(i));
        }
        assertThat(value.invoke(known.get(values.size() - 2))).isEqualTo("line\nbreak \"quoted\" \\ 12:34");
        assertThat(isKnown.invoke(of.invoke(null, "value-19997"))).isEqualTo(true);
        assertThat(value.invoke(known.get(11))).isEqualTo("value-11 \u00e9\u4e2d\ud83d\ude00");
        assertThat(isKnown.invoke(of.invoke(null, "value-11 \u00e9\u4e2d\ud83d\ude00")))
                .isEqualTo(true);
        assertThat(isKnown.invoke(of.invoke(null, ""))).isEqualTo(true);
        assertThat(isKnown.invoke(of.invoke(null, "value-20000"))).isEqualTo(false);
        assertThat(of.invoke(null, "value-7:x")).isSameAs(known.get(7));
    }
}
