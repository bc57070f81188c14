package autosdk.emit.java;

import autosdk.Transport;
import autosdk.model.ApiModel;
import autosdk.model.SecurityScheme;
import autosdk.model.Server;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the entry class of a REST client: its sub-client accessors and its {@code Builder}, which picks the base
 * URL (a server of the spec with its variables, or any URL), takes one typed credential method per security
 * scheme (plus a {@code …FromEnv} variant). Everything no API decides (timeouts, retries, headers, logging, an existing
 * {@code HttpClient} or {@code OkHttpClient} per {@link Transport}, a base URL of one's own) it inherits from the
 * runtime's {@code HttpClientBuilder}. When the spec has exactly one bearer or API-key scheme,
 * it also gets the natural names {@code apiKey(key)}, {@code apiKeyFromEnv()} and {@code apiKeyFromEnv(variable)};
 * the no-argument form reads {@code DEFAULT_API_KEY_ENV}, derived from the API title by {@link #defaultKeyVariable}.
 */
final class RestEntryEmitter {
    /** The runtime class every generated REST builder extends; its methods' names are never taken by scheme methods. */
    private static final String BASE = "HttpClientBuilder";

    private final JavaTypes types;
    private final Transport transport;

    RestEntryEmitter(JavaTypes types, Transport transport) {
        this.types = types;
        this.transport = transport;
    }

    TypeSpec.Builder emit(
            ClassName self, ApiModel model, Map<String, ClassName> subClients, Map<String, String> accessors) {
        ClassName executor = types.runtime("HttpExecutor");
        ClassName builder = self.nestedClass("Builder");
        StringBuilder doc = new StringBuilder();
        doc.append("The client of ").append(Javadocs.escape(model.title() == null ? "the API" : model.title()));
        if (model.version() != null) {
            doc.append(" (version ").append(Javadocs.escape(model.version())).append(")");
        }
        doc.append(".\n");
        if (model.description() != null && !model.description().isBlank()) {
            doc.append("\n")
                    .append(Javadocs.markdown(model.description(), true))
                    .append("\n");
        }
        doc.append("\n<p>Create it with {@link #builder()}; operations are grouped by tag into sub-clients");
        if (!accessors.isEmpty()) {
            doc.append(" such as {@link #")
                    .append(accessors.values().iterator().next())
                    .append("()}");
        }
        doc.append(". Instances are thread-safe and meant to be shared.\n");

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("$L", doc.toString());
        String defaultUrl = defaultUrl(model.servers());
        if (defaultUrl != null) {
            type.addField(FieldSpec.builder(
                            String.class, "DEFAULT_BASE_URL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The first server of the API description, with its variables' defaults.\n")
                    .initializer("$S", defaultUrl)
                    .build());
        }
        if (soleCredential(model.securitySchemes()) != null) {
            type.addField(FieldSpec.builder(
                            String.class, "DEFAULT_API_KEY_ENV", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("""
            The environment variable {@code Builder.apiKeyFromEnv()} reads: the API title's words in upper case, without
            trailing {@code API}, {@code OpenAPI}, documentation and version words, joined by {@code _}, \
            plus {@code _API_KEY}.
            """)
                    .initializer("$S", defaultKeyVariable(model.title()))
                    .build());
        }
        type.addField(FieldSpec.builder(executor, "executor", Modifier.PRIVATE, Modifier.FINAL)
                .build());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(executor, "executor")
                .addStatement("this.executor = executor");
        for (Map.Entry<String, ClassName> e : subClients.entrySet()) {
            String field = accessors.get(e.getKey());
            type.addField(FieldSpec.builder(e.getValue(), field, Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            constructor.addStatement("this.$N = new $T(executor)", field, e.getValue());
        }
        type.addMethod(constructor.build());
        type.addMethod(MethodSpec.methodBuilder(RestNames.Own.BUILDER.javaName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A builder: base URL, credentials, timeouts, retries, headers.\n")
                .addStatement("return new $T()", builder)
                .build());
        type.addMethod(MethodSpec.methodBuilder(RestNames.Own.CREATE.javaName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(types.runtime("HttpConfig"), "config")
                .addJavadoc(
                        "A client over a ready configuration (credentials are then not tied to security schemes).\n")
                .addStatement(
                        "return new $T(new $T(config, $T::new))",
                        self,
                        executor,
                        types.runtime(transport.runtimeClass()))
                .build());
        type.addMethod(MethodSpec.methodBuilder(RestNames.Own.CONFIG.javaName())
                .addModifiers(Modifier.PUBLIC)
                .returns(types.runtime("HttpConfig"))
                .addJavadoc("The configuration in use (credentials are never shown by its {@code toString}).\n")
                .addStatement("return executor.config()")
                .build());
        for (Map.Entry<String, ClassName> e : subClients.entrySet()) {
            String field = accessors.get(e.getKey());
            type.addMethod(MethodSpec.methodBuilder(field)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(e.getValue())
                    .addJavadoc("The {@code $L} operations.\n", Javadocs.escape(e.getKey()))
                    .addStatement("return $N", field)
                    .build());
        }
        type.addType(builder(self, builder, model));
        return type;
    }

    private TypeSpec builder(ClassName self, ClassName builder, ApiModel model) {
        ClassName httpAuth = types.runtime("HttpAuth");
        TypeName string = ClassName.get(String.class);
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(types.runtime(BASE), builder))
                .addJavadoc(
                        "Configures a {@link $T}; only the base URL is needed when the API description gives none.\n",
                        self);
        List<Server> servers = model.servers();
        b.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(Map.class), string, httpAuth),
                        "schemes",
                        Modifier.PRIVATE,
                        Modifier.FINAL)
                .initializer("new $T<>()", LinkedHashMap.class)
                .build());
        b.addField(FieldSpec.builder(int.class, "server", Modifier.PRIVATE).build());
        b.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(Map.class), string, string),
                        "serverVariables",
                        Modifier.PRIVATE,
                        Modifier.FINAL)
                .initializer("new $T<>()", LinkedHashMap.class)
                .build());
        b.addField(FieldSpec.builder(String[].class, "SERVERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                        "{$L}",
                        servers.stream()
                                .map(s -> CodeBlock.of("$S", s.urlTemplate()))
                                .collect(CodeBlock.joining(", ")))
                .build());

        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Server s : servers) {
            for (Server.Variable v : s.variables()) defaults.putIfAbsent(v.name(), v.defaultValue());
        }
        defaults.forEach((name, value) -> {
            if (value != null) constructor.addStatement("serverVariables.put($S, $S)", name, value);
        });
        b.addMethod(constructor.build());
        b.addMethod(MethodSpec.methodBuilder("self")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(builder)
                .addStatement("return this")
                .build());

        // The builder's own names first, so scheme methods are allocated around them and the inherited ones.
        JavaNames.Scope scope = new JavaNames.Scope(false, RuntimeSources.inheritedMethodNames(BASE));
        String server = scope.allocate("server");
        String serverVariable = scope.allocate("serverVariable");
        String build = scope.allocate("build");
        StringBuilder serverDoc = new StringBuilder();
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            serverDoc
                    .append("<li>")
                    .append(i)
                    .append(": <code>")
                    .append(Javadocs.escape(s.urlTemplate()))
                    .append("</code>");
            if (s.doc().description() != null) {
                serverDoc.append(" — ").append(Javadocs.escape(s.doc().description()));
            }
            serverDoc.append("</li>\n");
        }
        if (servers.size() > 1) {
            b.addMethod(fluent(builder, server)
                    .addParameter(int.class, "index")
                    .addJavadoc(
                            "Picks a server of the API description by index:\n<ul>\n$L</ul>\n", serverDoc.toString())
                    .addStatement(
                            "if (index < 0 || index >= SERVERS.length) throw new $T($S + index)",
                            IllegalArgumentException.class,
                            "no server with index ")
                    .addStatement("this.server = index")
                    .addStatement("return this")
                    .build());
        }
        if (!defaults.isEmpty()) {
            StringBuilder vars = new StringBuilder();
            for (Server s : servers) {
                for (Server.Variable v : s.variables()) {
                    vars.append("<li><code>").append(Javadocs.escape(v.name())).append("</code>");
                    if (v.defaultValue() != null) {
                        vars.append(" (default <code>")
                                .append(Javadocs.escape(v.defaultValue()))
                                .append("</code>)");
                    }
                    if (!v.enumValues().isEmpty()) {
                        vars.append(", one of <code>")
                                .append(Javadocs.escape(String.join(", ", v.enumValues())))
                                .append("</code>");
                    }
                    vars.append("</li>\n");
                }
            }
            b.addMethod(fluent(builder, serverVariable)
                    .addParameter(string, "name")
                    .addParameter(string, "value")
                    .addJavadoc("Sets a variable of the server URL template:\n<ul>\n$L</ul>\n", vars.toString())
                    .addStatement(
                            "if (!serverVariables.containsKey(name)) throw new $T($S + name)",
                            IllegalArgumentException.class,
                            "unknown server variable: ")
                    .addStatement("serverVariables.put(name, $T.requireNonNull(value, $S))", Objects.class, "value")
                    .addStatement("return this")
                    .build());
        }
        addSchemes(b, builder, model.securitySchemes(), scope);
        addNaturalNames(b, builder, self, model.securitySchemes());
        addClientOption(b, builder);

        b.addMethod(MethodSpec.methodBuilder(build)
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc("The client; fails when no absolute base URL is known.\n")
                .addStatement(
                        "return new $T(new $T(config(SERVERS.length == 0 ? null : expand(SERVERS[server], "
                                + "serverVariables), schemes.values()), $T::new))",
                        self,
                        types.runtime("HttpExecutor"),
                        types.runtime(transport.runtimeClass()))
                .build());
        return b.build();
    }

    /** The option that hands the SDK a client the caller configured, typed by the transport's library. */
    private void addClientOption(TypeSpec.Builder b, ClassName builder) {
        ClassName transportClass = types.runtime(transport.runtimeClass());
        if (transport == Transport.OKHTTP) {
            b.addMethod(fluent(builder, "okHttpClient")
                    .addParameter(ClassName.get("okhttp3", "OkHttpClient"), "okHttpClient")
                    .addJavadoc("""
            An existing OkHttpClient to send through (its proxy, TLS, interceptors, pool and timeouts apply; redirects
            are always followed by the SDK, keeping credentials on the original origin). Default: one made with
            {@code connectTimeout} and no timeouts of OkHttp's own (the SDK's request and stream timeouts apply).
            """)
                    .addStatement("return transport(new $T(okHttpClient))", transportClass)
                    .build());
        } else {
            b.addMethod(fluent(builder, "httpClient")
                    .addParameter(ClassName.get("java.net.http", "HttpClient"), "httpClient")
                    .addJavadoc("An existing client to reuse (its proxy, TLS and connect timeout settings apply).\n")
                    .addStatement("return transport(new $T(httpClient))", transportClass)
                    .build());
        }
    }

    /** One typed method (and a {@code …FromEnv} method) per bearer, basic and API-key scheme. */
    private void addSchemes(
            TypeSpec.Builder b, ClassName builder, List<SecurityScheme> schemes, JavaNames.Scope scope) {
        ClassName httpAuth = types.runtime("HttpAuth");
        TypeName string = ClassName.get(String.class);
        for (SecurityScheme s : schemes) {
            if (s.kind() == SecurityScheme.Kind.OTHER || s.kind() == SecurityScheme.Kind.SUBPROTOCOL) continue;
            if (s.kind() == SecurityScheme.Kind.API_KEY && s.parameterName() == null) continue;
            String name = scope.allocate(JavaNames.memberName(s.name()));
            String fromEnv = scope.allocate(name + "FromEnv");
            String about = "the {@code " + Javadocs.escape(s.name()) + "} security scheme"
                    + (s.doc().description() == null
                            ? ""
                            : " (" + Javadocs.escape(s.doc().description()) + ")");
            switch (s.kind()) {
                case BEARER -> {
                    b.addMethod(scheme(
                                    builder,
                                    name,
                                    s,
                                    "Sends a bearer token for " + about + ".",
                                    CodeBlock.of("$T.bearer(token)", httpAuth))
                            .addParameter(string, "token")
                            .build());
                    b.addMethod(scheme(
                                    builder,
                                    name,
                                    s,
                                    "Sends a bearer token fetched for every request (e.g. a refreshed OAuth token) for "
                                            + about + ".",
                                    CodeBlock.of("$T.bearer(tokens)", httpAuth))
                            .addParameter(
                                    ParameterizedTypeName.get(ClassName.get("java.util.function", "Supplier"), string),
                                    "tokens")
                            .build());
                    b.addMethod(scheme(
                                    builder,
                                    fromEnv,
                                    s,
                                    "Reads the bearer token for " + about + " from an environment variable now.",
                                    keyFromEnvCall(s))
                            .addParameter(string, "variable")
                            .build());
                }
                case BASIC -> {
                    b.addMethod(scheme(
                                    builder,
                                    name,
                                    s,
                                    "Sends HTTP basic credentials for " + about + ".",
                                    CodeBlock.of("$T.basic(user, password)", httpAuth))
                            .addParameter(string, "user")
                            .addParameter(string, "password")
                            .build());
                    b.addMethod(scheme(
                                    builder,
                                    fromEnv,
                                    s,
                                    "Reads HTTP basic credentials for " + about
                                            + " from two environment variables now.",
                                    CodeBlock.of(
                                            "$T.basicFromEnv(userVariable, passwordVariable, environment())", httpAuth))
                            .addParameter(string, "userVariable")
                            .addParameter(string, "passwordVariable")
                            .build());
                }
                default -> {
                    String kind = apiKeyKind(s);
                    b.addMethod(scheme(
                                    builder,
                                    name,
                                    s,
                                    "Sends the API key for " + about + " as the " + kind.toLowerCase(Locale.ROOT)
                                            + " {@code " + Javadocs.escape(s.parameterName()) + "}.",
                                    keyCall(s))
                            .addParameter(string, "key")
                            .build());
                    b.addMethod(scheme(
                                    builder,
                                    fromEnv,
                                    s,
                                    "Reads the API key for " + about + " from an environment variable now.",
                                    keyFromEnvCall(s))
                            .addParameter(string, "variable")
                            .build());
                }
            }
        }
    }

    /**
     * The natural names of the spec's only bearer or API-key scheme: {@code apiKey(key)}, {@code apiKeyFromEnv()}
     * (reading
     * {@code DEFAULT_API_KEY_ENV}) and {@code apiKeyFromEnv(variable)}; a name the scheme's own methods already use is
     * skipped.
     */
    private void addNaturalNames(TypeSpec.Builder b, ClassName builder, ClassName self, List<SecurityScheme> schemes) {
        SecurityScheme s = soleCredential(schemes);
        if (s == null) return;
        TypeName string = ClassName.get(String.class);
        Set<String> taken = new HashSet<>();
        b.build()
                .methodSpecs()
                .forEach(m -> taken.add(m.name() + "/" + m.parameters().size()));
        String where = s.kind() == SecurityScheme.Kind.BEARER
                ? "as the bearer token ({@code Authorization: Bearer …})"
                : "as the " + (s.in() == null ? "header" : s.in()) + " {@code " + Javadocs.escape(s.parameterName())
                        + "}";
        String about = " of the {@code " + Javadocs.escape(s.name()) + "} security scheme, sent " + where;
        CodeBlock fromEnv = keyFromEnvCall(s);
        CodeBlock direct = s.kind() == SecurityScheme.Kind.BEARER
                ? CodeBlock.of("$T.bearer(key)", types.runtime("HttpAuth"))
                : keyCall(s);
        if (taken.add("apiKey/1")) {
            b.addMethod(scheme(builder, "apiKey", s, "The API key" + about + ".", direct)
                    .addParameter(string, "key")
                    .build());
        }
        if (taken.add("apiKeyFromEnv/1")) {
            b.addMethod(scheme(
                            builder,
                            "apiKeyFromEnv",
                            s,
                            "Reads the API key" + about + ", from the environment variable {@code variable} now.",
                            fromEnv)
                    .addParameter(string, "variable")
                    .build());
        }
        if (taken.add("apiKeyFromEnv/0")) {
            b.addMethod(fluent(builder, "apiKeyFromEnv")
                    .addJavadoc(
                            "$L",
                            "Reads the API key" + about + ", from {@value " + self.simpleName()
                                    + "#DEFAULT_API_KEY_ENV} now; fails naming it when unset.\n")
                    .addStatement("return apiKeyFromEnv($T.DEFAULT_API_KEY_ENV)", self)
                    .build());
        }
    }

    /** The spec's only scheme that takes a single key (bearer, or API key with a name), or {@code null}. */
    static SecurityScheme soleCredential(List<SecurityScheme> schemes) {
        List<SecurityScheme> keyed = schemes.stream()
                .filter(s -> s.kind() == SecurityScheme.Kind.BEARER
                        || (s.kind() == SecurityScheme.Kind.API_KEY && s.parameterName() != null))
                .toList();
        return keyed.size() == 1 ? keyed.get(0) : null;
    }

    /**
     * The default environment variable of the API key: the title's words (runs of letters and digits) in upper case,
     * trailing {@code API}, {@code APIS}, {@code OPENAPI}, {@code DOCUMENTATION}, {@code DOCS}, {@code REFERENCE},
     * {@code SPEC}, {@code SPECIFICATION}, number and {@code v<number>} words dropped, joined by
     * {@code _}, plus {@code _API_KEY}: "OpenAI API" gives {@code OPENAI_API_KEY}, "Swagger Petstore - OpenAPI 3.0"
     * gives {@code SWAGGER_PETSTORE_API_KEY}; no usable title gives {@code API_KEY}.
     */
    static String defaultKeyVariable(String title) {
        List<String> words = new ArrayList<>();
        for (String w : (title == null ? "" : title).split("[^A-Za-z0-9]+", -1)) {
            if (!w.isEmpty()) words.add(w.toUpperCase(Locale.ROOT));
        }
        while (!words.isEmpty()
                && words.get(words.size() - 1)
                        .matches("API|APIS|OPENAPI|DOCUMENTATION|DOCS|REFERENCE|SPEC|SPECIFICATION|V?[0-9]+")) {
            words.remove(words.size() - 1);
        }
        if (!words.isEmpty() && Character.isDigit(words.get(0).charAt(0))) words.add(0, "API");
        return words.isEmpty() ? "API_KEY" : String.join("_", words) + "_API_KEY";
    }

    /**
     * The credential of an API-key scheme from a parameter {@code key}:
     * {@code HttpAuth.apiKeyHeader("X-Api-Key", key)}.
     */
    private CodeBlock keyCall(SecurityScheme s) {
        return CodeBlock.of("$T.apiKey$L($S, key)", types.runtime("HttpAuth"), apiKeyKind(s), s.parameterName());
    }

    /**
     * The credential of a bearer or API-key scheme read from the environment variable in a parameter {@code variable}.
     */
    private CodeBlock keyFromEnvCall(SecurityScheme s) {
        ClassName httpAuth = types.runtime("HttpAuth");
        if (s.kind() == SecurityScheme.Kind.BEARER) {
            return CodeBlock.of("$T.bearerFromEnv(variable, environment())", httpAuth);
        }
        return CodeBlock.of(
                "$T.apiKeyFromEnv($S, $S, variable, environment())",
                httpAuth,
                apiKeyKind(s).toLowerCase(Locale.ROOT),
                s.parameterName());
    }

    /**
     * {@code Header}, {@code Query} or {@code Cookie}: the suffix of the runtime's {@code HttpAuth.apiKey…} factories.
     */
    private static String apiKeyKind(SecurityScheme s) {
        return switch (s.in() == null ? "header" : s.in()) {
            case "query" -> "Query";
            case "cookie" -> "Cookie";
            default -> "Header";
        };
    }

    private MethodSpec.Builder scheme(ClassName builder, String name, SecurityScheme s, String doc, CodeBlock auth) {
        return fluent(builder, name)
                .addJavadoc("$L\n", doc)
                .addStatement("schemes.put($S, $L.forScheme($S))", s.name(), auth, s.name())
                .addStatement("return this");
    }

    private static MethodSpec.Builder fluent(ClassName builder, String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(builder);
    }

    private static String defaultUrl(List<Server> servers) {
        if (servers.isEmpty()) return null;
        String url = servers.get(0).urlTemplate();
        for (Server.Variable v : servers.get(0).variables()) {
            if (v.defaultValue() != null) url = url.replace("{" + v.name() + "}", v.defaultValue());
        }
        return (url.startsWith("http://") || url.startsWith("https://")) && !url.contains("{") ? url : null;
    }
}
