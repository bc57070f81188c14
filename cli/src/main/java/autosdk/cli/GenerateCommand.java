package autosdk.cli;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.Libraries;
import autosdk.Libraries.Jackson;
import autosdk.Libraries.Nullability;
import autosdk.ProjectCoordinates;
import autosdk.Transport;
import autosdk.UsageException;
import autosdk.diag.Diagnostic;
import autosdk.diag.SpecException;
import autosdk.write.ProjectPom;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code autosdk generate <spec>}: options in, one generation request, a summary line out. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generates a Java SDK from an OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.x document (JSON or YAML).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:problems in the spec (each reported as file:line:col)",
            "2:usage error",
            "3:internal error (a bug of ours; reported in one line)"
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<spec>", description = "The OpenAPI or AsyncAPI document.")
    Path specFile;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "<package>",
            description = "Java package of the generated code, used exactly as given; not under java. or javax. "
                    + "(default: derived from the file name).")
    String namespace;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "<dir>",
            defaultValue = "Generated",
            description = "Output folder; files go to <dir>/<package as folders>/ (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = "--types-namespace",
            paramLabel = "<package>",
            description = "Package of an earlier run whose model types this run uses instead of generating its own.")
    String typesNamespace;

    @Option(
            names = "--generate-models",
            paramLabel = "true|false|auto",
            defaultValue = "true",
            description = "Emit models: true (default), false (use --types-namespace's), auto (reuse matching "
                    + "types, generate the rest).")
    String generateModels;

    @Option(
            names = "--json-serializer-context",
            paramLabel = "<class>",
            description = "JSON context class: the simple name of this run's context, or, with --types-namespace, "
                    + "the (fully qualified) context of the types' run (default: SourceGenerationContext).")
    String jsonSerializerContext;

    @Option(
            names = "--perspective",
            paramLabel = "client|server",
            defaultValue = "client",
            description = "Whose side an AsyncAPI document describes: client (default; its send is what our client "
                    + "sends) or server.")
    String perspective;

    @Option(
            names = "--client-class-name",
            paramLabel = "<name>",
            description = "Name of the REST client class (default: from info.title).")
    String clientClassName;

    @Option(
            names = "--websocket-class-name",
            paramLabel = "<name>",
            description = "Name of the WebSocket client class (a prefix when there are several channels; default: "
                    + "from info.title).")
    String websocketClassName;

    @Option(
            names = "--types-index",
            paramLabel = "<file>",
            description = "Type index of the types' run (default: looked up under --output).")
    Path typesIndex;

    @Option(
            names = "--transport",
            paramLabel = "jdk|okhttp",
            defaultValue = "jdk",
            description = "HTTP library of the REST and WebSocket clients: jdk (default; java.net.http, no "
                    + "dependency) or okhttp "
                    + "(OkHttp 5, e.g. for Android; the SDK then names no java.net.http type).")
    String transport;

    @Option(
            names = "--project",
            paramLabel = "<groupId:artifactId:version>",
            description = "Also make <dir> a Maven module: sources go to <dir>/src/main/java and <dir>/pom.xml "
                    + "declares jackson-core (jspecify and OkHttp when chosen) and Java 17, so mvn "
                    + "install there builds a jar.")
    String project;

    @Option(
            names = "--jackson",
            paramLabel = "2|3",
            defaultValue = "2",
            description = "Jackson major version the codecs and runtime are written for: 2 (default, "
                    + "com.fasterxml.jackson.core) "
                    + "or 3 (tools.jackson.core, e.g. Spring Boot 4). The SDK's API is the same.")
    String jackson;

    @Option(
            names = "--nullability",
            paramLabel = "none|jspecify",
            defaultValue = "none",
            description =
                    "Nullability annotations: none (default) or jspecify (@NullMarked packages, @Nullable where null "
                            + "can occur; Kotlin then sees String? instead of platform types).")
    String nullability;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also print the generator's decisions: which list operations get paged methods (and by "
                    + "which pattern), and why other list-looking operations do not.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        GenerationRequest request;
        ProjectCoordinates coordinates;
        try {
            coordinates = project == null ? null : ProjectCoordinates.parse(project);
            request = GenerationRequest.builder(
                            specFile,
                            namespace != null ? namespace : GenerationRequest.defaultNamespace(specFile),
                            output)
                    .typesNamespace(typesNamespace)
                    .generateModels(GenerationRequest.ModelMode.parse(generateModels))
                    .jsonSerializerContext(jsonSerializerContext)
                    .perspective(parsePerspective(perspective))
                    .clientClassName(clientClassName)
                    .websocketClassName(websocketClassName)
                    .typesIndex(typesIndex)
                    .libraries(new Libraries(Jackson.parse(jackson), Nullability.parse(nullability)))
                    .transport(Transport.parse(transport))
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("autosdk: " + e.getMessage());
            return 2;
        }
        try {
            GenerationResult result = Generator.generate(request, coordinates);
            for (Diagnostic w : result.warnings()) err.println(w);
            for (String note : result.notes()) out.println(note);
            if (verbose) {
                for (Diagnostic d : result.details()) out.println(d);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "Generated %d files (%d types, %d changed, %d removed) into %s in %.2f s%n",
                    result.files().size(),
                    result.typeCount(),
                    result.filesChanged(),
                    result.filesRemoved(),
                    (coordinates == null ? output : ProjectPom.sourceRoot(output))
                            .resolve(request.namespace().replace('.', '/')),
                    seconds);
            return 0;
        } catch (SpecException e) {
            for (Diagnostic d : e.diagnostics()) err.println(d);
            err.printf(
                    Locale.ROOT,
                    "autosdk: %d error(s); nothing was written%n",
                    e.diagnostics().size());
            for (String hint : e.hints()) err.println("autosdk: hint: " + hint);
            return 1;
        } catch (UsageException e) {
            err.println("autosdk: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("autosdk: cannot write the output: " + e.getMessage());
            return 1;
        }
    }

    private static GenerationRequest.Perspective parsePerspective(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "client" -> GenerationRequest.Perspective.CLIENT;
            case "server" -> GenerationRequest.Perspective.SERVER;
            default ->
                throw new IllegalArgumentException("--perspective must be client or server, found '" + text + "'");
        };
    }
}
