package autosdk.emit.java;

import autosdk.model.ApiModel;
import autosdk.model.EnumType;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.UnionType;
import autosdk.write.GeneratedFile;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns a model into Java source files: names first, then one emitter per kind of type. */
public final class JavaEmitter {
    private final EmitOptions options;

    public JavaEmitter(EmitOptions options) {
        this.options = options;
    }

    /** What one run emits: the files and the classes made for the model's named types. */
    /**
     * What one run emits: the files, the classes made here for the model's named types, and the
     * classes of every named type (made here or reused from the types package).
     */
    public record Output(List<GeneratedFile> files, Map<String, ClassName> classNames, Map<String, ClassName> allClassNames) {}

    public Output emit(ApiModel model) {
        return emit(model, Map.of());
    }

    /**
     * Emits the model. {@code externalTypes} maps type ids to classes of another package (the
     * types namespace); those types are referenced, not generated.
     */
    public Output emit(ApiModel model, Map<String, ClassName> externalTypes) {
        String pkg = options.packageName();
        String runtimePackage = pkg + ".runtime";
        JavaNames.Scope scope = new JavaNames.Scope(true, options.reservedTypeNames());

        // Placeholder types let the client emitters be asked for their names before models are named.
        Map<String, ClassName> classNames = new LinkedHashMap<>(externalTypes);
        JavaTypes types = new JavaTypes(model, classNames, runtimePackage);
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
        for (NamedType t : model.types().values()) {
            if (externalTypes.containsKey(t.id())) continue;
            generated.add(t);
            classNames.put(t.id(), ClassName.get(pkg, scope.allocate(JavaNames.typeName(t.nameHint()))));
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
        // Types are independent of each other: emit them on all cores; the list keeps the model's order.
        files.addAll(generated.parallelStream().map(t -> {
            ClassName name = classNames.get(t.id());
            TypeSpec spec;
            if (t instanceof ObjectType o) spec = objects.emit(o, name);
            else if (t instanceof EnumType e) spec = enums.emit(e, name);
            else spec = unions.emit((UnionType) t, name);
            return file(folder, pkg, spec, qualify);
        }).toList());
        Set<String> runtime = new java.util.LinkedHashSet<>(RuntimeSources.JSON);
        for (int i = 0; i < clients.size(); i++) {
            for (TypeSpec spec : clients.get(i).emit(model, clientNames.get(i))) files.add(file(folder, pkg, spec, qualify));
            runtime.addAll(clients.get(i).runtimeFiles());
        }
        if (options.generateContext()) {
            files.add(file(folder, pkg, new ContextEmitter(types).emit(options.jsonContext(), registered), qualify));
        }
        files.addAll(RuntimeSources.copy(List.copyOf(runtime), runtimePackage, folder + "/runtime"));
        files.sort(java.util.Comparator.comparing(GeneratedFile::relativePath));
        Map<String, ClassName> own = new LinkedHashMap<>();
        for (NamedType t : generated) own.put(t.id(), classNames.get(t.id()));
        return new Output(files, own, Map.copyOf(classNames));
    }

    private GeneratedFile file(String folder, String pkg, TypeSpec spec, Set<String> qualify) {
        if (!qualify.isEmpty()) spec = spec.toBuilder().alwaysQualify(qualify.toArray(String[]::new)).build();
        JavaFile.Builder file = JavaFile.builder(pkg, spec)
                .addFileComment("Generated by AutoSDK from $L. Do not edit.", options.sourceName())
                .skipJavaLangImports(true)
                .indent("    ");
        return new GeneratedFile(folder + "/" + spec.name() + ".java",
                LongLines.wrap(autosdk.read.SourceText.escapeStandIns(file.build().toString())));
    }
}
