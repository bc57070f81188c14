package autosdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: the guide's commands verbatim, exit codes, messages, no stack traces. */
class CliTest {
    private static final String EXAMPLE = "../examples/chat/";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void guideTwoStepCommandsVerbatim() {
        String output = dir.resolve("Generated").toString();
        Run step1 = run("generate", EXAMPLE + "openapi.yaml", "--namespace", "MyCompany.MyApi", "--output", output);
        assertThat(step1.exit()).as(step1.err()).isZero();
        assertThat(step1.out())
                .matches("(?s)Generated \\d+ files \\(14 types, \\d+ changed, 0 removed\\) into "
                        + ".*MyCompany/MyApi in \\d+\\.\\d\\d s\\R");
        Run step2 = run(
                "generate",
                EXAMPLE + "asyncapi.yaml",
                "--namespace",
                "MyCompany.MyApi.Realtime",
                "--types-namespace",
                "MyCompany.MyApi",
                "--generate-models",
                "false",
                "--json-serializer-context",
                "MyCompany.MyApi.SourceGenerationContext",
                "--output",
                output);
        assertThat(step2.exit()).as(step2.err()).isZero();
        assertThat(dir.resolve("Generated/MyCompany/MyApi/Say.java")).exists();
        assertThat(dir.resolve("Generated/MyCompany/MyApi/Realtime/Say.java")).doesNotExist();
    }

