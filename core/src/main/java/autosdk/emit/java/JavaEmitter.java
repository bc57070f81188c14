package autosdk.emit.java;

import autosdk.emit.java.render.JavaFileRenderer;
import autosdk.model.ApiModel;
import autosdk.model.EnumType;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.UnionType;
import autosdk.write.GeneratedFile;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Turns a model into Java source files: names first, then one emitter per kind of type. */
public final class JavaEmitter {
    private final EmitOptions options;
    private final Function<JavaFile, String> render;

    public JavaEmitter(EmitOptions options) {
        this(options, JavaFileRenderer::text);
    }

    /** An emitter that turns each file into text with {@code render} (tests compare renderers this way). */
    JavaEmitter(EmitOptions options, Function<JavaFile, String> render) {
        this.options = options;
        this.render = render;
    }

    /** What one run emits: the files and the classes made for the model's named types. */
    /**
     * What one run emits: the files, the classes made here for the model's named types, and the
     * classes of every named type (made here or reused from the types package).
     */
    public record Output(
            List<GeneratedFile> files, Map<String, ClassName> classNames, Map<String, ClassName> allClassNames) {}

    public Output emit(ApiModel model) {
        return emit(model, Map.of());
    }

    /**
     * Emits the model. {@code externalTypes} maps type ids to classes of another package (the
     * types namespace); those types are referenced, not generated.
     */
    public Output emit(ApiModel specModel, Map<String, ClassName> specExternalTypes) {
        // Separators in spec text would break JavaPoet's output: emit from a copy whose strings carry stand-ins.
        ApiModel model = SourceText.protect(specModel);
        Map<String, ClassName> externalTypes = new LinkedHashMap<>();
        specExternalTypes.forEach((id, c) -> externalTypes.put(SourceText.protect(id), c));
        String pkg = options.packageName();
        String runtimePackage = pkg + ".runtime";
        JavaNames.Scope scope = new JavaNames.Scope(true, options.reservedTypeNames());

        // Placeholder types let the client emitters be asked for their names before models are named.
        Map<String, ClassName> classNames = new LinkedHashMap<>(externalTypes);
        JavaTypes types = new JavaTypes(model, classNames, runtimePackage, options.libraries());
        List<ClientEmitter> clients = new ArrayList<>();
        if (!model.operations().isEmpty()) clients.add(new RestClientEmitter(types, options));
        if (!model.channels().isEmpty()) clients.add(new WebSocketClientEmitter(types, options));
        List<List<ClassName>> clientNames = new ArrayList<>();
        for (ClientEmitter client : clients) {
            List<ClassName> names = new ArrayList<>();
            for (String wanted : client.wantedNames(model)) names.add(ClassName.get(pkg, scope.allocate(wanted)));
            clientNames.add(names);
        }
        List<NamedType> generated = new ArrayList<>();
        allocateTypeNames(model, scope, externalTypes.keySet());
        for (NamedType t : model.types().values()) {
            if (externalTypes.containsKey(t.id())) continue;
            generated.add(t);
            classNames.put(t.id(), ClassName.get(pkg, scope.get(t.id())));
        }
        Set<String> qualify = new TreeSet<>();
        for (ClassName c : classNames.values()) {
            if (JavaNames.JAVA_LANG.contains(c.simpleName())) qualify.add(c.simpleName());
        }
        for (List<ClassName> names : clientNames) {
            for (ClassName c : names) {
                if (JavaNames.JAVA_LANG.contains(c.simpleName())) qualify.add(c.simpleName());
            }
        }

        List<GeneratedFile> files = new ArrayList<>();
        String folder = pkg.replace('.', '/');
        ObjectEmitter objects = new ObjectEmitter(types);
        EnumEmitter enums = new EnumEmitter(types);
        UnionEmitter unions = new UnionEmitter(types);
        // The context also serves reused types (their codecs are public), so clients need just one context.
        List<ClassName> registered = new ArrayList<>(externalTypes.values());
        for (NamedType t : generated) registered.add(classNames.get(t.id()));
        // Types are independent of each other: emit them on all cores; the list keeps the model's order. Each spec is
        // turned into text as soon as it is built, so its many JavaPoet objects die young (see Pending).
        Deprecation deprecation = new Deprecation();
        List<Pending> pending = new ArrayList<>(generated.parallelStream()
                .map(t -> {
                    ClassName name = classNames.get(t.id());
                    if (t instanceof ObjectType o) return objects.emit(o, name);
                    if (t instanceof EnumType e) return types.nullness().unmarked(enums.emit(e, name));
                    return types.nullness().unmarked(unions.emit((UnionType) t, name));
                })
                .map(spec -> pending(spec, folder, pkg, qualify, deprecation))
                .toList());
        Set<String> runtime = new LinkedHashSet<>(RuntimeSources.JSON);
        for (int i = 0; i < clients.size(); i++) {
            for (TypeSpec spec : clients.get(i).emit(model, clientNames.get(i))) {
                pending.add(pending(types.nullness().unmarked(spec), folder, pkg, qualify, deprecation));
            }
            runtime.addAll(clients.get(i).runtimeFiles());
        }
        if (options.generateContext()) {
            TypeSpec context = new ContextEmitter(types).emit(options.jsonContext(), registered);
            pending.add(pending(types.nullness().unmarked(context), folder, pkg, qualify, deprecation));
        }
        // Generated code encodes, decodes and dispatches what the spec deprecates on purpose; the deprecation warning
        // is for the user's code, so when anything is deprecated every generated type suppresses it for its own uses.
        boolean suppress = deprecation.seen;
        files.addAll(pending.parallelStream()
                .map(p -> p.suppressed() == suppress
                        ? p.rendered()
                        : file(folder, pkg, suppressDeprecation(p.spec()), qualify))
                .toList());
        GeneratedFile packageInfo = types.nullness().packageInfo(pkg, folder, options.sourceName());
        if (packageInfo != null) files.add(packageInfo);
        files.addAll(RuntimeSources.copy(
                List.copyOf(runtime),
                runtimePackage,
                folder + "/runtime",
                options.libraries().jackson()));
        files.sort(Comparator.comparing(GeneratedFile::relativePath));
        // Callers know the model's ids as the spec wrote them.
        Map<String, ClassName> own = new LinkedHashMap<>();
        for (NamedType t : generated) own.put(SourceText.restore(t.id()), classNames.get(t.id()));
        Map<String, ClassName> all = new LinkedHashMap<>();
        classNames.forEach((id, c) -> all.put(SourceText.restore(id), c));
        return new Output(files, own, Map.copyOf(all));
    }

