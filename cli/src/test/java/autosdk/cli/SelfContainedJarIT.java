package autosdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published CLI jar as a user without a checkout meets it: copied alone into an empty folder and started with
 * {@code java -jar}, it generates the example SDK, and its published POM promises no dependencies. Runs after
 * {@code package} (surefire's integration-test execution in this module's POM), when the shaded jar exists.
 */
class SelfContainedJarIT {
    @TempDir
    Path dir;

    @Test
    void theJarAloneGeneratesAnSdk() throws Exception {
        Path jar = Files.copy(builtJar(), dir.resolve("autosdk-cli.jar"));
        Path spec = module().resolve("../examples/chat/openapi.yaml").normalize();
        Process process = new ProcessBuilder(
                        javaLauncher(),
                        "-jar",
                        jar.toString(),
                        "generate",
                        spec.toString(),
                        "--namespace",
                        "com.example.chat",
                        "--output",
                        dir.resolve("out").toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("generator finished")
                .isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Generated ");
        assertThat(dir.resolve("out/com/example/chat/SourceGenerationContext.java"))
                .isRegularFile();
    }

    @Test
    void thePublishedPomListsNoRuntimeDependencies() throws IOException {
        String pom = Files.readString(module().resolve("dependency-reduced-pom.xml"));
        List<String> scopes = new ArrayList<>();
        for (String dependency : pom.split("<dependency>")) {
            if (!dependency.contains("</dependency>")) continue;
            int start = dependency.indexOf("<scope>");
            scopes.add(start < 0 ? "compile" : dependency.substring(start + 7, dependency.indexOf("</scope>")));
        }
        assertThat(scopes)
                .as("scopes of the dependencies the published POM declares")
                .containsOnly("test");
    }

    private static Path builtJar() throws IOException {
        try (Stream<Path> files = Files.list(target())) {
            return files.filter(p -> p.getFileName().toString().matches("autosdk-cli-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no autosdk-cli-VERSION.jar in cli/target"));
        }
    }

    private static Path module() {
        return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    private static Path target() {
        return module().resolve("target");
    }

    private static String javaLauncher() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
