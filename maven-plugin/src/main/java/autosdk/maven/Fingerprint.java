package autosdk.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inputs of one generation run as one SHA-256: the plugin (and, for snapshots, the generator
 * jars), the normalized options, and the bytes of every file the spec may reference. Equal
 * fingerprints mean the run would write the same files, so the up-to-date check can skip it.
 */
final class Fingerprint {
    /** Spec files by extension: an external {@code $ref} can only point at one of these. */
    private static final Set<String> SPEC_EXTENSIONS = Set.of(".json", ".yaml", ".yml");
    /**
     * Folders that hold build output or tooling state, never specs; walking them would make every build look changed.
     */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules");

    private final MessageDigest digest;
    private final List<Path> excluded = new ArrayList<>();

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A named value, e.g. an option; null and absent are the same. */
    Fingerprint value(String name, Object value) {
        line(name + "=" + (value == null ? "" : value));
        return this;
    }

    /** Folders never read as spec inputs (the output, the build directory). */
    Fingerprint exclude(Path folder) {
        excluded.add(folder.toAbsolutePath().normalize());
        return this;
    }

    /** The content of one file, if it exists. */
    Fingerprint file(String name, Path file) throws IOException {
        line(name + " " + (Files.isRegularFile(file) ? sha256(Files.readAllBytes(file)) : "absent"));
        return this;
    }

    /**
     * The spec and every spec-like file in its folder tree, in a stable order. A referenced
     * file outside the spec's folder is not seen; the docs say to keep specs together.
     */
    Fingerprint specTree(Path spec) throws IOException {
        Path absolute = spec.toAbsolutePath().normalize();
        file("spec", absolute);
        Path root = absolute.getParent();
        TreeMap<String, Path> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String name = dir.getFileName().toString();
                boolean skip = name.startsWith(".")
                        || SKIPPED_FOLDERS.contains(name)
                        || excluded.stream().anyMatch(dir::startsWith);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                if (attrs.isRegularFile() && dot >= 0 && SPEC_EXTENSIONS.contains(name.substring(dot))) {
                    files.put(root.relativize(file).toString().replace('\\', '/'), file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult
                        .CONTINUE; // unreadable: not ours to judge; the generator reports it if it matters
            }
        });
        for (var e : files.entrySet()) file("ref " + e.getKey(), e.getValue());
        return this;
    }

    /** Regular files directly inside {@code folder} (e.g. the types package of an earlier run), sorted. */
    Fingerprint folderFiles(String name, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            value(name, "absent");
            return this;
        }
        List<Path> files;
        try (var stream = Files.list(folder)) {
            files = stream.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) file(name + " " + f.getFileName(), f);
        return this;
    }

    /** The SHA-256 of everything added, in hex; call once. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void line(String text) {
        digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The fingerprint stored by the last successful run, or null. */
    static String read(Path stateFile) {
        try {
            return Files.isRegularFile(stateFile)
                    ? Files.readString(stateFile, StandardCharsets.UTF_8).trim()
                    : null;
        } catch (IOException e) {
            return null; // an unreadable state only costs a regeneration
        }
    }

    static void write(Path stateFile, String hex) throws IOException {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, hex + "\n", StandardCharsets.UTF_8);
    }
}
