package autosdk.golden;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.Generator;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated output of small fixtures, checked in under src/test/resources/golden and compared
 * file by file (missing and extra files fail too). Regenerate with {@code -Dgolden.update=true}.
 * The copied runtime helpers are left out: they are tested in the runtime module.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"tricky-models", "chat-openapi", "chat-asyncapi"})
    void outputMatchesGoldenFiles(String name) throws Exception {
        Path spec = switch (name) {
            case "tricky-models" -> Path.of("src/test/resources/fixtures/models/tricky.yaml");
            case "chat-openapi" -> Path.of("../examples/chat/openapi.yaml");
            case "chat-asyncapi" -> Path.of("../examples/chat/asyncapi.yaml");
            default -> throw new IllegalArgumentException(name);
        };
        var result = Generator.plan(GenerationRequest.of(spec, "com.example.golden", Path.of("unused")));
        Map<String, String> actual = result.files().stream()
                .filter(f -> !f.relativePath().contains("/runtime/"))
                .collect(Collectors.toMap(
                        GeneratedFile::relativePath, GeneratedFile::content, (a, b) -> a, TreeMap::new));
        Path dir = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(actual)
                .as("generated files of %s (regenerate with -Dgolden.update=true)", name)
                .isEqualTo(read(dir));
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) return files;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
