package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.OBJECTS;

import autosdk.model.Body;
import autosdk.model.Doc;
import autosdk.model.EnumType;
import autosdk.model.ObjectType;
import autosdk.model.Pagination;
import autosdk.model.Parameter;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import autosdk.model.UnionType.Variant;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Emits the methods of one operation into its client class and that class's {@code async()} and
 * {@code withRawResponse()} twins (same names; each method with a per-call {@code RequestOptions} overload), the
 * {@code …Stream} variant of operations that
 * can answer with server-sent events or JSON Lines, {@code …AsInputStream} for binary downloads, and one private
 * method that builds the request so all of them share it.
 */
final class RestMethodEmitter {
    /**
     * The names the generated bodies give themselves (locals, the {@code executor} field), allocated before the spec's
     * parameters so a parameter never takes one: a query parameter named {@code json} becomes {@code json2}.
     */
    private enum Local {
        OPTIONS,
        PARAMS,
        BODY,
        FORM,
        REQUEST,
        STREAMING,
        EXECUTOR,
        JSON
    }

    private static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
    private static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");

    private final JavaTypes types;
    private final RestForms forms;
    private final boolean apiUsesSecurity;

    RestMethodEmitter(JavaTypes types, boolean apiUsesSecurity) {
        this.types = types;
        this.forms = new RestForms(types);
        this.apiUsesSecurity = apiUsesSecurity;
    }

    /** One argument of the public methods. */
    private record Arg(String name, TypeName type, Parameter param, String javadoc) {}

    /**
     * The classes one client's methods go into: the blocking class itself, its {@code async()} twin (same names,
     * {@code CompletableFuture} results) and its {@code withRawResponse()} twin (same names, {@code ApiResponse}
     * results with status, headers and request ID).
     */
    record Targets(TypeSpec.Builder blocking, ClassName self, TypeSpec.Builder async, TypeSpec.Builder raw) {}

