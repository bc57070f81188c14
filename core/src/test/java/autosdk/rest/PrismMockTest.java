package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.testing.Corpus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent check: Stoplight Prism (a validator that shares nothing with the generator) mocks corpus specs,
 * validates every request the generated client sends against the spec (answering 4xx to invalid ones, which the
 * client turns into exceptions) and answers with the spec's examples, which must decode.
 *
 * <p>Prism is installed with npm into {@code target/prism} once and reused. Without node and npm this test fails
 * with a message saying so: CI installs them, and a silent skip would hide that the check never ran.
 */
class PrismMockTest {
    private static final String PRISM_VERSION = "5.16.0";
    private static final Path PRISM_HOME = Path.of("target/prism").toAbsolutePath();

    @BeforeAll
    static void installPrism() throws Exception {
        Path bin = prismBinary();
        Path marker = PRISM_HOME.resolve("installed-" + PRISM_VERSION);
        if (Files.isExecutable(bin) && Files.exists(marker)) return;
        requireTool("node");
        requireTool("npm");
        Files.createDirectories(PRISM_HOME);
        Path log = PRISM_HOME.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--prefix", PRISM_HOME.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "@stoplight/prism-cli@" + PRISM_VERSION)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm install of @stoplight/prism-cli@" + PRISM_VERSION + " timed out; see " + log);
        }
        assertThat(npm.exitValue()).as("npm install of @stoplight/prism-cli@%s failed:\n%s", PRISM_VERSION,
                Files.readString(log, StandardCharsets.UTF_8)).isZero();
        assertThat(bin).as("prism binary after npm install").exists();
        Files.writeString(marker, PRISM_VERSION);
    }

    @Test
    void petstoreClientIsAcceptedByPrism(@TempDir Path dir) throws Throwable {
        Path spec = Corpus.file("swagger-petstore/openapi.yaml");
        RestSdk sdk = RestSdk.build(spec, "com.example.petstore", "fixtures/rest/PetstoreDriver.java", dir);
        String result = withPrism(spec, dir, url -> (String) sdk.call("run", url));
        assertThat(result).isEqualTo("getPetById=doggie|findPetsByStatus=doggie|findPetsByTags=true|addPet=doggie"
                + "|updatePetWithForm=true|getInventory=true|placeOrder=true|loginUser=true|getUserByName=theUser|deletePet=ok");
    }

    @Test
    void xaiClientIsAcceptedByPrism(@TempDir Path dir) throws Throwable {
        Path spec = Corpus.file("tryAGI-Xai/openapi.yaml");
        RestSdk sdk = RestSdk.build(spec, "com.example.xai", "fixtures/rest/XaiDriver.java", dir);
        String result = withPrism(spec, dir, url -> (String) sdk.call("run", url));
        assertThat(result).isEqualTo("getModel=true|listCustomVoices=true|createChatCompletion=true|createBatch=true|listBatchRequests=true");
    }

    interface Call {
        String run(String baseUrl) throws Throwable;
    }

    /** Starts {@code prism mock} for {@code spec} on a free port, runs {@code call}, and stops Prism. */
    private static String withPrism(Path spec, Path dir, Call call) throws Throwable {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("prism.log");
        Process prism = new ProcessBuilder(prismBinary().toString(), "mock", "-h", "127.0.0.1", "-p", Integer.toString(port), spec.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitUntilListening(prism, port, log);
            try {
                return call.run("http://127.0.0.1:" + port);
            } catch (Throwable t) {
                throw new AssertionError("client call failed; Prism said:\n" + Files.readString(log, StandardCharsets.UTF_8), t);
            }
        } finally {
            prism.descendants().forEach(ProcessHandle::destroy);
            prism.destroy();
            if (!prism.waitFor(10, TimeUnit.SECONDS)) prism.destroyForcibly();
        }
    }

    private static void waitUntilListening(Process prism, int port, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!prism.isAlive()) {
                throw new AssertionError("prism exited with " + prism.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("prism did not listen on port " + port + " within 60 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path prismBinary() {
        return PRISM_HOME.resolve("node_modules/.bin/prism");
    }

    private static void requireTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return;
        } catch (IOException | InterruptedException e) {
            // fall through to the failure below
        }
        throw new AssertionError("'" + tool + "' is required to run the Prism contract test (node and npm install "
                + "@stoplight/prism-cli@" + PRISM_VERSION + "); install Node.js 18+ with npm and re-run");
    }

}
