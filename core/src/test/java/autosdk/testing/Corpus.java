package autosdk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared corpus of real specs (../shared/corpus beside the project root). */
public final class Corpus {
    private Corpus() {}

    public static Path root() {
        String configured = System.getProperty("autosdk.corpus");
        Path p = configured != null ? Path.of(configured) : Path.of("../../shared/corpus");
        if (!Files.isDirectory(p)) p = Path.of("../shared/corpus");
        return p.toAbsolutePath().normalize();
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** Every spec in the corpus (not the fragments that specs refer to), sorted. */
    public static List<Path> specs() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(json|ya?ml)$"))
                    .filter(p -> !p.toString().contains("/commons/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
