package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.testing.Compiler;
import autosdk.testing.JsonTrees;
import autosdk.testing.Sdk;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec names like the names the generator declares itself (members, nested types, locals, what {@link Object} and the
 * runtime base classes declare) are allocated around them, one test per emitter: the SDK compiles, and models read and
 * write such properties unchanged.
 */
class OwnNamesTest {
    @TempDir
    Path dir;

    private static final String MODELS = """
            openapi: 3.0.3
            info: {title: own names, version: "1"}
            paths: {}
            components:
              schemas:
                Crowded:
                  type: object
                  properties:
                    builder: {type: string}
                    toBuilder: {type: string}
                    build: {type: string}
                    additionalProperties: {type: string}
                    additionalProperty: {type: string}
                    present: {type: string}
                    malformed: {type: string}
                    malformedValues: {type: string}
                    readRest: {type: string}
                    readField: {type: string}
                    wait: {type: integer, format: int64}
                    hashCode: {type: string}
                    id: {type: string, format: uuid}
                    kind: {$ref: '#/components/schemas/Kind'}
                    holder: {$ref: '#/components/schemas/Holder'}
                Kind:
                  type: string
                  enum: [BY_VALUE, KNOWN_VALUES, UNRECOGNIZED, plain]
                Holder:
                  oneOf:
                    - {$ref: '#/components/schemas/Foo'}
                    - {$ref: '#/components/schemas/OfFoo'}
                  discriminator: {propertyName: type}
                Foo:
                  type: object
                  required: [type]
                  properties: {type: {type: string}, foo: {type: string}}
                OfFoo:
                  type: object
                  required: [type]
                  properties: {type: {type: string}, ofFoo: {type: string}}
            """;

    private Sdk models() throws Exception {
        Path spec = dir.resolve("models.yaml");
        Files.writeString(spec, MODELS);
        return Sdk.build(spec, "com.example.own", dir);
    }

    private static Object roundTrip(Sdk sdk, String json, String type) throws Throwable {
        Object value = sdk.read(json, type);
        String written = sdk.write(value);
        assertThat(JsonTrees.parse(written)).as("written back: %s", written).isEqualTo(JsonTrees.parse(json));
        return value;
    }

    /** ObjectEmitter: properties named like the class's and builder's members, or Object's methods, get suffixed. */
    @Test
    void objectPropertiesNamedLikeTheClassMembers() throws Throwable {
        Sdk sdk = models();
        Object crowded = roundTrip(sdk, """
                {"builder": "b", "toBuilder": "tb", "build": "bd", "additionalProperties": "ap",
                 "additionalProperty": "a1", "present": "p", "malformed": "m", "malformedValues": "mv",
                 "readRest": "rr", "readField": "rf", "wait": 5, "hashCode": "h", "extra": true}""", "Crowded");
        assertThat(Sdk.call(crowded, "builder2")).isEqualTo("b");
        assertThat(Sdk.call(crowded, "toBuilder2")).isEqualTo("tb");
        assertThat(Sdk.call(crowded, "present2")).isEqualTo("p");
        assertThat(Sdk.call(crowded, "readField2")).isEqualTo("rf");
        assertThat(Sdk.call(crowded, "wait2")).isEqualTo(5L);
        assertThat(Sdk.call(crowded, "hashCode2")).isEqualTo("h");
        assertThat(Sdk.call(crowded, "additionalProperties").toString()).startsWith("{extra=");
    }

    /** EnumEmitter: values named like the enum's own constants get suffixed; UNRECOGNIZED still means unknown. */
    @Test
    void enumValuesNamedLikeTheEnumConstants() throws Throwable {
        Sdk sdk = models();
        Object kind = Sdk.call(roundTrip(sdk, "{\"kind\": \"UNRECOGNIZED\"}", "Crowded"), "kind");
        assertThat(Sdk.call(kind, "isKnown")).isEqualTo(true);
        assertThat(Sdk.call(kind, "known").toString()).isEqualTo("UNRECOGNIZED2");
        Object byValue = Sdk.call(roundTrip(sdk, "{\"kind\": \"BY_VALUE\"}", "Crowded"), "kind");
        assertThat(Sdk.call(byValue, "known").toString()).isEqualTo("BY_VALUE2");
        Object other = Sdk.call(roundTrip(sdk, "{\"kind\": \"new\"}", "Crowded"), "kind");
        assertThat(Sdk.call(other, "known").toString()).isEqualTo("UNRECOGNIZED");
    }

