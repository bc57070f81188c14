package autosdk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism, the independent validator of REST traffic: installed with npm into {@code target/prism} once
 * (with the other pinned Node tools the conformance suite runs there), then started as {@code prism mock} on a free
 * port. Prism validates every request against the spec, answering 422 (or 400/401/404/405/415) to one that breaks
 * it, and answers valid ones from the spec's examples.
 *
 * <p>Without node and npm the tests fail with a message saying so: CI installs them, and a silent skip would hide
 * that the check never ran.
 */
public final class Prism implements AutoCloseable {
    public static final String PRISM_VERSION = "5.16.0";
    /** Everything npm installs into {@link #home()}, pinned; a change of this list reinstalls. */
    private static final List<String> PACKAGES =
            List.of("@stoplight/prism-cli@" + PRISM_VERSION, "json-schema-faker@0.6.3", "js-yaml@4.1.0");

    private static final Path HOME = Path.of("target/prism").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;

    private Prism(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The folder with node_modules holding Prism, json-schema-faker and js-yaml. */
    public static synchronized Path home() throws Exception {
        Path bin = HOME.resolve("node_modules/.bin/prism");
        Path marker = HOME.resolve("installed.txt");
        String wanted = String.join("\n", PACKAGES);
        if (Files.isExecutable(bin)
                && Files.exists(marker)
                && Files.readString(marker).equals(wanted)) return HOME;
        requireTool("node");
        requireTool("npm");
        Files.createDirectories(HOME);
        Path npmLog = HOME.resolve("npm-install.log");
        List<String> command = new java.util.ArrayList<>(
                List.of("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund", "--loglevel=error"));
        command.addAll(PACKAGES);
        Process npm = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm install of " + PACKAGES + " timed out; see " + npmLog);
        }
        if (npm.exitValue() != 0) {
            throw new AssertionError(
                    "npm install of " + PACKAGES + " failed:\n" + Files.readString(npmLog, StandardCharsets.UTF_8));
        }
        if (!Files.isExecutable(bin)) throw new AssertionError("no prism binary at " + bin + " after npm install");
        Files.writeString(marker, wanted);
        return HOME;
    }

    /**
     * Starts {@code prism mock} for {@code spec} on a free port of 127.0.0.1, logging to {@code log}; waits until it
     * listens.
     */
    public static Prism mock(Path spec, Path log, Duration startup) throws Exception {
        Prism prism = start(spec, log);
        try {
            prism.awaitListening(startup);
        } catch (Throwable t) {
            prism.close();
            throw t;
        }
        return prism;
    }

    /**
     * Starts {@code prism mock} like {@link #mock} without waiting: Prism takes seconds to load a large spec, which a
     * caller can spend on other work before {@link #awaitListening}.
     */
    public static Prism start(Path spec, Path log) throws Exception {
        Path bin = home().resolve("node_modules/.bin/prism");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        bin.toString(), "mock", "-h", "127.0.0.1", "-p", Integer.toString(port), spec.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Prism(process, port, log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What Prism logged so far (its validation messages name the request and what was wrong). */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** How many bytes Prism has logged: a mark to pass to {@link #errorsSince}. */
    public long logMark() throws IOException {
        return Files.size(log);
    }

    /**
     * The error lines Prism logged after {@code mark} (its validator's findings, e.g. "Request body property text must
     * NOT have fewer than 100 characters"), without timestamps, at most once each.
     */
    public List<String> errorsSince(long mark) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(
                all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark), StandardCharsets.UTF_8);
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String line : text.split("\n")) {
            int error = line.indexOf("✖");
            if (error >= 0) {
                out.add(line.substring(error + 1)
                        .replaceFirst("^\\s*error\\s*", "")
                        .trim());
            }
        }
        return List.copyOf(out);
    }

    /** Waits until Prism listens; fails when it exits first or does not listen within {@code startup}. */
    public void awaitListening(Duration startup) throws Exception {
        Instant deadline = Instant.now().plus(startup);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("prism exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(
                "prism did not listen on port " + port + " within " + startup.toSeconds() + " s:\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    private static void requireTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return;
        } catch (IOException | InterruptedException e) {
            // fall through to the failure below
        }
        throw new AssertionError("'" + tool + "' is required to run the Prism tests (npm installs " + PACKAGES
                + "); install Node.js 20+ " + "with npm and re-run");
    }
}
