package autosdk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK class-data-sharing archive ({@code autosdk-cli-VERSION.jsa} beside {@code autosdk-cli-VERSION.jar}) of a
 * relaunched run: mapping the classes recorded by an earlier run saves loading and verifying them again. The
 * same rule as the {@code autosdk} launcher script: an archive newer than the jar is used; otherwise
 * a {@code generate} run records one (under a temporary name, renamed once complete, so a
 * concurrent run never maps half a file). {@code AUTOSDK_CDS=0} turns it off. The JVM ignores an
 * archive that does not match its jar; the cds log is off so that it does so quietly.
 */
final class ClassDataArchive {
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final ClassDataArchive NONE = new ClassDataArchive(List.of(), null, null);

    private final List<String> options;
    private final Path recording;
    private final Path archive;

    private ClassDataArchive(List<String> options, Path recording, Path archive) {
        this.options = options;
        this.recording = recording;
        this.archive = archive;
    }

    static ClassDataArchive beside(String jar, String[] args) {
        if ("0".equals(System.getenv("AUTOSDK_CDS"))) return NONE;
        try {
            Path jarPath = Path.of(jar);
            Path archive =
                    jarPath.resolveSibling(jarPath.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jarPath)) > 0) {
                return new ClassDataArchive(options("-XX:SharedArchiveFile=" + archive), null, null);
            }
            if (args.length > 0 && args[0].equals("generate") && Files.isWritable(archive.getParent())) {
                Path recording = archive.resolveSibling(
                        archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                return new ClassDataArchive(options("-XX:ArchiveClassesAtExit=" + recording), recording, archive);
            }
        } catch (IOException | RuntimeException e) {
            // The archive only saves start-up time: without it the run is the same.
        }
        return NONE;
    }

    private static List<String> options(String archiveOption) {
        List<String> all = new ArrayList<>(QUIET);
        all.add(archiveOption);
        return List.copyOf(all);
    }

    List<String> jvmOptions() {
        return options;
    }

    /** After the child exited: keeps a complete recording of a successful run, drops anything else. */
    void completed(int status) {
        if (recording == null) return;
        try {
            if (status == 0 && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // Nothing left to do: a stale temporary file is harmless.
            }
        }
    }
}
