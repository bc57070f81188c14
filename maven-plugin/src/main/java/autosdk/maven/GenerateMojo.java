package autosdk.maven;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.Libraries;
import autosdk.ProjectCoordinates;
import autosdk.UsageException;
import autosdk.diag.Diagnostic;
import autosdk.diag.SpecException;
import autosdk.write.OutputWriter;
import autosdk.write.ProjectPom;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code autosdk:generate}: one CLI run inside a Maven build. The parameters are the CLI's options
 * (camelCase), mapped to one {@link GenerationRequest} for the shared {@link Generator}; the rest
 * is build integration: the source root, the up-to-date check and failing the build with the
 * spec's located diagnostics.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    /** The OpenAPI or AsyncAPI document ({@code <spec>}). */
    @Parameter(required = true)
    File spec;

    /** Java package of the generated code ({@code --namespace}); default: derived from the file name. */
    @Parameter
    String namespace;

    /** Output folder ({@code --output}); files go to {@code <dir>/<package as folders>/}. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/autosdk", required = true)
    File outputDirectory;

    /** Package of an earlier run whose model types this run uses ({@code --types-namespace}). */
    @Parameter
    String typesNamespace;

    /** {@code true}, {@code false} or {@code auto} ({@code --generate-models}). */
    @Parameter(defaultValue = "true")
    String generateModels;

    /** JSON context class ({@code --json-serializer-context}). */
    @Parameter
    String jsonSerializerContext;

    /** {@code client} or {@code server}: whose side an AsyncAPI document describes ({@code --perspective}). */
    @Parameter(defaultValue = "client")
    String perspective;

    /** {@code jdk} or {@code okhttp}: the HTTP library of the REST and WebSocket clients ({@code --transport}). */
    @Parameter(defaultValue = "jdk")
    String transport;

    /** Name of the REST client class ({@code --client-class-name}). */
    @Parameter
    String clientClassName;

    /** Name of the WebSocket client class ({@code --websocket-class-name}). */
    @Parameter
    String websocketClassName;

    /** Type index of the types' run ({@code --types-index}). */
    @Parameter
    File typesIndex;

    /**
     * {@code groupId:artifactId:version} ({@code --project}): make {@link #outputDirectory} a buildable
     * Maven module, sources in its {@code src/main/java} and a {@code pom.xml} beside them.
     */
    @Parameter
    String project;

    /** Jackson major version of the generated codecs and runtime, 2 (default) or 3 ({@code --jackson}). */
    @Parameter(defaultValue = "2")
    String jackson;

    /** Nullability annotations, none (default) or jspecify ({@code --nullability}). */
    @Parameter(defaultValue = "none")
    String nullability;

    /** Add the generated sources to this project's compile source roots. */
    @Parameter(defaultValue = "true")
    boolean addCompileSourceRoot;

    /** Skip this goal. */
    @Parameter(property = "autosdk.skip", defaultValue = "false")
    boolean skip;

    /** Generate even when the spec and the options are unchanged since the last run. */
    @Parameter(property = "autosdk.force", defaultValue = "false")
    boolean force;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject mavenProject;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** Where each execution keeps the fingerprint of its last successful run. */
    @Parameter(defaultValue = "${project.build.directory}/autosdk-state", readonly = true, required = true)
    File stateDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("autosdk: skipped (autosdk.skip)");
            return;
        }
        GenerationRequest request = request();
        ProjectCoordinates coordinates = coordinates();
        Path sourceRoot = coordinates == null ? request.output() : ProjectPom.sourceRoot(request.output());
        if (addCompileSourceRoot) mavenProject.addCompileSourceRoot(sourceRoot.toString());

        String display = display(request.spec());
        Path stateFile = stateDirectory
                .toPath()
                .resolve(mojoExecution.getExecutionId().replaceAll("[^A-Za-z0-9_.-]", "_") + ".sha256");
        String fingerprint;
        try {
            fingerprint = fingerprint(request, coordinates);
            if (!force
                    && fingerprint.equals(Fingerprint.read(stateFile))
                    && outputPresent(request, sourceRoot, coordinates)) {
                getLog().info("autosdk: " + display + " is up to date, skipping generation");
                return;
            }
            // A failed run must not leave the previous fingerprint behind to vouch for a half-written output.
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "autosdk: cannot read the inputs of " + display + ": " + e.getMessage(), e);
        }

        long start = System.nanoTime();
        GenerationResult result;
        try {
            result = Generator.generate(request, coordinates);
        } catch (SpecException e) {
            List<String> lines = new java.util.ArrayList<>(
                    e.diagnostics().stream().map(Diagnostic::toString).toList());
            e.hints().forEach(hint -> lines.add("hint: " + hint));
            lines.forEach(getLog()::error);
            throw new MojoFailureException(String.format(
                    Locale.ROOT,
                    "autosdk: %d error(s) in %s; nothing was written%n%s",
                    e.diagnostics().size(),
                    display,
                    String.join(System.lineSeparator(), lines)));
        } catch (UsageException e) {
            throw new MojoExecutionException("autosdk: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("autosdk: cannot write the output: " + e.getMessage(), e);
        }
        for (Diagnostic w : result.warnings()) getLog().warn(w.toString());
        for (String note : result.notes()) getLog().info(note);
        // The CLI's --verbose lines (which list operations page, and why others do not): shown with mvn -X.
        for (Diagnostic d : result.details()) getLog().debug(d.toString());
        getLog().info(String.format(
                Locale.ROOT,
                "autosdk: generated %d files (%d types, %d changed, %d removed) from %s into %s in %.2f s",
                result.files().size(),
                result.typeCount(),
                result.filesChanged(),
                result.filesRemoved(),
                display,
                sourceRoot.resolve(request.namespace().replace('.', '/')),
                (System.nanoTime() - start) / 1e9));
        try {
            Fingerprint.write(stateFile, fingerprint);
        } catch (IOException e) {
            getLog().warn("autosdk: cannot record the up-to-date state in " + stateFile + ": " + e.getMessage());
        }
    }

    /** The one mapping from parameters to the shared request; checks beyond parsing are the core's. */
    GenerationRequest request() throws MojoExecutionException {
        Path specPath = spec.toPath().toAbsolutePath().normalize();
        try {
            return GenerationRequest.builder(
                            specPath,
                            namespace != null ? namespace : GenerationRequest.defaultNamespace(specPath),
                            outputDirectory.toPath().toAbsolutePath().normalize())
                    .typesNamespace(blankToNull(typesNamespace))
                    .generateModels(GenerationRequest.ModelMode.parse(generateModels == null ? "true" : generateModels))
                    .jsonSerializerContext(blankToNull(jsonSerializerContext))
                    .perspective(perspective())
                    .clientClassName(blankToNull(clientClassName))
                    .websocketClassName(blankToNull(websocketClassName))
                    .typesIndex(
                            typesIndex == null
                                    ? null
                                    : typesIndex.toPath().toAbsolutePath().normalize())
                    .libraries(new Libraries(
                            Libraries.Jackson.parse(jackson == null ? "2" : jackson),
                            Libraries.Nullability.parse(nullability == null ? "none" : nullability)))
                    .transport(autosdk.Transport.parse(transport == null ? "jdk" : transport))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("autosdk: invalid configuration: " + e.getMessage());
        }
    }

    private GenerationRequest.Perspective perspective() {
        String text = perspective == null ? "client" : perspective.trim().toUpperCase(Locale.ROOT);
        try {
            return GenerationRequest.Perspective.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("perspective must be client or server, found '" + perspective + "'");
        }
    }

    private ProjectCoordinates coordinates() throws MojoExecutionException {
        if (project == null || project.isBlank()) return null;
        try {
            return ProjectCoordinates.parse(project);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("autosdk: invalid configuration: " + e.getMessage());
        }
    }

    /** Everything that decides what the run writes. */
    private String fingerprint(GenerationRequest r, ProjectCoordinates coordinates) throws IOException {
        Fingerprint f = new Fingerprint()
                .value("plugin", plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion())
                .value("spec", r.spec())
                .value("namespace", r.namespace())
                .value("output", r.output())
                .value("typesNamespace", r.typesNamespace())
                .value("generateModels", r.generateModels())
                .value("jsonSerializerContext", r.jsonSerializerContext())
                .value("perspective", r.perspective())
                .value("transport", r.transport())
                .value("clientClassName", r.clientClassName())
                .value("websocketClassName", r.websocketClassName())
                .value("typesIndex", r.typesIndex())
                .value("libraries", r.libraries())
                .value("project", coordinates);
        if (plugin.getVersion().endsWith("-SNAPSHOT")) {
            // A snapshot keeps its version while its code changes: the generator's own bytes decide.
            f.file("generator", jarOf(Generator.class)).file("plugin", jarOf(GenerateMojo.class));
        }
        if (r.typesIndex() != null) f.file("typesIndex", r.typesIndex());
        if (r.typesNamespace() != null) {
            // A run that uses an earlier run's types is stale when those types (and their index) change.
            Path sources = coordinates == null ? r.output() : ProjectPom.sourceRoot(r.output());
            f.folderFiles("types", sources.resolve(r.typesNamespace().replace('.', '/')));
        }
        return f.exclude(r.output())
                .exclude(Path.of(mavenProject.getBuild().getDirectory()))
                .specTree(r.spec())
                .hex();
    }

    /** True when every file the last run wrote is still there (a partial clean means regenerating). */
    private static boolean outputPresent(GenerationRequest r, Path sourceRoot, ProjectCoordinates coordinates)
            throws IOException {
        Path manifest = sourceRoot.resolve(r.namespace().replace('.', '/')).resolve(OutputWriter.MANIFEST);
        if (!Files.isRegularFile(manifest)) return false;
        if (coordinates != null
                && !Files.isRegularFile(new ProjectPom(
                                r.output(), coordinates.groupId(), coordinates.artifactId(), coordinates.version())
                        .file())) {
            return false;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!Files.isRegularFile(sourceRoot.resolve(line.trim()))) return false;
        }
        return true;
    }

    private static Path jarOf(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && Files.isRegularFile(path) ? path : Path.of("unknown-" + type.getName());
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("unknown-" + type.getName());
        }
    }

    /** The spec as the user wrote it relative to the project, or absolute when it is elsewhere. */
    private String display(Path specPath) {
        Path base = mavenProject.getBasedir() == null
                ? null
                : mavenProject.getBasedir().toPath().toAbsolutePath().normalize();
        return base != null && specPath.startsWith(base)
                ? base.relativize(specPath).toString()
                : specPath.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
