package autosdk.emit.java;

import autosdk.model.ApiModel;
import autosdk.model.Operation;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits the REST client of an OpenAPI spec: an entry class with a builder, and one sub-client per first tag
 * ({@code client.pets().listPets()}); operations without a tag sit on the entry class itself. Tags whose
 * Java names coincide ("Dubbing", "dubbing") share one sub-client.
 */
final class RestClientEmitter implements ClientEmitter {
    private final JavaTypes types;
    private final EmitOptions options;

    RestClientEmitter(JavaTypes types, EmitOptions options) {
        this.types = types;
        this.options = options;
    }

    /** The operations of one sub-client; {@code tag} is null for the untagged ones on the entry class. */
    private record Group(String tag, String className, List<Operation> operations) {}

    @Override
    public List<String> wantedNames(ApiModel model) {
        List<String> names = new ArrayList<>();
        names.add(entryName(model));
        for (Group g : groups(model)) {
            if (g.tag() != null) names.add(g.className());
        }
        return names;
    }

    /**
     * One class holding operations: a sub-client with the entry class's accessor to it, or the entry class itself
     * ({@code accessor} null); {@code names.get(i)} are the Java names of {@code operations.get(i)}.
     */
    record ClientPlan(
            String tag, ClassName className, String accessor, List<RestOperation> operations, List<RestNames> names) {}