    /**
     * UnionEmitter: a variant record is named around the types the union refers to (OfFoo holds Foo; OfFoo is a type).
     */
    @Test
    void unionVariantsNamedLikeTheTypesTheUnionRefersTo() throws Throwable {
        Sdk sdk = models();
        Object foo = Sdk.call(roundTrip(sdk, "{\"holder\": {\"type\": \"Foo\", \"foo\": \"x\"}}", "Crowded"), "holder");
        assertThat(foo.getClass().getSimpleName()).isEqualTo("OfFoo2");
        Object ofFoo =
                Sdk.call(roundTrip(sdk, "{\"holder\": {\"type\": \"OfFoo\", \"ofFoo\": \"y\"}}", "Crowded"), "holder");
        assertThat(ofFoo.getClass().getSimpleName()).isEqualTo("OfOfFoo");
        assertThat(Sdk.call(Sdk.call(ofFoo, "value"), "ofFoo")).isEqualTo("y");
    }

    /**
     * RestForms: optional parameters and multipart fields named like the value class's members get suffixed. A
     * {@code wait} integer once gave the builder a {@code wait(long)} overload, which Object's final method forbids.
     */
    @Test
    void parametersAndFormFieldsNamedLikeTheValueClassMembers() throws Exception {
        ClassLoader loader = compile("""
                openapi: 3.0.3
                info: {title: forms, version: "1"}
                paths:
                  /search:
                    get:
                      operationId: search
                      parameters:
                        - {name: builder, in: query, schema: {type: string}}
                        - {name: build, in: query, schema: {type: string}}
                        - {name: toHttpBody, in: query, schema: {type: string}}
                        - {name: multipart, in: query, schema: {type: string}}
                        - {name: wait, in: query, schema: {type: integer, format: int64}}
                      responses:
                        '204': {description: done}
                  /upload:
                    post:
                      operationId: upload
                      requestBody:
                        required: true
                        content:
                          multipart/form-data:
                            schema:
                              type: object
                              properties:
                                builder: {type: string}
                                build: {type: string}
                                toHttpBody: {type: string}
                                multipart: {type: string}
                                file: {type: string, format: binary}
                      responses:
                        '204': {description: done}
                """);
        assertThat(methods(loader, classEndingWith("$SearchParams$Builder")))
                .contains("builder2", "build2", "toHttpBody2", "multipart2", "wait2", "build");
        assertThat(methods(loader, classEndingWith("$UploadForm$Builder")))
                .contains("builder2", "build2", "toHttpBody2", "multipart2", "file", "build");
    }

    /** RestNames: operations named like a client's own methods or Object's get suffixed. */
    @Test
    void operationsNamedLikeTheClientMembers() throws Exception {
        StringBuilder paths = new StringBuilder();
        for (String id : List.of("builder", "create", "config", "async", "withRawResponse", "wait", "toString")) {
            paths.append("  /")
                    .append(id)
                    .append(":\n    get:\n      operationId: ")
                    .append(id)
                    .append('\n');
            paths.append("      responses:\n        '204': {description: done}\n");
        }
        ClassLoader loader = compile("openapi: 3.0.3\ninfo: {title: ops, version: \"1\"}\npaths:\n" + paths);
        assertThat(methods(loader, classEndingWith("Client")))
                .contains(
                        "builder",
                        "builder2",
                        "create",
                        "create2",
                        "config",
                        "config2",
                        "async",
                        "async2",
                        "withRawResponse",
                        "withRawResponse2",
                        "wait2",
                        "toString2");
    }

    /**
     * WsChannelPlan: messages whose handler or send method would take a name the runtime base class declares get
     * "Message" appended; message records named like the event type's own records get suffixed.
     */
    @Test
    void messagesNamedLikeTheClientMembers() throws Exception {
        StringBuilder messages = new StringBuilder();
        StringBuilder refs = new StringBuilder();
        for (String name : List.of("Error", "Event", "Unknown", "Binary", "Text")) {
            messages.append("    ")
                    .append(name)
                    .append(":\n      name: ")
                    .append(name)
                    .append("\n      payload: {type: object, properties: {x: {type: string}}}\n");
            refs.append("      ")
                    .append(name.toLowerCase(Locale.ROOT))
                    .append(": {$ref: '#/components/messages/")
                    .append(name)
                    .append("'}\n");
        }
        ClassLoader loader = compile("""
                asyncapi: 3.0.0
                info: {title: own, version: 1.0.0}
                servers:
                  local: {host: localhost, protocol: ws}
                channels:
                  room:
                    address: /room
                    messages:
                """ + refs + """
                operations:
                  receiveAll:
                    action: receive
                    channel: {$ref: '#/channels/room'}
                    messages:
                      - {$ref: '#/channels/room/messages/error'}
                      - {$ref: '#/channels/room/messages/event'}
                      - {$ref: '#/channels/room/messages/unknown'}
                      - {$ref: '#/channels/room/messages/binary'}
                  sendText:
                    action: send
                    channel: {$ref: '#/channels/room'}
                    messages: [{$ref: '#/channels/room/messages/text'}]
                components:
                  messages:
                """ + messages);
        List<String> classes = classNames();
        String client = classEndingWith("Client");
        assertThat(methods(loader, client))
                .contains("onErrorMessage", "onEventMessage", "onUnknownMessage", "sendTextMessage");
        String event = client + "Event";
        assertThat(classes).contains(event + "$Unknown", event + "$Unknown2", event + "$Binary", event + "$Binary2");
    }