    /**
     * Adds the operation's methods and nested types to the targets; the blocking class has an {@code executor} field.
     */
    void emit(Targets targets, RestOperation op, RestNames names) {
        TypeSpec.Builder type = targets.blocking();
        ClassName self = targets.self();
        JavaNames.Scope locals = new JavaNames.Scope(false, List.of());
        for (Local local : Local.values()) locals.allocate(local.name().toLowerCase(Locale.ROOT), local);
        List<Arg> args = new ArrayList<>();
        for (Parameter p : op.required()) {
            args.add(
                    new Arg(locals.allocate(JavaNames.memberName(p.name())), types.javaType(p.type()), p, paramDoc(p)));
        }
        TypeName bodyType = bodyType(op, self, names);
        if (bodyType != null) {
            String doc = op.op().requestBodyRequired()
                    ? "the request body (" + Javadocs.escape(op.request().mediaType()) + ")"
                    : "the request body (" + Javadocs.escape(op.request().mediaType())
                            + "), or {@code null} to send none";
            args.add(new Arg(locals.get(names.form() != null ? Local.FORM : Local.BODY), bodyType, null, doc));
        }
        Arg optional = null;
        if (names.params() != null) {
            optional = new Arg(
                    locals.get(Local.PARAMS),
                    self.nestedClass(names.params()),
                    null,
                    "optional parameters, or {@code null} for none");
            type.addType(forms.params(
                    self.nestedClass(names.params()), op.optional(), op.op().operationId()));
        } else if (op.optional().size() == 1) {
            Parameter p = op.optional().get(0);
            optional = new Arg(
                    locals.allocate(JavaNames.memberName(p.name())),
                    types.javaType(p.type()).box(),
                    p,
                    paramDoc(p) + " (optional, {@code null} to leave it out)");
        }
        if (names.form() != null) {
            type.addType(forms.form(
                    self.nestedClass(names.form()),
                    RestForms.formObject(op, types),
                    op.op().operationId()));
        }

        type.addMethod(requestMethod(op, names, args, optional, self));
        if (names.errors() != null) type.addMethod(errorMethod(op, names));

        TypeName result = resultType(op);
        TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box();
        CodeBlock decoder = decoder(op.responseKind(), op.response());
        boolean hasStreamFlag = op.stream() != null;
        Doc doc = op.op().doc();
        String main = names.method();

        // Blocking: the one place the operation is documented in full.
        addVariants(
                type,
                self,
                op,
                main,
                args,
                optional,
                result,
                "return executor.execute($L, $L)",
                decoder,
                names,
                false,
                fullDoc(op),
                doc,
                hasStreamFlag,
                returnDoc(op));
        // The async() twin.
        addVariants(
                targets.async(),
                self,
                op,
                main,
                args,
                optional,
                ParameterizedTypeName.get(COMPLETABLE_FUTURE, boxed),
                "return executor.executeAsync($L, $L)",
                decoder,
                names,
                false,
                "Asynchronous {@code " + main
                        + "}: the future completes with the result or fails with an {@code ApiException}.",
                doc,
                hasStreamFlag,
                null);
        // The withRawResponse() twin.
        addVariants(
                targets.raw(),
                self,
                op,
                main,
                args,
                optional,
                ParameterizedTypeName.get(types.runtime("ApiResponse"), boxed),
                "return executor.executeWithResponse($L, $L)",
                decoder,
                names,
                false,
                "{@code " + main + "} returning the status code, headers and request ID along with the body.",
                doc,
                hasStreamFlag,
                null);
        if (op.stream() != null) {
            TypeName event = eventType(op.stream());
            CodeBlock streamDecoder = decoder(
                    op.stream().isEventStream() ? RestOperation.ResponseKind.SSE : RestOperation.ResponseKind.NDJSON,
                    op.stream());
            String what = op.streamFlag() != null
                    ? "Sends {@code \"" + Javadocs.escape(op.streamFlag()) + "\": true} and reads the "
                    : "Asks for ";
            addVariants(
                    type,
                    self,
                    op,
                    names.stream(),
                    args,
                    optional,
                    ParameterizedTypeName.get(STREAM, event),
                    "return executor.execute($L, $L)",
                    streamDecoder,
                    names,
                    true,
                    "{@code " + main + "} that " + lowerFirst(what)
                            + "response as a stream of events ("
                            + Javadocs.escape(op.stream().mediaType()) + "), read lazily as they "
                            + "arrive; close the stream to release the connection early.",
                    doc,
                    true,
                    null);
        }
        if (names.paged() != null) addPaged(targets, op, names, args, optional, doc, hasStreamFlag);
        if (names.inputStream() != null) {
            addVariants(
                    type,
                    self,
                    op,
                    names.inputStream(),
                    args,
                    optional,
                    ClassName.get("java.io", "InputStream"),
                    "return executor.execute($L, $L)",
                    CodeBlock.of("$T.inputStream()", types.runtime("HttpResponseDecoder")),
                    names,
                    false,
                    "{@code " + main
                            + "} returning the body as it arrives, without buffering; the caller must close it.",
                    doc,
                    hasStreamFlag,
                    null);
        }
    }