    /**
     * The simple class names a run that generates every model type gives them (type id → name), allocated exactly as
     * {@link #emit} does: a run sharing those types ({@code --types-namespace}) looks them up under these names, so a
     * type the models run suffixed ("pet" beside "Pet" becomes Pet2) is found under its suffixed name.
     */
    public static Map<String, String> typeNames(ApiModel model, List<String> reservedTypeNames) {
        JavaNames.Scope scope = new JavaNames.Scope(true, reservedTypeNames);
        allocateTypeNames(model, scope, Set.of());
        Map<String, String> names = new LinkedHashMap<>();
        for (NamedType t : model.types().values()) names.put(t.id(), scope.get(t.id()));
        return names;
    }

    /**
     * Allocates each model type's class name in model order, tagged with the type's id; {@code skip} are not generated.
     */
    private static void allocateTypeNames(ApiModel model, JavaNames.Scope scope, Set<String> skip) {
        for (NamedType t : model.types().values()) {
            if (!skip.contains(t.id())) scope.allocate(JavaNames.typeName(t.nameHint()), t.id());
        }
    }

    private static final ClassName DEPRECATED = ClassName.get(Deprecated.class);

    /** Whether the type, a member or a nested type is {@code @Deprecated}. */
    private static boolean declaresDeprecated(TypeSpec spec) {
        if (spec.annotations().stream().anyMatch(a -> a.type().equals(DEPRECATED))) return true;
        if (spec.methodSpecs().stream()
                .anyMatch(m -> m.annotations().stream().anyMatch(a -> a.type().equals(DEPRECATED)))) return true;
        if (spec.fieldSpecs().stream()
                .anyMatch(f -> f.annotations().stream().anyMatch(a -> a.type().equals(DEPRECATED)))) return true;
        return spec.typeSpecs().stream().anyMatch(JavaEmitter::declaresDeprecated)
                || spec.enumConstants().values().stream().anyMatch(JavaEmitter::declaresDeprecated);
    }

    /** Whether any generated type declares something deprecated: set once, by whichever thread sees it first. */
    private static final class Deprecation {
        volatile boolean seen;
    }

    /**
     * A type's file, rendered as soon as its spec is built. Whether it carries {@code @SuppressWarnings("deprecation")}
     * depends on every type of the run; once any type was seen deprecated the answer is yes and the file is final,
     * else it is rendered without and the spec is kept in case a later type turns out deprecated. (In a run with
     * deprecations, which the large specs have, only the specs built before the first deprecated one are kept.)
     */
    private record Pending(TypeSpec spec, GeneratedFile rendered, boolean suppressed) {}

    private Pending pending(TypeSpec spec, String folder, String pkg, Set<String> qualify, Deprecation deprecation) {
        if (!deprecation.seen && declaresDeprecated(spec)) deprecation.seen = true;
        if (deprecation.seen) return new Pending(null, file(folder, pkg, suppressDeprecation(spec), qualify), true);
        return new Pending(spec, file(folder, pkg, spec, qualify), false);
    }

    private static TypeSpec suppressDeprecation(TypeSpec spec) {
        return spec.toBuilder()
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "deprecation")
                        .build())
                .build();
    }

    private GeneratedFile file(String folder, String pkg, TypeSpec spec, Set<String> qualify) {
        if (!qualify.isEmpty()) {
            spec = spec.toBuilder()
                    .alwaysQualify(qualify.toArray(String[]::new))
                    .build();
        }
        JavaFile.Builder file = JavaFile.builder(pkg, spec)
                .addFileComment("Generated by AutoSDK from $L. Do not edit.", options.sourceName())
                .skipJavaLangImports(true)
                .indent("    ");
        return new GeneratedFile(
                folder + "/" + spec.name() + ".java",
                LongLines.wrap(CompactLayout.apply(SourceText.escapeStandIns(render.apply(file.build())))));
    }
}