    /**
     * Where every operation's methods go and what they are called; the one place the names are decided, used by
     * {@link #emit} and by tests that call each operation's method by reflection. {@code names} are the classes of
     * {@link #wantedNames}.
     */
    List<ClientPlan> plan(ApiModel model, List<ClassName> names) {
        List<Group> groups = groups(model);
        JavaNames.Scope entryMethods = RestNames.methodScope();
        // Accessors first: the entry class's own (untagged) operations never take a tag's accessor name.
        List<String> accessors = new ArrayList<>();
        for (Group g : groups) {
            accessors.add(g.tag() == null ? null : entryMethods.allocate(JavaNames.memberName(g.tag())));
        }
        List<ClientPlan> plans = new ArrayList<>();
        int index = 1;
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            ClassName self = g.tag() == null ? names.get(0) : names.get(index++);
            JavaNames.Scope scope = g.tag() == null ? entryMethods : RestNames.methodScope();
            List<List<RestOperation>> variants = g.operations().stream()
                    .map(op -> RestOperation.variants(op, types))
                    .toList();
            List<String> primary =
                    RestNames.primary(variants.stream().map(v -> v.get(0)).toList(), scope);
            JavaNames.Scope nested = RestNames.nestedTypeScope(self.simpleName());
            List<RestOperation> ops = new ArrayList<>();
            List<RestNames> opNames = new ArrayList<>();
            for (int k = 0; k < variants.size(); k++) {
                List<RestOperation> v = variants.get(k);
                ops.add(v.get(0));
                opNames.add(RestNames.derive(v.get(0), primary.get(k), scope, nested, types));
                // Other request media types: createFileMultipart(...) next to createFile(...), named after every
                // primary.
                for (RestOperation alternative : v.subList(1, v.size())) {
                    ops.add(alternative);
                    opNames.add(RestNames.derive(
                            alternative,
                            scope.allocate(primary.get(k) + alternative.variantSuffix()),
                            scope,
                            nested,
                            types));
                }
            }
            plans.add(new ClientPlan(g.tag(), self, accessors.get(i), ops, opNames));
        }
        return plans;
    }

    @Override
    public List<TypeSpec> emit(ApiModel model, List<ClassName> names) {
        boolean usesSecurity = model.operations().stream()
                .anyMatch(op -> op.security().stream().anyMatch(s -> !s.isEmpty()));
        RestMethodEmitter methods = new RestMethodEmitter(types, usesSecurity);
        ClassName entry = names.get(0);
        ClassName executor = types.runtime("HttpExecutor");
        List<TypeSpec> out = new ArrayList<>();

        List<ClientPlan> plans = plan(model, names);
        Map<String, ClassName> subClients = new LinkedHashMap<>();
        Map<String, String> accessors = new LinkedHashMap<>();
        for (ClientPlan p : plans) {
            if (p.tag() == null) continue;
            ClassName sub = p.className();
            subClients.put(p.tag(), sub);
            accessors.put(p.tag(), p.accessor());
            TypeSpec.Builder type = TypeSpec.classBuilder(sub)
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addJavadoc(
                            "The {@code $L} operations; get it from {@link $T#$L()}.\n",
                            Javadocs.escape(p.tag()),
                            entry,
                            p.accessor())
                    .addField(FieldSpec.builder(executor, "executor", Modifier.PRIVATE, Modifier.FINAL)
                            .build())
                    .addMethod(MethodSpec.constructorBuilder()
                            .addParameter(executor, "executor")
                            .addStatement("this.executor = executor")
                            .build());
            addOperations(type, p, methods, Map.of(), Map.of());
            out.add(type.build());
        }
        TypeSpec.Builder entryType =
                new RestEntryEmitter(types, options.transport()).emit(entry, model, subClients, accessors);
        // The entry class always has both twins: they reach every sub-client's twin (client.async().rooms()), plus
        // the untagged operations when there are any.
        ClientPlan own = plans.stream()
                .filter(p -> p.tag() == null)
                .findFirst()
                .orElse(new ClientPlan(null, entry, null, List.of(), List.of()));
        addOperations(entryType, own, methods, subClients, accessors);
        out.add(0, entryType.build());
        return out;
    }

    /**
     * Adds the plan's operations to {@code type}, with its two twins as inner classes: {@code async()} (same method
     * names, {@code CompletableFuture} results) and {@code withRawResponse()} (same names, {@code ApiResponse} with
     * status, headers and request ID). Inner classes share the client's executor and private request builders.
     * On the entry class, {@code subClients} (by tag, with their {@code accessors}) get an accessor in each twin that
     * returns the sub-client's twin of the same kind.
     */
    private void addOperations(
            TypeSpec.Builder type,
            ClientPlan plan,
            RestMethodEmitter methods,
            Map<String, ClassName> subClients,
            Map<String, String> accessors) {
        ClassName self = plan.className();
        ClassName async = self.nestedClass(RestNames.ASYNC_CLASS);
        ClassName raw = self.nestedClass(RestNames.RAW_CLASS);
        String withSubClients = subClients.isEmpty() ? "" : " and of its sub-clients";
        String which = subClients.isEmpty() ? "The same operations" : "Every operation, sub-clients' included";
        TypeSpec.Builder asyncType = TypeSpec.classBuilder(async)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(
                        "The operations of {@link $T}$L, each returning a {@code CompletableFuture}; get it "
                                + "from {@link $T#async()}.\n",
                        self,
                        withSubClients,
                        self)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        TypeSpec.Builder rawType = TypeSpec.classBuilder(raw)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("""
                The operations of {@link $T}$L, each returning the status code, headers and request ID with the body;
                get it from {@link $T#withRawResponse()}.
                """, self, withSubClients, self)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        for (Map.Entry<String, ClassName> e : subClients.entrySet()) {
            String accessor = accessors.get(e.getKey());
            ClassName sub = e.getValue();
            asyncType.addMethod(MethodSpec.methodBuilder(accessor)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(sub.nestedClass(RestNames.ASYNC_CLASS))
                    .addJavadoc(
                            "The {@code $L} operations, asynchronous; same as {@code $N().async()}.\n",
                            Javadocs.escape(e.getKey()),
                            accessor)
                    .addStatement("return $T.this.$N.async()", self, accessor)
                    .build());
            rawType.addMethod(MethodSpec.methodBuilder(accessor)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(sub.nestedClass(RestNames.RAW_CLASS))
                    .addJavadoc(
                            "The {@code $L} operations with raw responses; same as {@code $N().withRawResponse()}.\n",
                            Javadocs.escape(e.getKey()),
                            accessor)
                    .addStatement("return $T.this.$N.withRawResponse()", self, accessor)
                    .build());
        }
        RestMethodEmitter.Targets targets = new RestMethodEmitter.Targets(type, self, asyncType, rawType);
        for (int i = 0; i < plan.operations().size(); i++) {
            methods.emit(targets, plan.operations().get(i), plan.names().get(i));
        }
        type.addMethod(MethodSpec.methodBuilder(RestNames.Own.ASYNC.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(async)
                .addJavadoc("$L, asynchronous: each returns a {@code CompletableFuture}.\n", which)
                .addStatement("return new $T()", async)
                .build());
        type.addMethod(MethodSpec.methodBuilder(RestNames.Own.WITH_RAW_RESPONSE.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(raw)
                .addJavadoc("$L, returning the status code, headers and request ID along with the body.\n", which)
                .addStatement("return new $T()", raw)
                .build());
        type.addType(asyncType.build());
        type.addType(rawType.build());
    }

    /** Groups by the Java name of the first tag, in order of first appearance; the untagged group last. */
    private static List<Group> groups(ApiModel model) {
        Map<String, Group> byName = new LinkedHashMap<>();
        List<Operation> untagged = new ArrayList<>();
        for (Operation op : model.operations()) {
            String tag = op.tags().isEmpty() || op.tags().get(0).isBlank()
                    ? null
                    : op.tags().get(0);
            if (tag == null) {
                untagged.add(op);
                continue;
            }
            String className = JavaNames.typeName(List.of(tag, "Client"));
            byName.computeIfAbsent(
                            className.toLowerCase(Locale.ROOT), k -> new Group(tag, className, new ArrayList<>()))
                    .operations()
                    .add(op);
        }
        List<Group> out = new ArrayList<>(byName.values());
        if (!untagged.isEmpty()) out.add(new Group(null, null, untagged));
        return out;
    }

    private String entryName(ApiModel model) {
        String given = options.clientClassName();
        if (given != null && !given.isBlank()) {
            // A valid identifier is used exactly as the user wrote it; anything else is made one.
            boolean valid = given.matches("[A-Za-z_$][A-Za-z0-9_$]*") && !JavaNames.KEYWORDS.contains(given);
            return valid ? given : JavaNames.typeName(List.of(given));
        }
        String base = JavaNames.typeName(List.of(model.title() == null ? "Api" : model.title()));
        return base.endsWith("Client") ? base : base + "Client";
    }

    @Override
    public List<String> runtimeFiles() {
        return RuntimeSources.http(options.transport());
    }
}
