package autosdk;

import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import autosdk.diag.Location;
import autosdk.diag.SpecException;
import autosdk.emit.java.EmitOptions;
import autosdk.emit.java.JavaEmitter;
import autosdk.emit.java.JavaNames;
import autosdk.model.ApiModel;
import autosdk.read.SpecDocument;
import autosdk.read.SpecReader;
import autosdk.share.SharedTypes;
import autosdk.share.TypeIndex;
import autosdk.share.TypeShapes;
import autosdk.translate.ModelBuilder;
import autosdk.write.ForeignFileException;
import autosdk.write.GeneratedFile;
import autosdk.write.OutputWriter;
import autosdk.write.ProjectPom;
import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The generation pipeline: read → resolve and build the model → emit Java → write. Each stage
 * takes the previous one's value; nothing is written unless every earlier stage succeeded.
 */
public final class Generator {
    private Generator() {}

    /** Runs every stage but the last: the files a run would write, in memory. */
    public static GenerationResult plan(GenerationRequest request) throws SpecException, UsageException {
        validate(request);
        Diagnostics diagnostics = new Diagnostics();
        Optional<SpecDocument> spec = SpecReader.read(request.spec(), diagnostics);
        if (spec.isEmpty() || diagnostics.hasErrors()) throw new SpecException(diagnostics.errors());
        ApiModel model;
        try {
            model = ModelBuilder.build(
                    spec.get(), request.perspective() == GenerationRequest.Perspective.CLIENT, diagnostics);
        } catch (StackOverflowError e) {
            // Our stages avoid deep recursion; this is a last guard so a pathological spec still gets a located
            // message.
            diagnostics.error(Location.ofFile(request.spec()), "the spec is nested too deeply to process");
            throw new SpecException(diagnostics.errors());
        }
        if (diagnostics.hasErrors()) throw new SpecException(diagnostics.errors());
        Map<String, ClassName> external = Map.of();
        List<String> notes = new ArrayList<>();
        ClassName context = ClassName.get(request.namespace(), request.contextSimpleName());
        boolean shared =
                request.typesNamespace() != null && request.generateModels() != GenerationRequest.ModelMode.TRUE;
        // Nested classes of generated types (Builder, Known, Unknown) cannot share their enclosing class's name.
        List<String> reserved = new ArrayList<>(List.of(request.contextSimpleName(), "Builder", "Known", "Unknown"));
        SharedTypes.Plan sharing = null;
        if (shared) {
            TypeIndex index = readIndex(request);
            checkPackageClash(request, index);
            // The models run's context has the default name unless it says otherwise; its names are what the index
            // holds.
            List<String> ownerReserved = List.of(
                    index.context() == null
                            ? request.contextSimpleName()
                            : index.context().substring(index.context().lastIndexOf('.') + 1),
                    "Builder",
                    "Known",
                    "Unknown");
            sharing = SharedTypes.plan(
                    model,
                    JavaEmitter.typeNames(model, ownerReserved),
                    index,
                    request.generateModels() == GenerationRequest.ModelMode.AUTO,
                    diagnostics);
            if (diagnostics.hasErrors()) throw new SpecException(diagnostics.errors(), diagnostics.hints());
            external = sharing.reused();
            if (request.generateModels() == GenerationRequest.ModelMode.FALSE) {
                context = externalContext(request, index);
            } else {
                notes.add("Reused " + sharing.reused().size() + " type(s) from " + index.namespace()
                        + names(sharing.reused().values()));
            }
        }
        boolean ownContext = request.generateModels() != GenerationRequest.ModelMode.FALSE || !shared;
        EmitOptions options = new EmitOptions(
                request.namespace(),
                context,
                ownContext,
                reserved,
                request.spec().getFileName().toString(),
                request.clientClassName(),
                request.websocketClassName(),
                request.libraries(),
                request.transport());
        JavaEmitter.Output output = new JavaEmitter(options).emit(model, external);
        if (sharing != null && request.generateModels() == GenerationRequest.ModelMode.AUTO) {
            // The names this run's emitter gave the types it generated, not a second guess at them.
            notes.add("Generated " + sharing.generated().size() + " type(s) in " + request.namespace()
                    + names(sharing.generated().stream()
                            .map(id -> output.classNames().get(id))
                            .toList()));
        }
        List<GeneratedFile> files = new ArrayList<>(output.files());
        if (ownContext) files.add(indexFile(request, model, output, context));
        List<Diagnostic> warnings = diagnostics.all().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .toList();
        List<Diagnostic> details = diagnostics.all().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.NOTE)
                .toList();
        return new GenerationResult(files, output.classNames().size(), warnings, notes, 0, 0, details);
    }

    /** The type index of the types this run owns, for later runs that share them. */
    private static GeneratedFile indexFile(
            GenerationRequest request, ApiModel model, JavaEmitter.Output output, ClassName context) {
        Map<String, TypeShapes.TypeShape> shapes = new TreeMap<>();
        for (Map.Entry<String, ClassName> e : output.classNames().entrySet()) {
            shapes.put(
                    e.getValue().simpleName(),
                    TypeShapes.of(
                            model.type(e.getKey()),
                            id -> output.allClassNames().get(id).simpleName()));
        }
        TypeIndex index = new TypeIndex(request.namespace(), context.canonicalName(), shapes);
        return new GeneratedFile(request.namespace().replace('.', '/') + "/" + TypeIndex.FILE_NAME, index.toJson());
    }

    private static TypeIndex readIndex(GenerationRequest request) throws UsageException {
        Path file = request.typesIndex() != null
                ? request.typesIndex()
                : request.output()
                        .resolve(request.typesNamespace().replace('.', '/'))
                        .resolve(TypeIndex.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    "no type index of " + request.typesNamespace() + " at " + file + ": generate the models first "
                            + "(the run with --namespace " + request.typesNamespace()
                            + " into the same --output), or point --types-index at its "
                            + TypeIndex.FILE_NAME);
        }
        try {
            TypeIndex index = TypeIndex.read(file);
            if (!index.namespace().equals(request.typesNamespace())) {
                throw new UsageException(file + " describes package " + index.namespace() + ", not --types-namespace "
                        + request.typesNamespace());
            }
            return index;
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Java forbids a package and a class of the same name: a client package nested in the types
     * package (MyApi.Realtime) must not be named like one of its classes (a schema "Realtime").
     */
    private static void checkPackageClash(GenerationRequest request, TypeIndex index) throws UsageException {
        String prefix = index.namespace() + ".";
        if (!request.namespace().startsWith(prefix)) return;
        String child = request.namespace().substring(prefix.length()).split("\\.", -1)[0];
        for (String type : index.types().keySet()) {
            if (type.equalsIgnoreCase(child)) {
                throw new UsageException("--namespace " + request.namespace() + " would put package " + prefix + child
                        + " beside the class " + prefix + type
                        + " of the same name, which Java does not allow; choose another --namespace");
            }
        }
    }

    /** The types package's context: a qualified name as given, a bare name in the types package, else the index's. */
    private static ClassName externalContext(GenerationRequest request, TypeIndex index) throws UsageException {
        String given = request.jsonSerializerContext();
        String name = given == null || given.isBlank()
                ? index.context()
                : given.contains(".") ? given : request.typesNamespace() + "." + given;
        if (index.context() != null && !index.context().equals(name)) {
            throw new UsageException("--json-serializer-context " + name + " is not the context of " + index.namespace()
                    + "; its run generated " + index.context());
        }
        // Not ClassName.bestGuess: package names may be capitalised (MyCompany.MyApi), as in the guide.
        int dot = name.lastIndexOf('.');
        return ClassName.get(name.substring(0, dot), name.substring(dot + 1));
    }

    private static String names(Collection<ClassName> classes) {
        if (classes.isEmpty()) return "";
        List<String> simple =
                classes.stream().map(ClassName::simpleName).sorted().toList();
        return ": " + String.join(", ", simple);
    }

    /** Plans, then writes the files into the output folder. */
    public static GenerationResult generate(GenerationRequest request)
            throws SpecException, UsageException, IOException {
        GenerationResult planned = plan(request);
        OutputWriter writer = new OutputWriter(request.output());
        List<GeneratedFile> files = planned.files();
        OutputWriter.Summary summary;
        try {
            summary = writer.write(files, request.namespace().replace('.', '/'));
        } catch (ForeignFileException e) {
            throw new UsageException(e.getMessage());
        }
        return new GenerationResult(
                files,
                planned.typeCount(),
                planned.warnings(),
                planned.notes(),
                summary.written(),
                summary.removed(),
                planned.details());
    }

    /**
     * Like {@link #generate(GenerationRequest)}; with {@code project} the output folder also becomes a
     * buildable Maven module: sources go to {@code <output>/src/main/java} and a {@code pom.xml} is
     * written beside them ({@link autosdk.write.ProjectPom}). {@code project} may be null.
     */
    public static GenerationResult generate(GenerationRequest request, ProjectCoordinates project)
            throws SpecException, UsageException, IOException {
        if (project == null) return generate(request);
        ProjectPom pom = new ProjectPom(request.output(), project.groupId(), project.artifactId(), project.version());
        try {
            pom.checkWritable();
        } catch (ForeignFileException e) {
            throw new UsageException(e.getMessage());
        }
        GenerationResult result = generate(request.toBuilder()
                .output(ProjectPom.sourceRoot(request.output()))
                .build());
        boolean changed;
        try {
            changed = pom.write(new autosdk.write.ProjectPom.Libraries(
                    request.libraries().jackson() == Libraries.Jackson.V3,
                    request.libraries().nullability() == Libraries.Nullability.JSPECIFY,
                    request.transport() == Transport.OKHTTP));
        } catch (ForeignFileException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> notes = new ArrayList<>(result.notes());
        notes.add("Maven module " + project + ": " + pom.file() + " (build it with mvn install)");
        return new GenerationResult(
                result.files(),
                result.typeCount(),
                result.warnings(),
                notes,
                result.filesChanged() + (changed ? 1 : 0),
                result.filesRemoved(),
                result.details());
    }

    static void validate(GenerationRequest request) throws UsageException {
        if (!JavaNames.isPackageName(request.namespace())) {
            throw new UsageException("--namespace '" + request.namespace() + "' is not a valid Java package name "
                    + "(dot-separated identifiers, ASCII, no Java keywords)");
        }
        if (JavaNames.isJdkPackage(request.namespace())) {
            throw new UsageException(
                    "--namespace '" + request.namespace() + "' is inside the JDK's own packages (java.*, javax.*), "
                            + "where generated classes cannot load or would shadow the platform; choose a "
                            + "package of your own, e.g. com.example.api");
        }
        if (request.typesNamespace() != null && !JavaNames.isPackageName(request.typesNamespace())) {
            throw new UsageException(
                    "--types-namespace '" + request.typesNamespace() + "' is not a valid Java package name");
        }
        if (request.typesNamespace() != null && JavaNames.isJdkPackage(request.typesNamespace())) {
            throw new UsageException("--types-namespace '" + request.typesNamespace()
                    + "' is inside the JDK's own packages (java.*, javax.*)");
        }
        if (request.generateModels() != GenerationRequest.ModelMode.TRUE && request.typesNamespace() == null) {
            throw new UsageException(
                    "--generate-models " + request.generateModels().name().toLowerCase(Locale.ROOT)
                            + " needs --types-namespace: the models must come from an earlier run's package");
        }
        String context = request.jsonSerializerContext();
        if (context != null && !context.isBlank() && !JavaNames.isPackageName(context)) {
            throw new UsageException("--json-serializer-context '" + context + "' is not a valid Java class name");
        }
    }
}
