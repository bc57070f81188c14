package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.Libraries.Jackson;
import autosdk.testing.Compiler;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime as SDKs generated with {@code --jackson 3} get it, every helper ported from its Jackson 2 source by
 * {@link Jackson3Port}: it compiles with {@code -Xlint:all} and no warning, names no Jackson 2 class, offers the
 * same public API as the Jackson 2 helpers, and reads, writes and reports malformed JSON as they do. Each version
 * is loaded with only its own jackson-core visible.
 */
class Jackson3RuntimeTest {
    private static final String PKG = "autosdk.runtime";
    private static List<String> helpers;
    private static ClassLoader jackson2;
    private static ClassLoader jackson3;

    @BeforeAll
    static void compileBothVersions() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../runtime/src/main/java/autosdk/runtime"))) {
            helpers = files.map(p -> p.getFileName().toString().replace(".java", ""))
                    .sorted()
                    .toList();
        }
        jackson2 = compile(Jackson.V2, com.fasterxml.jackson.core.JsonParser.class);
        jackson3 = compile(Jackson.V3, tools.jackson.core.JsonParser.class);
    }

    private static ClassLoader compile(Jackson version, Class<?> jacksonCore) throws Exception {
        List<GeneratedFile> files = RuntimeSources.copy(helpers, PKG, "autosdk/runtime", version);
        if (version == Jackson.V3) {
            assertThat(files).noneMatch(f -> f.content().contains("com.fasterxml"));
        }
        Compiler.Result compiled = Compiler.compileCached(files);
        assertThat(compiled.errors())
                .as("javac -Xlint:all on the runtime for Jackson %s", version)
                .isEmpty();
        return new URLClassLoader(
                new URL[] {
                    compiled.classes().toUri().toURL(),
                    jarOf(jacksonCore).toUri().toURL()
                },
                ClassLoader.getPlatformClassLoader());
    }

    @Test
    void everyHelperTouchingJacksonKeepsItsPublicApi() throws Exception {
        List<String> ported = helpers.stream()
                .filter(name -> !Jackson3Port.port(RuntimeSources.read(name)).equals(RuntimeSources.read(name)))
                .toList();
        assertThat(ported).contains("Json", "JsonContext", "JsonCodec", "HttpJson", "WsFrames");
        for (String name : ported) {
            assertThat(api(jackson3.loadClass(PKG + "." + name)))
                    .as("public API of %s on Jackson 3", name)
                    .isEqualTo(api(jackson2.loadClass(PKG + "." + name)));
        }
    }

    @Test
    void jsonTextRoundTripsToTheSameBytes() throws Exception {
        for (String json : List.of(
                "{\"a\":[1,2.50,\"x/y\",true,null],\"b\":{}}",
                "[1e400,-0,12345678901234567890,0.1]",
                "\"\\u2028 \\ud83d\\ude00 \\\" \\\\ \\n tab\\t\"")) {
            assertThat(roundTrip(jackson3, json)).as(json).isEqualTo(roundTrip(jackson2, json));
        }
    }

    @Test
    void malformedJsonIsTheCheckedDecodeErrorWithItsPlace() throws Exception {
        Throwable error = failure(() -> staticCall(jackson3, "JsonValue", "parse", "{\"a\":]"));
        assertThat(error).isInstanceOf(UncheckedIOException.class);
        assertThat(error.getCause().getClass().getName()).isEqualTo(PKG + ".JsonDecodeException");
        assertThat(error.getCause()).hasMessageContaining("at line 1, column 6");
        assertThat(failure(() -> staticCall(jackson2, "JsonValue", "parse", "{\"a\":]")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aValueOutOfRangeIsReportedInTheSameWords() throws Exception {
        Throwable onJackson3 = failure(() -> readLong(jackson3, "9223372036854775808"));
        assertThat(onJackson3.getClass().getName()).isEqualTo(PKG + ".JsonDecodeException");
        assertThat(onJackson3)
                .hasMessage(
                        failure(() -> readLong(jackson2, "9223372036854775808")).getMessage());
        assertThat(readLong(jackson3, " 42 ")).isEqualTo(42L);
    }

    @Test
    void aTruncatedDocumentThrowsTheCheckedDecodeErrorFromAMethodDeclaringIoException() throws Exception {
        Throwable error = failure(() -> readLong(jackson3, "tru"));
        assertThat(error).isInstanceOf(IOException.class);
        assertThat(error.getClass().getName()).isEqualTo(PKG + ".JsonDecodeException");
        assertThat(failure(() -> readLong(jackson2, "tru"))).isInstanceOf(IOException.class);
    }

    @Test
    void aFramesDiscriminatorIsPeekedTheSameWay() throws Exception {
        String frame = "{\"skip\":{\"type\":\"no\"},\"event\":{\"type\":\"yes\"}}";
        String[] path = {"event", "type"};
        assertThat(staticCall(jackson3, "WsFrames", "peek", frame, path)).isEqualTo("yes");
        assertThat(staticCall(jackson2, "WsFrames", "peek", frame, path)).isEqualTo("yes");
    }

    private static Object roundTrip(ClassLoader loader, String json) throws Exception {
        Object tree = staticCall(loader, "JsonValue", "parse", json);
        return tree.getClass().getMethod("toJson").invoke(tree);
    }

    /** {@code HttpJson.read(json, Json::readLong)} with the runtime in {@code loader}. */
    private static Object readLong(ClassLoader loader, String json) throws Exception {
        Class<?> readerType = loader.loadClass(PKG + ".JsonCodec$Reader");
        Method readLong = Stream.of(loader.loadClass(PKG + ".Json").getMethods())
                .filter(m -> m.getName().equals("readLong"))
                .findFirst()
                .orElseThrow();
        Object reader = Proxy.newProxyInstance(loader, new Class<?>[] {readerType}, (proxy, method, args) -> {
            try {
                return readLong.invoke(null, args[0]);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return staticCall(loader, "HttpJson", "read", json, reader);
    }

    /** Calls the public static method {@code name} of runtime class {@code type} that takes these arguments. */
    private static Object staticCall(ClassLoader loader, String type, String name, Object... args) throws Exception {
        for (Method m : loader.loadClass(PKG + "." + type).getMethods()) {
            if (m.getName().equals(name) && accepts(m.getParameterTypes(), args)) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception cause) throw cause;
                    throw e;
                }
            }
        }
        throw new NoSuchMethodException(type + "." + name);
    }

    private static boolean accepts(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) return false;
        for (int i = 0; i < args.length; i++) {
            if (!parameters[i].isInstance(args[i])) return false;
        }
        return true;
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Throwable failure(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    /**
     * Public members as text with Jackson's package left out, so the two versions compare equal when the API matches.
     */
    private static Set<String> api(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) continue;
            StringBuilder s = new StringBuilder(m.getName()).append('(');
            for (Class<?> p : m.getParameterTypes()) s.append(p.getSimpleName()).append(',');
            out.add(s.append(")")
                    .append(m.getReturnType().getSimpleName())
                    .toString()
                    .toLowerCase(Locale.ROOT));
        }
        for (var f : type.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                out.add("field " + f.getName() + " " + f.getType().getSimpleName());
            }
        }
        return out;
    }

    /** The jar (or folder) {@code type} was loaded from. */
    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
