package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.OBJECTS;

import autosdk.model.ApiModel;
import autosdk.model.Channel;
import autosdk.model.Parameter;
import autosdk.model.SecurityScheme;
import autosdk.model.Server;
import autosdk.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits a client's {@code Builder} and its {@code builder(...)} factory: what the spec decides, namely typed connect
 * parameters (required ones as factory arguments), auth methods from the security schemes, the default server and
 * channel address, and typed setup messages. Every option no spec decides (timeouts, extra headers and query
 * parameters, another URL, logging, ...) the builder inherits from the runtime's {@code WsClientBuilder}.
 */
final class WsBuilderEmitter {
    /**
     * The runtime class every generated WebSocket builder extends; its methods' names are never taken by the spec's.
     */
    private static final String BASE = "WsClientBuilder";

    /** The types the client declares itself beside its connect parameters' enums; those enums are named around them. */
    private enum NestedType implements JavaNames.Own {
        BUILDER("Builder");

        private final String javaName;

        NestedType(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    /** The members every connect parameter's enum declares itself; its value constants are named around them. */
    private enum ConnectEnumMember implements JavaNames.Own {
        VALUE("value");

        private final String javaName;

        ConnectEnumMember(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    private final JavaTypes types;
    private final ApiModel model;
    /** The JSON context class, for connect values of generated object or union types. */
    private final ClassName jsonContext;

    /** The WebSocket library the client connects with; decides the default transport and the client option's type. */
    private final autosdk.Transport transport;

    WsBuilderEmitter(JavaTypes types, ApiModel model, ClassName jsonContext, autosdk.Transport transport) {
        this.types = types;
        this.model = model;
        this.jsonContext = jsonContext;
        this.transport = transport;
    }

    /** The option that hands the connection a client the caller configured: the JDK's HttpClient or an OkHttpClient. */
    private String clientOption() {
        return transport == autosdk.Transport.OKHTTP ? "okHttpClient" : "httpClient";
    }

    private MethodSpec clientOptionMethod(ClassName self) {
        boolean okhttp = transport == autosdk.Transport.OKHTTP;
        TypeName type =
                okhttp ? ClassName.get("okhttp3", "OkHttpClient") : ClassName.get("java.net.http", "HttpClient");
        String doc = okhttp
                ? """
        Connects through an existing {@code OkHttpClient} (its proxy, TLS, interceptors and dispatcher apply; \
        the connect
        timeout and keep-alive pings of this builder are set on a client derived from it).
        """
                : "Reuses an existing {@code HttpClient} (its executor, proxy and TLS settings apply); by "
                        + "default one shared client.\n";
        return MethodSpec.methodBuilder(clientOption())
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc(doc)
                .addParameter(type, clientOption())
                .addStatement("return transport(new $T($N))", types.runtime(transport.wsRuntimeClass()), clientOption())
                .build();
    }

    /** An auth method of the builder. */
    private record Auth(SecurityScheme scheme, String method) {}

    /** Adds the builder, the factory and nested enums of connect parameters to the client. */
    void emit(TypeSpec.Builder client, WsChannelPlan plan, Map<WsChannelPlan.Send, CodeBlock> encoders) {
        Channel channel = plan.channel();
        ClassName self = plan.client().nestedClass(NestedType.BUILDER.javaName());
        Server server = defaultServer(channel);
        JavaNames.Scope names = new JavaNames.Scope(false, RuntimeSources.inheritedMethodNames(BASE));
        String build = names.allocate("build");
        names.allocate(clientOption());
        List<SecurityScheme> schemes = schemes(channel, server);
        // The fixed credential methods take their names before connect parameters do.
        for (SecurityScheme.Kind fixed : List.of(SecurityScheme.Kind.BEARER, SecurityScheme.Kind.BASIC)) {
            if (schemes.stream().anyMatch(s -> s.kind() == fixed)) names.allocate(fixedAuthMethod(fixed));
        }
        List<Parameter> channelParams = channel.parameters().stream()
                .filter(p -> !carriedByCredential(p, schemes))
                .toList();
        List<WsConnectParam> params = WsConnectParam.of(server, channelParams, names);
        JavaNames.Scope nestedTypes = new JavaNames.Scope(true, List.of());
        nestedTypes.declare(NestedType.values());
        // A nested type may not share the client's name, nor hide the event type the client refers to.
        nestedTypes.reserve(List.of(plan.client().simpleName(), plan.event().simpleName()));
        Map<WsConnectParam, ClassName> enums = new LinkedHashMap<>();
        for (WsConnectParam p : params) {
            if (p.enumValues().isEmpty()) continue;
            ClassName e = plan.client().nestedClass(nestedTypes.allocate(JavaNames.typeName(List.of(p.wireName()))));
            enums.put(p, e);
            client.addType(enumType(e, p));
        }
        List<Auth> auths = auths(schemes, names);

        TypeSpec.Builder b = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(types.runtime(BASE), self))
                .addJavadoc(
                        "Settings of a {@link $T}: connect parameters, credentials and connection options.\n",
                        plan.client());
        for (WsConnectParam p : params) b.addField(p.javaType(types, enums.get(p)), p.javaName(), Modifier.PRIVATE);

        // Required parameters are the factory's arguments, in order, and the constructor's.
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addStatement(
                        "super($L)", server == null ? CodeBlock.of("null") : CodeBlock.of("$S", server.urlTemplate()))
                .addStatement("transport(new $T())", types.runtime(transport.wsRuntimeClass()));
        MethodSpec.Builder factory = MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addJavadoc(
                        "A builder for a client of channel {@code $L}; required connect parameters are the "
                                + "arguments.\n",
                        Javadocs.escape(channel.id()));
        List<CodeBlock> arguments = new ArrayList<>();
        for (WsConnectParam p : params) {
            if (!p.required()) continue;
            TypeName type = p.javaType(types, enums.get(p));
            factory.addParameter(type, p.javaName()).addJavadoc("@param $L $L\n", p.javaName(), paramDoc(p));
            constructor
                    .addParameter(type, p.javaName())
                    .addStatement(
                            "this.$N = $T.requireNonNull($N, $S)", p.javaName(), OBJECTS, p.javaName(), p.javaName());
            arguments.add(CodeBlock.of("$N", p.javaName()));
        }
        factory.addStatement("return new $T($L)", self, CodeBlock.join(arguments, ", "));
        client.addMethod(factory.build());
        b.addMethod(constructor.build());
        b.addMethod(MethodSpec.methodBuilder("self")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(self)
                .addStatement("return this")
                .build());

        for (WsConnectParam p : params) {
            b.addMethod(setter(
                    self,
                    p.javaName(),
                    p.javaType(types, enums.get(p)),
                    CodeBlock.of("$L\n\n<p>$L.\n", paramDoc(p), where(p))));
        }
        for (Auth a : auths) b.addMethod(authMethod(self, a));
        b.addMethod(clientOptionMethod(self));
        for (Map.Entry<WsChannelPlan.Send, CodeBlock> e : encoders.entrySet()) {
            WsChannelPlan.Send s = e.getKey();
            String method =
                    names.allocate(JavaNames.memberName("setup " + s.message().name()));
            b.addMethod(MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(self)
                    .addParameter(WsEventEmitter.payloadType(types, s.message()), "payload")
                    .addJavadoc("""
                    Adds a {@code $L} message sent first on open and again after every reconnect (e.g. a session
                    configuration), encoded now.
                    """, Javadocs.escape(s.message().name()))
                    .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                    .beginControlFlow("try")
                    .addStatement("setupText($L)", e.getValue())
                    .nextControlFlow("catch ($T e)", Exception.class)
                    .addStatement(
                            "throw new $T($S + e.getMessage(), e)",
                            IllegalArgumentException.class,
                            "cannot encode the setup message: ")
                    .endControlFlow()
                    .addStatement("return this")
                    .build());
        }
        b.addMethod(build(build, plan, server, params, enums));
        client.addType(b.build());
    }

    private Server defaultServer(Channel channel) {
        for (String name : channel.serverNames()) {
            for (Server s : model.servers()) {
                if (s.name().equals(name)) return s;
            }
        }
        return model.servers().isEmpty() ? null : model.servers().get(0);
    }

    /** The security schemes that apply to the channel: those its operations or server name, else all of them. */
    private List<SecurityScheme> schemes(Channel channel, Server server) {
        List<String> wanted = new ArrayList<>();
        channel.security().forEach(wanted::addAll);
        if (server != null) server.security().forEach(wanted::addAll);
        List<SecurityScheme> schemes = new ArrayList<>();
        for (SecurityScheme s : model.securitySchemes()) {
            if (wanted.isEmpty() || wanted.contains(s.name())) schemes.add(s);
        }
        return schemes;
    }

    /**
     * Whether a {@code bindings.ws} header or query value is the credential of a security scheme that gets its own
     * builder method ({@code Authorization} for bearer/basic, an API key's header or query name). The scheme's method
     * then is the one option for that wire name; a second, plain option would send the value twice.
     */
    static boolean carriedByCredential(Parameter p, List<SecurityScheme> schemes) {
        boolean header = p.in() == Parameter.Location.HEADER;
        boolean query = p.in() == Parameter.Location.QUERY;
        for (SecurityScheme s : schemes) {
            switch (s.kind()) {
                case BEARER, BASIC -> {
                    if (header && p.name().equalsIgnoreCase("Authorization")) return true;
                }
                case API_KEY -> {
                    if (s.parameterName() == null) continue;
                    if ("query".equals(s.in())
                            ? query && p.name().equals(s.parameterName())
                            : !"cookie".equals(s.in()) && header && p.name().equalsIgnoreCase(s.parameterName())) {
                        return true;
                    }
                }
                default -> {}
            }
        }
        return false;
    }

    /** The method of the bearer or basic credential: one per kind, whatever the scheme is called. */
    private static String fixedAuthMethod(SecurityScheme.Kind kind) {
        return kind == SecurityScheme.Kind.BEARER ? "bearerToken" : "basicAuth";
    }

    private List<Auth> auths(List<SecurityScheme> schemes, JavaNames.Scope names) {
        List<Auth> out = new ArrayList<>();
        boolean bearer = false;
        boolean basic = false;
        for (SecurityScheme s : schemes) {
            switch (s.kind()) {
                case BEARER -> {
                    if (!bearer) out.add(new Auth(s, fixedAuthMethod(s.kind())));
                    bearer = true;
                }
                case BASIC -> {
                    if (!basic) out.add(new Auth(s, fixedAuthMethod(s.kind())));
                    basic = true;
                }
                case API_KEY -> out.add(new Auth(s, names.allocate(JavaNames.memberName(s.name()))));
                case SUBPROTOCOL -> {
                    if (s.template() == null) continue;
                    out.add(new Auth(s, names.allocate(JavaNames.memberName(s.name() + " auth"))));
                }
                default -> {}
            }
        }
        return out;
    }

    /** A credential method: it hands the credential to the runtime base, replacing the one its scheme set before. */
    private MethodSpec authMethod(ClassName self, Auth a) {
        SecurityScheme s = a.scheme();
        MethodSpec.Builder m = MethodSpec.methodBuilder(a.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addJavadoc(Javadocs.of(
                        s.doc(), "Credentials of the {@code " + Javadocs.escape(s.name()) + "} security scheme."));
        switch (s.kind()) {
            case BEARER ->
                m.addJavadoc("\n<p>Sent as {@code Authorization: Bearer <token>}.\n")
                        .addParameter(String.class, "token")
                        .addStatement(
                                "return credentialHeader($S, $S, $S + $T.requireNonNull(token, \"token\"))",
                                "Authorization",
                                "Authorization",
                                "Bearer ",
                                OBJECTS);
            case BASIC ->
                m.addJavadoc("\n<p>Sent as HTTP basic {@code Authorization}.\n")
                        .addParameter(String.class, "user")
                        .addParameter(String.class, "password")
                        .addStatement(
                                "return credentialHeader($S, $S, $T.basic(user, password))",
                                "Authorization",
                                "Authorization",
                                types.runtime("WsEndpoint"));
            case API_KEY -> {
                m.addJavadoc(
                                "\n<p>Sent as the {@code $L} $L.\n",
                                Javadocs.escape(s.parameterName()),
                                "query".equals(s.in())
                                        ? "query parameter"
                                        : "cookie".equals(s.in()) ? "cookie" : "header")
                        .addParameter(String.class, "key");
                CodeBlock key = CodeBlock.of("$T.requireNonNull(key, \"key\")", OBJECTS);
                if ("query".equals(s.in())) {
                    m.addStatement("return credentialQuery($S, $S, $L)", s.name(), s.parameterName(), key);
                } else if ("cookie".equals(s.in())) {
                    m.addStatement(
                            "return credentialHeader($S, $S, $S + $L)",
                            s.name(),
                            "Cookie",
                            s.parameterName() + "=",
                            key);
                } else {
                    m.addStatement("return credentialHeader($S, $S, $L)", s.name(), s.parameterName(), key);
                }
            }
            default ->
                m.addJavadoc("\n<p>Sent as the WebSocket subprotocols {@code $L}.\n", Javadocs.escape(s.template()))
                        .addParameter(String.class, "credential")
                        .addStatement(
                                "return credentialSubprotocols($S, $T.subprotocols($S, "
                                        + "$T.requireNonNull(credential, \"credential\")))",
                                s.name(),
                                types.runtime("WsEndpoint"),
                                s.template(),
                                OBJECTS);
        }
        return m.build();
    }

    /**
     * {@code build()}: one chained expression over the runtime's handshake assembly, so no local variable can shadow a
     * parameter's field (fields are read as {@code this.name}).
     */
    private MethodSpec build(
            String name,
            WsChannelPlan plan,
            Server server,
            List<WsConnectParam> params,
            Map<WsConnectParam, ClassName> enums) {
        CodeBlock.Builder chain = CodeBlock.builder().add("handshake()");
        if (server != null) {
            for (Server.Variable v : server.variables()) {
                if (v.defaultValue() != null) chain.add("\n.serverDefault($S, $S)", v.name(), v.defaultValue());
            }
        }
        for (WsConnectParam p : params) {
            CodeBlock field = CodeBlock.of("this.$N", p.javaName());
            CodeBlock text = p.text(types, jsonContext, enums.get(p), field);
            CodeBlock value = CodeBlock.of("$L == null ? null : $L", field, text);
            switch (p.where()) {
                case SERVER -> chain.add("\n.serverVariable($S, $L)", p.wireName(), value);
                case PATH -> {
                    chain.add("\n.path($S, $L)", p.wireName(), value);
                    if (p.defaultValue() != null) chain.add("\n.pathDefault($S, $S)", p.wireName(), p.defaultValue());
                }
                case HEADER -> chain.add("\n.header($S, $L)", p.wireName(), value);
                default -> {
                    if (p.type() instanceof TypeRef.ListOf l && enums.get(p) == null) {
                        // form style, exploded: one name=value pair per item
                        WsConnectParam item = new WsConnectParam(
                                p.where(), p.wireName(), p.javaName(), l.item(), List.of(), false, null, p.doc());
                        chain.add(
                                "\n.queryEach($S, $L == null ? null : $L.stream().map(item -> $L).toList())",
                                p.wireName(),
                                field,
                                field,
                                item.text(types, jsonContext, null, CodeBlock.of("item")));
                    } else {
                        chain.add("\n.query($S, $L)", p.wireName(), value);
                    }
                }
            }
        }
        chain.add("\n.config($S)", plan.channel().address());
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(plan.client())
                .addJavadoc("A new, not yet connected client; register handlers, then call {@code connect()}.\n")
                .addStatement("return new $T($L,\nsetupMessages(), overflow())", plan.client(), chain.build())
                .build();
    }

    private static String where(WsConnectParam p) {
        String name = Javadocs.escape(p.wireName());
        return switch (p.where()) {
            case SERVER -> "Server URL variable {@code " + name + "}";
            case SERVER_QUERY ->
                "Server variable {@code " + name + "}, sent as a query parameter (the server URL does not use it)";
            case PATH -> "Channel address parameter {@code " + name + "}, percent-encoded";
            case QUERY -> "Query parameter {@code " + name + "}, percent-encoded";
            case HEADER -> "Handshake header {@code " + name + "}";
        };
    }

    private static String paramDoc(WsConnectParam p) {
        String text = p.doc().description() != null && !p.doc().description().isBlank()
                ? Javadocs.markdown(p.doc().description(), false)
                : "the {@code " + Javadocs.escape(p.wireName()) + "} parameter";
        if (p.defaultValue() != null) text += " (default {@code " + Javadocs.escape(p.defaultValue()) + "})";
        return text;
    }

    private static MethodSpec setter(ClassName self, String name, TypeName type, CodeBlock doc) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(self)
                .addParameter(type, name)
                .addJavadoc(doc)
                .addStatement("this.$N = $N", name, name)
                .addStatement("return this")
                .build();
    }

    private static TypeSpec enumType(ClassName self, WsConnectParam p) {
        TypeSpec.Builder e = TypeSpec.enumBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Values of the {@code $L} connect parameter.\n", Javadocs.escape(p.wireName()));
        JavaNames.Scope constants = new JavaNames.Scope(false, List.of());
        constants.declare(ConnectEnumMember.values());
        for (String v : p.enumValues()) {
            e.addEnumConstant(
                    constants.allocate(JavaNames.constantName(v)),
                    TypeSpec.anonymousClassBuilder("$S", v)
                            .addJavadoc("{@code $L}\n", Javadocs.escape(v))
                            .build());
        }
        e.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "value")
                        .addStatement("this.value = value")
                        .build())
                .addMethod(MethodSpec.methodBuilder("value")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("The value as sent.\n")
                        .addStatement("return value")
                        .build());
        return e.build();
    }
}
