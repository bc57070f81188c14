package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jackson 3 twins (src/jackson3/java, copied into SDKs generated with {@code --jackson 3}) compile with every
 * other helper against Jackson 3 alone, offer the same public API as the Jackson 2 originals, and read and write JSON
 * the same way.
 */
class Jackson3TwinsTest {
    private static final Path MAIN = Path.of("src/main/java/autosdk/runtime");
    private static final Path TWINS = Path.of("src/jackson3/java/autosdk/runtime");

    @Test
    void twinsCompileAgainstJackson3AloneWithTheSameApiAndBehaviour(@TempDir Path dir) throws Exception {
        Set<String> twinned = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        try (Stream<Path> twins = Files.list(TWINS)) {
            twins.forEach(p -> {
                twinned.add(p.getFileName().toString());
                sources.add(p.toString());
            });
        }
        try (Stream<Path> main = Files.list(MAIN)) {
            main.filter(p -> !twinned.contains(p.getFileName().toString())).forEach(p -> sources.add(p.toString()));
        }
        assertThat(twinned).contains("Json.java", "JsonContext.java", "JsonCodec.java");
        Path jackson3 = jarOf(tools.jackson.core.JsonParser.class);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                // Jackson 3 and, for the OkHttp transports (helpers like the others), OkHttp with what it needs.
                String.join(
                        File.pathSeparator,
                        jackson3.toString(),
                        jarOf(okhttp3.OkHttpClient.class).toString(),
                        jarOf(okio.Okio.class).toString(),
                        jarOf(kotlin.Unit.class).toString()),
                "--release",
                "17",
                "-proc:none",
                "-Xlint:deprecation",
                "-Werror",
                "-encoding",
                "UTF-8"));
        args.addAll(sources);
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(errors.toString())
                .as("javac against Jackson 3 only, deprecations as errors")
                .isEmpty();
        assertThat(rc).isZero();

        // Only the JDK and Jackson 3 visible: a stray Jackson 2 reference fails to load.
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL(), jackson3.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String file : twinned) {
                String name = "autosdk.runtime." + file.replace(".java", "");
                assertThat(api(loader.loadClass(name)))
                        .as("public API of the twin " + name)
                        .isEqualTo(api(Class.forName(name)));
            }
            Class<?> value = loader.loadClass("autosdk.runtime.JsonValue");
            Object tree =
                    value.getMethod("parse", String.class).invoke(null, "{\"a\":[1,2.50,\"x/y\",true,null],\"b\":{}}");
            assertThat(value.getMethod("toJson").invoke(tree))
                    .isEqualTo(JsonValue.parse("{\"a\":[1,2.50,\"x/y\",true,null],\"b\":{}}")
                            .toJson());
        }
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