    /**
     * The {@code …Paged} methods of a list operation that pages (blocking, and {@code CompletableFuture} on the async
     * twin), returning the first {@code Page}; a private static {@code …Paging()} says how to go from page to page.
     */
    private void addPaged(
            Targets targets,
            RestOperation op,
            RestNames names,
            List<Arg> args,
            Arg optional,
            Doc doc,
            boolean hasStreamFlag) {
        Pagination p = op.op().pagination();
        TypeName item = types.javaType(p.itemType()).box();
        TypeName response = types.javaType(op.response().type());
        ClassName page = types.runtime("Page");
        ClassName paging = types.runtime("HttpPaging");
        CodeBlock decoder = decoder(RestOperation.ResponseKind.JSON, op.response());
        CodeBlock items = CodeBlock.of(
                "r -> $L", p.items().isEmpty() ? "r" : accessor(op.response().type(), p.items(), "r"));
        CodeBlock hasMore = p.hasMore().isEmpty()
                ? CodeBlock.of("null")
                : CodeBlock.of("r -> $L", accessor(op.response().type(), p.hasMore(), "r"));
        CodeBlock strategy = switch (p.kind()) {
            case CURSOR ->
                p.nextItemField() != null
                        ? CodeBlock.of(
                                "$T.lastItemCursor($L, $S, $L, item -> $L, $L)",
                                paging,
                                decoder,
                                p.param(),
                                items,
                                accessor(p.itemType(), List.of(p.nextItemField()), "item"),
                                hasMore)
                        : CodeBlock.of(
                                "$T.cursor($L, $S, $L, r -> $L, $L)",
                                paging,
                                decoder,
                                p.param(),
                                items,
                                accessor(op.response().type(), p.next(), "r"),
                                hasMore);
            case NEXT_URL ->
                CodeBlock.of(
                        "$T.nextUrl($L, $L, r -> $L, $L)",
                        paging,
                        decoder,
                        items,
                        accessor(op.response().type(), p.next(), "r"),
                        hasMore);
            case OFFSET ->
                CodeBlock.of("$T.offset($L, $S, $LL, $L, $L)", paging, decoder, p.param(), p.start(), items, hasMore);
            case PAGE ->
                CodeBlock.of(
                        "$T.pageNumber($L, $S, $LL, $L, $L)", paging, decoder, p.param(), p.start(), items, hasMore);
        };
        targets.blocking()
                .addMethod(MethodSpec.methodBuilder(names.paging())
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(paging, response, item))
                        .addJavadoc("How {@code $L} pages: $L.\n", names.method(), Javadocs.escape(p.describe()))
                        .addStatement("return $L", strategy)
                        .build());
        String what = "{@code " + names.method()
                + "} page by page: returns the first page; its {@code autoPager()} and\n{@code stream()} "
                + "go through every item, fetching the next pages as they are reached ("
                + Javadocs.escape(describeShort(p)) + ").";
        CodeBlock pageType = CodeBlock.of("$T", page);
        addVariants(
                targets.blocking(),
                targets.self(),
                op,
                names.paged(),
                args,
                optional,
                ParameterizedTypeName.get(page, item),
                "return $2L.first(executor, $1L, " + names.paging() + "())",
                pageType,
                names,
                false,
                what,
                doc,
                hasStreamFlag,
                null);
        addVariants(
                targets.async(),
                targets.self(),
                op,
                names.paged(),
                args,
                optional,
                ParameterizedTypeName.get(COMPLETABLE_FUTURE, ParameterizedTypeName.get(page, item)),
                "return $2L.firstAsync(executor, $1L, " + names.paging() + "())",
                pageType,
                names,
                false,
                "Asynchronous " + what + "\nThe page's {@code nextPageAsync()} fetches the next one without blocking.",
                doc,
                hasStreamFlag,
                null);
    }

    private static String describeShort(Pagination p) {
        return switch (p.kind()) {
            case CURSOR -> "cursor parameter " + p.param();
            case NEXT_URL -> "next-page URL " + String.join(".", p.next());
            case OFFSET -> "offset parameter " + p.param();
            case PAGE -> "page parameter " + p.param();
        };
    }

    /**
     * A null-safe expression reading a property path from {@code var}: {@code r.data()}, or
     * {@code r.meta() == null ? null : r.meta().nextCursor()} for a nested one.
     */
    private String accessor(TypeRef root, List<String> path, String var) {
        StringBuilder expr = new StringBuilder(var);
        List<String> nullChecks = new ArrayList<>();
        TypeRef t = root;
        for (int i = 0; i < path.size(); i++) {
            ObjectType o = (ObjectType) types.named((TypeRef.Named) t);
            int index = 0;
            while (!o.properties().get(index).jsonName().equals(path.get(i))) index++;
            if (i > 0) nullChecks.add(expr + " == null");
            expr.append('.').append(ObjectEmitter.memberNames(o).get(index)).append("()");
            t = o.properties().get(index).type();
        }
        return nullChecks.isEmpty() ? expr.toString() : String.join(" || ", nullChecks) + " ? null : " + expr;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The short, optional-object and full ({@code RequestOptions}) overloads of one variant. With the operation's
     * {@link #fullDoc} as {@code header} (the blocking variant) the full overload carries the whole Javadoc; every
     * other method gets {@code header} as one sentence and a {@code @see} to it, so an operation is documented once.
     */
    private void addVariants(
            TypeSpec.Builder type,
            ClassName self,
            RestOperation op,
            String name,
            List<Arg> args,
            Arg optional,
            TypeName returns,
            String call,
            CodeBlock decoder,
            RestNames names,
            boolean streaming,
            String header,
            Doc doc,
            boolean passStreaming,
            String returnDoc) {
        ClassName options = types.runtime("RequestOptions");
        List<String> argNames = args.stream().map(Arg::name).toList();
        String joined = String.join(", ", argNames);
        String prefix = joined.isEmpty() ? "" : joined + ", ";
        CodeBlock request = CodeBlock.of(
                "$N($L$L$L)",
                names.request(),
                prefix,
                optional == null ? "" : optional.name() + ", ",
                passStreaming ? "options, " + streaming : "options");
        boolean isVoid = returns.equals(TypeName.VOID);
        boolean primary = header.equals(fullDoc(op));
        String see = "@see " + self.simpleName() + "#" + names.method() + "\n";

        MethodSpec.Builder full = method(name, returns, doc)
                .addJavadoc(
                        "$L",
                        primary
                                ? javadoc(header, op, args, optional, true, returnDoc)
                                : header + "\n\n" + see + deprecatedTag(op));
        for (Arg a : args) full.addParameter(a.type(), a.name());
        if (optional != null) full.addParameter(optional.type(), optional.name());
        full.addParameter(options, "options");
        full.addCode(CodeBlock.builder()
                .addStatement(isVoid ? call.replace("return ", "") : call, request, decoder)
                .build());
        type.addMethod(full.build());

        String overloadDoc = (primary ? "{@code " + name + "} with default per-call options." : header) + "\n\n" + see
                + deprecatedTag(op);
        String delegate = (isVoid ? "" : "return ") + "$N($L$L$T.none())";
        if (optional != null) {
            MethodSpec.Builder withOptional = method(name, returns, doc).addJavadoc("$L", overloadDoc);
            for (Arg a : args) withOptional.addParameter(a.type(), a.name());
            withOptional.addParameter(optional.type(), optional.name());
            withOptional.addStatement(delegate, name, prefix, optional.name() + ", ", options);
            type.addMethod(withOptional.build());
        }
        MethodSpec.Builder shortForm = method(name, returns, doc).addJavadoc("$L", overloadDoc);
        for (Arg a : args) shortForm.addParameter(a.type(), a.name());
        shortForm.addStatement(delegate, name, prefix, optional == null ? "" : "null, ", options);
        type.addMethod(shortForm.build());
    }

    private static String deprecatedTag(RestOperation op) {
        return op.op().doc().deprecated() ? "@deprecated deprecated in the API description\n" : "";
    }

    private MethodSpec.Builder method(String name, TypeName returns, Doc doc) {
        MethodSpec.Builder m =
                MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
        if (doc.deprecated()) m.addAnnotation(Deprecated.class);
        return m;
    }

    private MethodSpec requestMethod(RestOperation op, RestNames names, List<Arg> args, Arg optional, ClassName self) {
        ClassName spec = types.runtime("HttpRequestSpec");
        MethodSpec.Builder m = MethodSpec.methodBuilder(names.request())
                .addModifiers(Modifier.PRIVATE)
                .returns(spec);
        for (Arg a : args) m.addParameter(a.type(), a.name());
        if (optional != null) m.addParameter(optional.type(), optional.name());
        m.addParameter(types.runtime("RequestOptions"), "options");
        if (op.stream() != null) m.addParameter(TypeName.BOOLEAN, "streaming");
        m.addStatement(
                "$T.Builder request = $T.builder($S, $S)",
                spec,
                spec,
                op.op().method().toUpperCase(Locale.ROOT),
                op.path());
        for (Map.Entry<String, String> q : op.fixedQuery().entrySet()) {
            m.addStatement("request.queryParam($S, $S)", q.getKey(), q.getValue());
        }
        for (Arg a : args) {
            if (a.param() != null) m.addStatement(param(a.param(), CodeBlock.of("$N", a.name())));
        }
        if (names.params() != null) {
            List<String> fields = RestForms.paramNames(op.optional());
            m.beginControlFlow("if (params != null)");
            for (int i = 0; i < fields.size(); i++) {
                m.addStatement(param(op.optional().get(i), CodeBlock.of("params.$N", fields.get(i))));
            }
            m.endControlFlow();
        } else if (optional != null) {
            m.addStatement(param(optional.param(), CodeBlock.of("$N", optional.name())));
        }
        addBody(m, op, names);
        String accept = op.accept();
        if (op.stream() != null) {
            m.addStatement(
                    "request.accept(streaming ? $S : $S)", op.stream().mediaType(), accept == null ? "*/*" : accept);
        } else if (accept != null) {
            m.addStatement("request.accept($S)", accept);
        }
        if (names.errors() != null) m.addStatement("request.errorDecoder($T::$N)", self, names.errors());
        op.credentialHeaders()
                .forEach((header, schemes) -> m.addStatement("request.requireHeader($S, $S)", header, schemes));
        List<List<String>> security =
                op.op().security().stream().filter(s -> !s.isEmpty()).toList();
        if (!security.isEmpty()) {
            for (List<String> alternative : security) {
                CodeBlock schemes =
                        alternative.stream().map(s -> CodeBlock.of("$S", s)).collect(CodeBlock.joining(", "));
                m.addStatement("request.security($L)", schemes);
            }
        } else if (apiUsesSecurity) {
            m.addStatement("request.noAuth()");
        }
        m.addStatement("request.options(options)");
        m.addStatement("return request.build()");
        return m.build();
    }

    private void addBody(MethodSpec.Builder m, RestOperation op, RestNames names) {
        if (op.requestKind() == RestOperation.RequestKind.NONE) return;
        String var = names.form() != null ? "form" : "body";
        // A required body is checked once; an optional one is sent only when given.
        boolean required = op.op().requestBodyRequired();
        if (required) m.addStatement("$T.requireNonNull($N, $S)", OBJECTS, var, var);
        else m.beginControlFlow("if ($N != null)", var);
        ClassName httpBody = types.runtime("HttpBody");
        ClassName httpJson = types.runtime("HttpJson");
        String media = op.request().mediaType();
        TypeRef type =
                op.request().type() == null ? new TypeRef.Any() : op.request().type();
        switch (op.requestKind()) {
            case JSON -> {
                m.addStatement("byte[] json = $T.write(body, $L)", httpJson, types.writer(type));
                if (op.streamFlag() != null) {
                    m.addStatement("if (streaming) json = $T.withMember(json, $S, true)", httpJson, op.streamFlag());
                }
                m.addStatement(
                        "request.body($T.json(json, $S))", httpBody, media.equals("*/*") ? "application/json" : media);
            }
            case FORM -> {
                if (op.request().type() == null) m.addStatement("request.body($T.form(body))", httpBody);
                else {
                    m.addStatement(
                            "request.body($T.form($T.formFields($T.write(body, $L))))",
                            httpBody,
                            httpJson,
                            httpJson,
                            types.writer(type));
                }
            }
            case MULTIPART ->
                m.addStatement(names.form() != null ? "request.body(form.toHttpBody())" : "request.body(body)");
            case TEXT -> m.addStatement("request.body($T.text(body, $S))", httpBody, media);
            default -> m.addStatement("request.body(body)");
        }
        if (!required) m.endControlFlow();
    }

    /** A statement adding one parameter with its style; structured values go through their JSON codec. */
    private CodeBlock param(Parameter p, CodeBlock value) {
        CodeBlock v = needsJson(p.type())
                ? CodeBlock.of("$T.toParam($L, $L)", types.runtime("HttpJson"), value, types.writer(p.type()))
                : value;
        ClassName style = types.runtimeNested("HttpParams", "Style");
        return switch (p.in()) {
            case PATH ->
                CodeBlock.of(
                        "request.pathParam($S, $L, $T.$L, $L)",
                        p.name(),
                        v,
                        style,
                        styleConstant(p.style(), Set.of("simple", "label", "matrix"), "simple"),
                        p.explode());
            case QUERY ->
                CodeBlock.of(
                        "request.queryParam($S, $L, $T.$L, $L)",
                        p.name(),
                        v,
                        style,
                        styleConstant(
                                p.style(), Set.of("form", "spaceDelimited", "pipeDelimited", "deepObject"), "form"),
                        p.explode());
            case HEADER -> CodeBlock.of("request.headerParam($S, $L, $L)", p.name(), v, p.explode());
            case COOKIE -> CodeBlock.of("request.cookieParam($S, $L, $L)", p.name(), v, p.explode());
        };
    }

    private static String styleConstant(String style, Set<String> allowed, String fallback) {
        String s = allowed.contains(style) ? style : fallback;
        return switch (s) {
            case "label" -> "LABEL";
            case "matrix" -> "MATRIX";
            case "form" -> "FORM";
            case "spaceDelimited" -> "SPACE_DELIMITED";
            case "pipeDelimited" -> "PIPE_DELIMITED";
            case "deepObject" -> "DEEP_OBJECT";
            default -> "SIMPLE";
        };
    }

    /** Scalars (but bytes), enums and lists of them serialize as they are; everything else through JSON. */
    private boolean needsJson(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return s.kind() == TypeRef.ScalarKind.BASE64 || s.kind() == TypeRef.ScalarKind.BINARY;
        }
        if (type instanceof TypeRef.ListOf l) return needsJson(l.item()) || l.item() instanceof TypeRef.ListOf;
        if (type instanceof TypeRef.Named n) {
            return !(types.named(n) instanceof EnumType) || types.className(n.id()) == null;
        }
        return true;
    }

    private MethodSpec errorMethod(RestOperation op, RestNames names) {
        // The declared error model's own type when every error status shares one, so the decoder says what it returns.
        Set<TypeName> models = new LinkedHashSet<>();
        for (TypeRef t : op.errors().values()) models.add(types.javaType(t).box());
        TypeName returns = models.size() == 1 ? models.iterator().next() : ClassName.get(Object.class);
        MethodSpec.Builder m = MethodSpec.methodBuilder(names.errors())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(returns)
                .addException(IOException.class)
                .addParameter(int.class, "status")
                .addParameter(String.class, "text")
                .addParameter(types.runtime("HttpHeaders"), "headers");
        ClassName httpJson = types.runtime("HttpJson");
        TypeRef fallback = null;
        List<Map.Entry<String, TypeRef>> ranges = new ArrayList<>();
        for (Map.Entry<String, TypeRef> e : op.errors().entrySet()) {
            String status = e.getKey().toUpperCase(Locale.ROOT);
            if (status.equals("DEFAULT")) fallback = e.getValue();
            else if (status.endsWith("XX")) {
                ranges.add(e);
            } else if (status.matches("\\d{3}")) {
                m.addStatement(
                        "if (status == $L) return $T.read(text, $L)", status, httpJson, types.reader(e.getValue()));
            }
        }
        for (Map.Entry<String, TypeRef> e : ranges) {
            int first = (e.getKey().charAt(0) - '0') * 100;
            m.addStatement(
                    "if (status >= $L && status <= $L) return $T.read(text, $L)",
                    first,
                    first + 99,
                    httpJson,
                    types.reader(e.getValue()));
        }
        if (fallback != null) m.addStatement("return $T.read(text, $L)", httpJson, types.reader(fallback));
        else m.addStatement("return null");
        return m.build();
    }

    private TypeName bodyType(RestOperation op, ClassName self, RestNames names) {
        if (op.requestKind() == RestOperation.RequestKind.NONE) return null;
        TypeRef type =
                op.request().type() == null ? new TypeRef.Any() : op.request().type();
        return switch (op.requestKind()) {
            case JSON -> types.javaType(type);
            case FORM ->
                op.request().type() == null
                        ? ParameterizedTypeName.get(
                                ClassName.get(Map.class),
                                ClassName.get(String.class),
                                WildcardTypeName.subtypeOf(Object.class))
                        : types.javaType(type);
            case MULTIPART -> names.form() != null ? self.nestedClass(names.form()) : types.runtime("HttpBody");
            case TEXT -> ClassName.get(String.class);
            default -> types.runtime("HttpBody");
        };
    }

    private TypeName resultType(RestOperation op) {
        return switch (op.responseKind()) {
            case VOID -> TypeName.VOID;
            case JSON ->
                types.javaType(
                        op.response().type() == null
                                ? new TypeRef.Any()
                                : op.response().type());
            case TEXT -> ClassName.get(String.class);
            case BYTES -> TypeName.get(byte[].class);
            case SSE, NDJSON -> ParameterizedTypeName.get(STREAM, eventType(op.response()));
        };
    }

    private TypeName eventType(Body body) {
        return body.type() == null
                ? ClassName.get(String.class)
                : types.javaType(body.type()).box();
    }

    private CodeBlock decoder(RestOperation.ResponseKind kind, Body body) {
        ClassName decoders = types.runtime("HttpResponseDecoder");
        ClassName httpJson = types.runtime("HttpJson");
        return switch (kind) {
            case VOID -> CodeBlock.of("$T.discard()", decoders);
            case JSON ->
                CodeBlock.of(
                        "$T.decoder($L)",
                        httpJson,
                        types.reader(body.type() == null ? new TypeRef.Any() : body.type()));
            case TEXT -> CodeBlock.of("$T.string()", decoders);
            case BYTES -> CodeBlock.of("$T.bytes()", decoders);
            case SSE, NDJSON -> {
                if (kind == RestOperation.ResponseKind.SSE && body.isSseEnvelope()) yield envelopeDecoder(body);
                ClassName helper = types.runtime(kind == RestOperation.ResponseKind.SSE ? "HttpSse" : "HttpNdjson");
                yield body.type() == null
                        ? CodeBlock.of("$T.decoder(data -> data)", helper)
                        : CodeBlock.of("$T.decoder($T.mapper($L))", helper, httpJson, types.reader(body.type()));
            }
        };
    }

    /** Events of an envelope schema: {@code data} from the data lines, the other properties from the SSE fields. */
    private CodeBlock envelopeDecoder(Body body) {
        List<CodeBlock> args = new ArrayList<>();
        args.add(types.reader(body.type()));
        args.add(CodeBlock.of("$L", isTextData(body.sseData())));
        Set<String> fields = new TreeSet<>();
        collectSseFields(body.type(), fields);
        for (String field : fields) args.add(CodeBlock.of("$S", field));
        return CodeBlock.of("$T.decoder($L)", types.runtime("HttpSseEnvelope"), CodeBlock.join(args, ", "));
    }

    /** The SSE properties besides {@code data} of an envelope object, or of every envelope of a union. */
    private void collectSseFields(TypeRef type, Set<String> fields) {
        if (!(type instanceof TypeRef.Named n)) return;
        if (types.named(n) instanceof ObjectType o) {
            for (Property p : o.properties()) {
                if (!p.jsonName().equals("data")) fields.add(p.jsonName());
            }
        } else if (types.named(n) instanceof UnionType u) {
            for (Variant v : u.variants()) collectSseFields(v.type(), fields);
        }
    }

    /** Whether data of this type is JSON text on the wire as a string, so the SSE data is taken as that string. */
    private boolean isTextData(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) {
            return switch (s.kind()) {
                case STRING, DATE_TIME, DATE, TIME, DURATION, UUID, URI, BASE64 -> true;
                default -> false;
            };
        }
        return type instanceof TypeRef.Named n && types.named(n) instanceof EnumType e && !e.integer();
    }

    // ---- Javadoc ------------------------------------------------------------------------------

    private String paramDoc(Parameter p) {
        String where = p.in().name().toLowerCase(Locale.ROOT) + " parameter {@code " + Javadocs.escape(p.name()) + "}";
        String text = p.doc().description() == null || p.doc().description().isBlank()
                ? ""
                : ": " + Javadocs.markdown(p.doc().description(), false);
        return "the " + where + text;
    }

    private static String httpLine(RestOperation op) {
        return "<p>HTTP: <code>" + op.op().method().toUpperCase(Locale.ROOT) + " "
                + Javadocs.escape(op.op().path()) + "</code>\n";
    }

    private String returnDoc(RestOperation op) {
        return switch (op.responseKind()) {
            case VOID -> null;
            case JSON -> "the decoded response body";
            case TEXT -> "the response body as text";
            case BYTES -> "the response body as bytes";
            case SSE, NDJSON ->
                "the events, read lazily as they arrive; close the stream to release the connection early";
        };
    }

    private String fullDoc(RestOperation op) {
        Doc doc = op.op().doc();
        return Javadocs.of(
                                new Doc(doc.title(), doc.description(), false, null, null),
                                "Calls {@code " + Javadocs.escape(op.op().operationId()) + "}.")
                        .toString()
                + "\n" + httpLine(op);
    }

    /** The header plus the block tags of one overload. */
    private String javadoc(
            String header, RestOperation op, List<Arg> args, Arg optional, boolean withOptions, String returns) {
        StringBuilder sb = new StringBuilder(header).append("\n");
        for (Arg a : args) {
            sb.append("@param ")
                    .append(a.name())
                    .append(' ')
                    .append(a.javadoc())
                    .append('\n');
        }
        if (optional != null) {
            sb.append("@param ")
                    .append(optional.name())
                    .append(' ')
                    .append(optional.javadoc())
                    .append('\n');
        }
        if (withOptions) sb.append("@param options per-call headers, timeout and retry policy\n");
        if (returns != null) sb.append("@return ").append(returns).append('\n');
        sb.append("@throws ")
                .append(types.runtime("ApiException").canonicalName())
                .append(" on an error status (with the decoded error model when the API declares one) or a "
                        + "connection failure\n");
        if (op.op().doc().deprecated()) sb.append("@deprecated deprecated in the API description\n");
        return sb.toString();
    }
}
