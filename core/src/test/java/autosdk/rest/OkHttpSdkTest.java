package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.ProjectCoordinates;
import autosdk.Transport;
import autosdk.testing.Compiler;
import autosdk.write.ProjectPom;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --transport okhttp} promises beyond "the same tests pass" (those are the {@code *OkHttpTest} classes):
 * the compiled SDK names no {@code java.net.http} type, so it loads on Android; the caller's own OkHttpClient carries
 * the calls; and {@code --project} declares OkHttp.
 */
class OkHttpSdkTest {
    private static final Path SHOP =
            Path.of("src/test/resources/fixtures/rest/shop.yaml").toAbsolutePath();

    @Test
    void anOkHttpSdkReferencesNoJavaNetHttpWhileAJdkOneDoes(@TempDir Path dir) throws Exception {
        RestSdk okhttp = RestSdk.build(
                SHOP,
                "com.example.shop",
                "fixtures/rest/ShopOkHttpDriver.java",
                dir.resolve("okhttp"),
                Transport.OKHTTP);
        RestSdk jdk = RestSdk.build(SHOP, "com.example.shop", null, dir.resolve("jdk"), Transport.JDK);

        assertThat(classFiles(okhttp.classes())).hasSizeGreaterThan(40);
        assertThat(referencingJavaNetHttp(okhttp.classes()))
                .as("classes of the OkHttp SDK naming java.net.http")
                .isEmpty();
        assertThat(referencingJavaNetHttp(jdk.classes()))
                .as("the scan finds the JDK transport")
                .anyMatch(name -> name.endsWith("JdkHttpTransport.class"));
        assertThat(okhttp.result().files())
                .as("not even in a comment")
                .noneMatch(f -> f.content().contains("java.net.http"));
    }

    @Test
    void anOkHttpWebSocketSdkReferencesNoJavaNetHttpWhileAJdkOneDoes(@TempDir Path dir) throws Exception {
        Path spec = Path.of("../examples/chat/asyncapi.yaml").toAbsolutePath();
        GenerationResult okhttp = Generator.plan(GenerationRequest.of(spec, "com.example.rt", dir.resolve("okhttp"))
                .withTransport(Transport.OKHTTP));
        GenerationResult jdk = Generator.plan(GenerationRequest.of(spec, "com.example.rt", dir.resolve("jdk")));
        Compiler.Result okhttpClasses = Compiler.compileCached(okhttp.files());
        Compiler.Result jdkClasses = Compiler.compileCached(jdk.files());
        assertThat(okhttpClasses.errors()).as("javac errors").isEmpty();
        assertThat(jdkClasses.errors()).as("javac errors").isEmpty();

        assertThat(classFiles(okhttpClasses.classes()))
                .as("the WebSocket runtime is in")
                .anyMatch(p -> p.endsWith("OkHttpWsTransport.class"))
                .noneMatch(p -> p.endsWith("JdkWsTransport.class"));
        assertThat(referencingJavaNetHttp(okhttpClasses.classes()))
                .as("classes of the OkHttp WebSocket SDK naming java.net.http")
                .isEmpty();
        assertThat(referencingJavaNetHttp(jdkClasses.classes()))
                .as("the scan finds the JDK WebSocket transport")
                .anyMatch(name -> name.endsWith("JdkWsTransport.class"));
        assertThat(okhttp.files())
                .as("not even in a comment")
                .noneMatch(f -> f.content().contains("java.net.http"));
        assertThat(okhttp.files())
                .as("the caller's OkHttpClient reaches the connection")
                .anyMatch(f -> f.content().contains("public Builder okHttpClient(OkHttpClient okHttpClient)")
                        && f.content().contains("return transport(new OkHttpWsTransport(okHttpClient))"));
    }

    @Test
    void theCallersOkHttpClientCarriesTheCallsAndRedirectsStayTheSdks(@TempDir Path dir) throws Throwable {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        try (LocalHttpServer other = LocalHttpServer.start(ex -> {
                    record(seen, "other", ex);
                    respond(ex, 200, "{\"id\":\"1\",\"name\":\"Lamp\",\"price\":1}");
                });
                LocalHttpServer server = LocalHttpServer.start(ex -> {
                    record(seen, "first", ex);
                    ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + other.port() + "/items/moved");
                    respond(ex, 302, "");
                })) {
            RestSdk sdk = RestSdk.build(
                    SHOP, "com.example.shop", "fixtures/rest/ShopOkHttpDriver.java", dir, Transport.OKHTTP);

            assertThat(sdk.call("ownClient", server.port(), other.port())).isEqualTo("Lamp");
        }
        assertThat(seen.get("first")).contains("x-own-client=yes", "authorization=Bearer secret-token");
        // Followed by the SDK (once), not by the client's own redirect support: the credential stays home.
        assertThat(seen.get("other")).contains("x-own-client=yes").noneMatch(h -> h.startsWith("authorization="));
    }

    @Test
    void theProjectPomDeclaresOkHttpPinnedToTheVersionTheRuntimeIsBuiltWith(@TempDir Path dir) throws Exception {
        Generator.generate(
                GenerationRequest.of(SHOP, "com.example.shop", dir).withTransport(Transport.OKHTTP),
                ProjectCoordinates.parse("com.example:shop-sdk:1.0.0"));
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertThat(pom)
                .contains(
                        "<artifactId>okhttp-jvm</artifactId>",
                        "<okhttp.version>" + ProjectPom.OKHTTP_VERSION + "</okhttp.version>");
        String rootPom = Files.readString(Path.of("../pom.xml"));
        assertThat(rootPom).contains("<okhttp.version>" + ProjectPom.OKHTTP_VERSION + "</okhttp.version>");
        assertThat(new ProjectPom(dir, "com.example", "shop-sdk", "1.0.0").render())
                .doesNotContain("okhttp");
    }

    private static void record(Map<String, List<String>> seen, String key, HttpExchange ex) {
        List<String> headers = new ArrayList<>();
        ex.getRequestHeaders()
                .forEach((name, values) ->
                        values.forEach(v -> headers.add(name.toLowerCase(java.util.Locale.ROOT) + "=" + v)));
        seen.put(key, headers);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<Path> classFiles(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    /**
     * Class files whose constant pool names {@code java/net/http} (a class, method or field reference) or
     * {@code java.net.http} (a string, e.g. for reflection): the UTF-8 entries hold ASCII names as plain bytes.
     */
    private static List<String> referencingJavaNetHttp(Path classes) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : classFiles(classes)) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (bytes.contains("java/net/http") || bytes.contains("java.net.http")) {
                found.add(classes.relativize(file).toString());
            }
        }
        return found;
    }
}