    /**
     * RestNames: the classes every client nests (its builder and its async and raw twins) and the client's own name
     * are taken before operations' parameter and form classes are named; operations named like them still compile.
     */
    @Test
    void operationClassesNamedAroundTheClientsNestedTypes() throws Exception {
        JavaNames.Scope nested = RestNames.nestedTypeScope("OpsClient");
        assertThat(List.of("builder", "async", "WithRawResponse", "opsClient").stream()
                        .map(n -> nested.allocate(JavaNames.typeName(List.of(n))))
                        .toList())
                .containsExactly("Builder2", "Async2", "WithRawResponse2", "OpsClient2");
        StringBuilder paths = new StringBuilder();
        for (String id : List.of("builder", "async", "withRawResponse")) {
            paths.append("  /")
                    .append(id)
                    .append(":\n    post:\n      operationId: ")
                    .append(id)
                    .append("\n      requestBody: {required: true, content: {multipart/form-data: {schema: ")
                    .append("{type: object, properties: {f: {type: string}}}}}}\n")
                    .append("      responses:\n        '204': {description: done}\n");
        }
        compile("openapi: 3.0.3\ninfo: {title: ops, version: \"1\"}\npaths:\n" + paths);
        List<String> classes = classNames();
        String client = classEndingWith("Client");
        assertThat(classes)
                .contains(
                        client + "$Builder",
                        client + "$Async",
                        client + "$WithRawResponse",
                        client + "$Builder2Form",
                        client + "$Async2Form",
                        client + "$WithRawResponse2Form");
    }

    /**
     * WsBuilderEmitter: a connect parameter's enum is named around the client's {@code Builder} and the client and
     * event types, and its constants around the enum's own {@code value} member.
     */
    @Test
    void connectParameterEnumsNamedLikeTheClientsTypes() throws Exception {
        ClassLoader loader = compile("""
                asyncapi: 3.0.0
                info: {title: own, version: 1.0.0}
                servers:
                  local: {host: localhost, protocol: ws}
                channels:
                  room:
                    address: /room
                    messages:
                      note: {$ref: '#/components/messages/Note'}
                    bindings:
                      ws:
                        query:
                          type: object
                          properties:
                            builder: {type: string, enum: [value]}
                            ownClient: {type: string, enum: [a]}
                            ownClientEvent: {type: string, enum: [b]}
                operations:
                  receiveNote: {action: receive, channel: {$ref: '#/channels/room'}}
                components:
                  messages:
                    Note:
                      name: Note
                      payload: {type: object, properties: {x: {type: string}}}
                """);
        String client = "OwnClient";
        assertThat(classNames())
                .contains(
                        client + "$Builder", client + "$Builder2", client + "$OwnClient2", client + "$OwnClientEvent2");
        Class<?> builderEnum = loader.loadClass("com.example.own." + client + "$Builder2");
        Object value = builderEnum.getField("VALUE").get(null);
        assertThat(builderEnum.getMethod("value").invoke(value)).isEqualTo("value");
    }

    private Compiler.Result compiled;

    private ClassLoader compile(String spec) throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, spec);
        GenerationResult result = Generator.plan(GenerationRequest.of(file, "com.example.own", dir.resolve("out")));
        compiled = Compiler.compile(result.files(), dir.resolve("build"));
        assertThat(compiled.errors()).isEmpty();
        return compiled.loader();
    }

    /** The one generated class whose name ("Outer$Nested", relative to the package) ends with {@code suffix}. */
    private String classEndingWith(String suffix) throws Exception {
        List<String> matches =
                classNames().stream().filter(c -> c.endsWith(suffix)).toList();
        assertThat(matches).as("classes ending with %s", suffix).hasSize(1);
        return matches.get(0);
    }

    /** The generated classes' names relative to the package ("Outer$Nested"), from the compiled class files. */
    private List<String> classNames() throws Exception {
        Path classes = compiled.classes();
        List<String> out = new ArrayList<>();
        try (var files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String rel = classes.relativize(p).toString().replace('/', '.');
                if (rel.startsWith("com.example.own.") && !rel.startsWith("com.example.own.runtime.")) {
                    out.add(rel.substring("com.example.own.".length(), rel.length() - ".class".length()));
                }
            }
        }
        return out;
    }

    private static TreeSet<String> methods(ClassLoader loader, String simpleName) throws ClassNotFoundException {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : loader.loadClass("com.example.own." + simpleName).getDeclaredMethods()) names.add(m.getName());
        return names;
    }
}