    @Test
    void specProblemsExitOneWithLocatedMessagesAndNoTrace() throws Exception {
        Path spec = dir.resolve("broken.yaml");
        Files.writeString(spec, "openapi: 3.0.0\ninfo: [not, an, object]\npaths: {}\n");
        Run r = run("generate", spec.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(spec + ":2:7: error: 'info' must be an object, found a list (at /info)\n"
                        + "autosdk: 1 error(s); nothing was written\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("generate").exit()).isEqualTo(2);
        assertThat(run("generate", EXAMPLE + "openapi.yaml", "--generate-models", "maybe")
                        .exit())
                .isEqualTo(2);
        Run noTypes = run("generate", EXAMPLE + "asyncapi.yaml", "--generate-models", "false", "-o", dir.toString());
        assertThat(noTypes.exit()).isEqualTo(2);
        assertThat(noTypes.err()).contains("--generate-models false needs --types-namespace");
        Run badPackage = run("generate", EXAMPLE + "openapi.yaml", "-n", "com.class.x", "-o", dir.toString());
        assertThat(badPackage.exit()).isEqualTo(2);
        assertThat(badPackage.err()).contains("'com.class.x' is not a valid Java package name");
        for (String jdk : new String[] {"java.lang", "javax.api", "java"}) {
            Run reserved = run("generate", EXAMPLE + "openapi.yaml", "-n", jdk, "-o", dir.toString());
            assertThat(reserved.exit()).as(jdk).isEqualTo(2);
            assertThat(reserved.err())
                    .contains("--namespace '" + jdk + "' is inside the JDK's own packages (java.*, javax.*)")
                    .doesNotContain("Exception");
        }
        Run reservedTypes = run(
                "generate",
                EXAMPLE + "asyncapi.yaml",
                "-n",
                "com.example.rt",
                "--types-namespace",
                "java.util",
                "--generate-models",
                "false",
                "-o",
                dir.toString());
        assertThat(reservedTypes.exit()).isEqualTo(2);
        assertThat(reservedTypes.err()).contains("--types-namespace 'java.util' is inside the JDK's own packages");
        assertThat(GenerationRequest.defaultNamespace(Path.of("java.yaml"))).isEqualTo("java_api");
        Run missing = run("generate", "no/such/spec.yaml", "-o", dir.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("no/such/spec.yaml:1:1: error: cannot read file: no such file");
    }

    @Test
    void rerunIsByteIdenticalAndRemovesOnlyItsOwnStaleFiles() throws Exception {
        Path out = dir.resolve("out");
        assertThat(run("generate", EXAMPLE + "openapi.yaml", "-n", "com.example.chat", "-o", out.toString())
                        .exit())
                .isZero();
        Path pkg = out.resolve("com/example/chat");
        String before = snapshot(pkg);
        Files.writeString(pkg.resolve("Handwritten.java"), "class Handwritten {}");
        Files.writeString(
                pkg.resolve(".autosdk-files"),
                Files.readString(pkg.resolve(".autosdk-files")) + "com/example/chat/Stale.java\n");
        Files.writeString(pkg.resolve("Stale.java"), "class Stale {}");
        Run again = run("generate", EXAMPLE + "openapi.yaml", "-n", "com.example.chat", "-o", out.toString());
        assertThat(again.out()).contains("0 changed, 1 removed");
        assertThat(pkg.resolve("Stale.java")).doesNotExist();
        assertThat(pkg.resolve("Handwritten.java")).exists();
        Files.delete(pkg.resolve("Handwritten.java"));
        assertThat(snapshot(pkg)).isEqualTo(before);
    }

    @Test
    void aHandWrittenFileWhereAGeneratedOneWouldGoStopsTheRunWithExitTwo() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("out/com/example/chat"));
        Path mine = pkg.resolve("Say.java");
        Files.writeString(mine, "package com.example.chat;\n\npublic class Say {}\n");
        Run r = run(
                "generate",
                EXAMPLE + "openapi.yaml",
                "-n",
                "com.example.chat",
                "-o",
                dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(mine.toAbsolutePath() + " exists and was not written by AutoSDK")
                .doesNotContain("\tat ");
        assertThat(Files.readString(mine)).isEqualTo("package com.example.chat;\n\npublic class Say {}\n");
        try (Stream<Path> files = Files.list(pkg)) {
            assertThat(files).as("nothing written").containsExactly(mine);
        }
    }

    @Test
    void verboseSaysWhyAListGetsNoPagedMethod() {
        Run quiet = run(
                "generate",
                EXAMPLE + "openapi.yaml",
                "-n",
                "com.example.chat",
                "-o",
                dir.resolve("quiet").toString());
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.out() + quiet.err()).doesNotContain("note:");
        Run verbose = run(
                "generate",
                EXAMPLE + "openapi.yaml",
                "-n",
                "com.example.chat",
                "-o",
                dir.resolve("verbose").toString(),
                "--verbose");
        assertThat(verbose.exit()).isZero();
        assertThat(verbose.out())
                .contains("openapi.yaml:17:7: note: operation 'listRooms' (GET /rooms) looks like a list but "
                        + "gets no paged "
                        + "method: size parameter 'limit' but no cursor, offset or page parameter and "
                        + "no next-page URL (at /paths/~1rooms/get)");
        assertThat(verbose.err()).isEmpty();
    }

    @Test
    void jacksonAndNullabilityOptionsReachTheSourcesAndTheProjectPom() throws Exception {
        Run both = run(
                "generate",
                EXAMPLE + "openapi.yaml",
                "-n",
                "com.example.chat",
                "-o",
                dir.toString(),
                "--jackson",
                "3",
                "--nullability",
                "jspecify",
                "--project",
                "com.example:chat-sdk:1.0.0");
        assertThat(both.exit()).as(both.err()).isZero();
        Path sources = dir.resolve("src/main/java/com/example/chat");
        assertThat(Files.readString(sources.resolve("runtime/JsonContext.java")))
                .contains("import tools.jackson.core.JsonParser;")
                .doesNotContain("com.fasterxml");
        assertThat(Files.readString(sources.resolve("package-info.java")))
                .contains("@org.jspecify.annotations.NullMarked");
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertThat(pom)
                .contains(
                        "<groupId>tools.jackson.core</groupId>",
                        "<jackson.version>3.3.0</jackson.version>",
                        "<artifactId>jspecify</artifactId>",
                        "<version>1.0.1</version>")
                .doesNotContain("com.fasterxml");

        Run badJackson =
                run("generate", EXAMPLE + "openapi.yaml", "-o", dir.resolve("x").toString(), "--jackson", "4");
        assertThat(badJackson.exit()).isEqualTo(2);
        assertThat(badJackson.err()).contains("--jackson must be 2 or 3, found '4'");
        Run badNullability =
                run("generate", EXAMPLE + "openapi.yaml", "-o", dir.resolve("x").toString(), "--nullability", "jsr305");
        assertThat(badNullability.exit()).isEqualTo(2);
        assertThat(badNullability.err()).contains("--nullability must be none or jspecify, found 'jsr305'");
    }

    @Test
    void transportOkhttpGeneratesRestAndWebSocketClientsOnOkHttp() throws Exception {
        Run rest = run(
                "generate",
                EXAMPLE + "openapi.yaml",
                "-n",
                "com.example.chat",
                "-o",
                dir.resolve("rest").toString(),
                "--transport",
                "okhttp");
        assertThat(rest.exit()).as(rest.err()).isZero();
        Path runtime = dir.resolve("rest/com/example/chat/runtime");
        assertThat(runtime.resolve("OkHttpTransport.java")).exists();
        assertThat(runtime.resolve("JdkHttpTransport.java")).doesNotExist();

        Run ws = run(
                "generate",
                EXAMPLE + "asyncapi.yaml",
                "-n",
                "com.example.rt",
                "-o",
                dir.resolve("ws").toString(),
                "--transport",
                "okhttp");
        assertThat(ws.exit()).as(ws.err()).isZero();
        Path wsRuntime = dir.resolve("ws/com/example/rt/runtime");
        assertThat(wsRuntime.resolve("OkHttpWsTransport.java")).exists();
        assertThat(wsRuntime.resolve("JdkWsTransport.java")).doesNotExist();

        Run bad = run(
                "generate", EXAMPLE + "openapi.yaml", "-o", dir.resolve("bad").toString(), "--transport", "apache");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--transport must be jdk or okhttp, found 'apache'");
    }

    @Test
    void helpAndVersion() {
        Run help = run("generate", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains(
                        "--types-namespace",
                        "--generate-models",
                        "--json-serializer-context",
                        "--perspective",
                        "--jackson",
                        "--nullability",
                        "--verbose",
                        "--transport");
        assertThat(run("--version").out()).startsWith("autosdk ");
    }

    private static String snapshot(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(dir.relativize(p))
                        .append('\n')
                        .append(Files.readString(p))
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
