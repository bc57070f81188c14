package autosdk.ws;

import autosdk.testing.Corpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the independent WebSocket harness (shared/harness/ws, Node): copied into target once per run, {@code npm ci}
 * cached by the lock file, then one {@code server.mjs} process per scenario. Missing node/npm is a failure, not a skip.
 */
public final class WsHarness implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("READY ws://127\\.0\\.0\\.1:(\\d+)");
    private static Path installed;

    final Process process;
    final int port;
    final Path report;
    final StringBuilder log = new StringBuilder();

    private WsHarness(Process process, int port, Path report) {
        this.process = process;
        this.port = port;
        this.report = report;
    }

    /**
     * The harness folder, copied and installed (once per JVM; node_modules reused while package-lock.json is
     * unchanged).
     */
    public static synchronized Path install() throws Exception {
        if (installed != null) return installed;
        requireTool("node", "--version");
        requireTool("npm", "--version");
        Path source = Corpus.root().getParent().resolve("harness/ws");
        if (!Files.isDirectory(source)) throw new AssertionError("harness not found at " + source);
        Path target = Path.of("target", "ws-harness").toAbsolutePath();
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.deleteIfExists(to);
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    to.toFile().setWritable(true);
                }
            }
        }
        Path stamp = target.resolve("node_modules/.autosdk-lock");
        String lock = Files.readString(target.resolve("package-lock.json"));
        if (!Files.exists(stamp) || !Files.readString(stamp).equals(lock)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(target.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new AssertionError("npm ci failed in " + target + ":\n" + out);
            }
            Files.writeString(stamp, lock);
        }
        installed = target;
        return target;
    }

    private static void requireTool(String tool, String arg) {
        try {
            Process p = new ProcessBuilder(tool, arg).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) throw new IOException("exit " + p.exitValue());
        } catch (Exception e) {
            throw new AssertionError(
                    "the WebSocket harness test needs '" + tool + "' (Node 20+) on the PATH; install Node.js/npm "
                            + "(CI does) to run it: " + e.getMessage(),
                    e);
        }
    }

    /** Starts {@code node server.mjs} and waits for its READY line. */
    public static WsHarness start(Path spec, String scenario, Path report, String... extra) throws Exception {
        Path dir = install();
        List<String> cmd = new ArrayList<>(List.of(
                "node",
                "server.mjs",
                "--spec",
                spec.toString(),
                "--port",
                "0",
                "--scenario",
                scenario,
                "--report",
                report.toString(),
                "--timeout",
                "60"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            synchronized (log) {
                                log.append(line).append('\n');
                            }
                            Matcher m = READY.matcher(line);
                            if (m.find()) ready.complete(Integer.parseInt(m.group(1)));
                        }
                        ready.completeExceptionally(new AssertionError("harness exited before READY:\n" + log));
                    } catch (IOException e) {
                        ready.completeExceptionally(e);
                    }
                },
                "harness-stderr");
        reader.setDaemon(true);
        reader.start();
        // Generous: the OpenAI spec loads in ~4 s alone, and much slower on a loaded machine or beside other harnesses.
        int port = ready.get(180, TimeUnit.SECONDS);
        WsHarness h = new WsHarness(p, port, report);
        return h;
    }

    public String url() {
        return "ws://127.0.0.1:" + port;
    }

    /** Waits for the process to write its report and exit; returns the report text. */
    public String awaitReport(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroy(); // SIGTERM: the harness still writes its report
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return Files.readString(report);
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
