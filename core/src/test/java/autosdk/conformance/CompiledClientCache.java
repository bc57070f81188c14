package autosdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.testing.Compiler;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiled generated clients kept under target/ between runs. The key is a hash of exactly what the generator emitted
 * (every file's path and text), so a change to the generator, the runtime or the spec that alters the output compiles
 * afresh, and anything else reuses the classes. Generating is cheap; compiling a large SDK is what takes minutes.
 */
final class CompiledClientCache {
    private static final String DONE = ".compiled";
    private final Path root;

    CompiledClientCache(Path root) {
        this.root = root;
    }

    /** A class loader over the compiled {@code files}; compiles them (failing on any javac error) when not cached. */
    ClassLoader load(String name, List<GeneratedFile> files) throws IOException {
        Path dir = root.resolve(name + "-" + hash(files));
        Path classes = dir.resolve("classes");
        if (!Files.exists(dir.resolve(DONE))) {
            removeOlder(name);
            Compiler.Result compiled = Compiler.compile(files, dir);
            assertThat(compiled.errors())
                    .as("javac errors in the client generated for %s", name)
                    .isEmpty();
            Files.writeString(dir.resolve(DONE), "");
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledClientCache.class.getClassLoader());
    }

    /** Earlier outputs for the same client: stale once the generator's output changed. */
    private void removeOlder(String name) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(name + "-"))
                    .toList()) {
                try (Stream<Path> walk = Files.walk(d)) {
                    walk.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static String hash(List<GeneratedFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (GeneratedFile f : files.stream()
                    .sorted(Comparator.comparing(GeneratedFile::relativePath))
                    .toList()) {
                sha.update(f.relativePath().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.content().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
