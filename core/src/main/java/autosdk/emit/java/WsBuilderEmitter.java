package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.LINKED_HASH_MAP;
import static autosdk.emit.java.JavaClasses.LIST;
import static autosdk.emit.java.JavaClasses.MAP;
import static autosdk.emit.java.JavaClasses.OBJECTS;
import autosdk.model.ApiModel;
import autosdk.model.Channel;
import autosdk.model.Parameter;
import autosdk.model.SecurityScheme;
import autosdk.model.Server;
import autosdk.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits a client's {@code Builder} and its {@code builder(...)} factory: typed connect parameters (required ones as
 * factory arguments), auth methods from the security schemes, URL assembly from server and channel address, handshake
 * options, and typed setup messages.
 */
final class WsBuilderEmitter {
    private static final Set<String> BUILDER_MEMBERS = Set.of("header", "query", "uri", "serverUrl", "serverVariable",
            "connectTimeout", "pingInterval", "pongTimeout", "closeTimeout", "maxQueuedBytes", "maxMessageSize", "reconnect", "inboundBufferCapacity", "overflow", "httpClient", "okHttpClient", "logging", "logger",
            "subprotocol", "setupText", "build", "bearerToken", "basicAuth", "equals", "hashCode", "toString", "getClass",
            "notify", "notifyAll", "wait", "clone", "finalize", "config", "setup", "authorization", "headers", "queries",
            "subprotocols", "serverVariables",
            // locals of build() and builder(...), so a parameter field is never shadowed
            "b", "base", "vars", "path", "q", "item", "h", "e", "protocols", "payload");
    private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");

    private final JavaTypes types;
    private final ApiModel model;
    /** The JSON context class, for connect values of generated object or union types. */
    private final ClassName jsonContext;

    /** The WebSocket library the client connects with; decides the type of the client option. */
    private final autosdk.Transport transport;

    WsBuilderEmitter(JavaTypes types, ApiModel model, ClassName jsonContext, autosdk.Transport transport) {
        this.types = types;
        this.model = model;
        this.jsonContext = jsonContext;
        this.transport = transport;
    }

    private boolean okhttp() {
        return transport == autosdk.Transport.OKHTTP;
    }

    /** The client option's name and type: the JDK's HttpClient, or OkHttp's OkHttpClient. */
    private String clientOption() {
        return okhttp() ? "okHttpClient" : "httpClient";
    }

    private TypeName clientType() {
        return okhttp() ? ClassName.get("okhttp3", "OkHttpClient") : ClassName.get(HttpClient.class);
    }

    /** An auth method of the builder and the field it fills. */
    private record Auth(SecurityScheme scheme, String method, String field) {}

    /** Adds the builder, the factory and nested enums of connect parameters to the client. */
    void emit(TypeSpec.Builder client, WsChannelPlan plan, Map<WsChannelPlan.Send, CodeBlock> encoders) {
        Channel channel = plan.channel();
        ClassName self = plan.client().nestedClass("Builder");
        Server server = defaultServer(channel);
        JavaNames.Scope names = new JavaNames.Scope(false, BUILDER_MEMBERS);
        List<SecurityScheme> schemes = schemes(channel, server);
        List<Parameter> channelParams = channel.parameters().stream().filter(p -> !carriedByCredential(p, schemes)).toList();
        List<WsConnectParam> params = WsConnectParam.of(server, channelParams, names);
        JavaNames.Scope nestedTypes = new JavaNames.Scope(true, Set.of("Builder", plan.client().simpleName(), plan.event().simpleName()));
        Map<WsConnectParam, ClassName> enums = new LinkedHashMap<>();
        for (WsConnectParam p : params) {
            if (p.enumValues().isEmpty()) continue;
            ClassName e = plan.client().nestedClass(nestedTypes.allocate(JavaNames.typeName(List.of(p.wireName()))));
            enums.put(p, e);
            client.addType(enumType(e, p));
        }
        List<Auth> auths = auths(schemes, names);

        TypeSpec.Builder b = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Settings of a {@link $T}: connect parameters, credentials and connection options.\n", plan.client());
        ClassName wsConfig = types.runtime("WsConfig");
        ClassName overflow = types.runtimeNested("WsInbox", "Overflow");
        TypeName entries = ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(MAP.nestedClass("Entry"), ClassName.get(String.class), ClassName.get(String.class)));
        b.addField(FieldSpec.builder(String.class, "serverUrl", Modifier.PRIVATE)
                .initializer(server == null ? CodeBlock.of("null") : CodeBlock.of("$S", server.urlTemplate())).build());
        b.addField(URI.class, "uri", Modifier.PRIVATE);
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class)), "serverVariables", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", LINKED_HASH_MAP).build());
        b.addField(FieldSpec.builder(entries, "headers", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()", ARRAY_LIST).build());
        b.addField(FieldSpec.builder(entries, "queries", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()", ARRAY_LIST).build());
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "subprotocols", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", ARRAY_LIST).build());
        b.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "setup", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T<>()", ARRAY_LIST).build());
        b.addField(String.class, "authorization", Modifier.PRIVATE);
        b.addField(Duration.class, "connectTimeout", Modifier.PRIVATE);
        b.addField(Duration.class, "pingInterval", Modifier.PRIVATE);
        b.addField(Duration.class, "pongTimeout", Modifier.PRIVATE);
        b.addField(Duration.class, "closeTimeout", Modifier.PRIVATE);
        b.addField(Long.class, "maxQueuedBytes", Modifier.PRIVATE);
        b.addField(Integer.class, "maxMessageSize", Modifier.PRIVATE);
        b.addField(types.runtime("WsReconnectPolicy"), "reconnect", Modifier.PRIVATE);
        b.addField(Integer.class, "inboundBufferCapacity", Modifier.PRIVATE);
        b.addField(clientType(), clientOption(), Modifier.PRIVATE);
        b.addField(types.runtime("LogLevel"), "logging", Modifier.PRIVATE);
        b.addField(System.Logger.class, "logger", Modifier.PRIVATE);
        b.addField(FieldSpec.builder(overflow, "overflow", Modifier.PRIVATE).initializer("$T.BLOCK", overflow).build());
        for (WsConnectParam p : params) b.addField(p.javaType(types, enums.get(p)), p.javaName(), Modifier.PRIVATE);
        for (Auth a : auths) {
            if (a.field() != null) b.addField(String.class, a.field(), Modifier.PRIVATE);
        }
        b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        // The factory: required parameters as arguments, in order.
        MethodSpec.Builder factory = MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("A builder for a client of channel {@code $L}; required connect parameters are the arguments.\n",
                        Javadocs.escape(channel.id()))
                .addStatement("$T b = new $T()", self, self);
        for (WsConnectParam p : params) {
            if (!p.required()) continue;
            factory.addParameter(p.javaType(types, enums.get(p)), p.javaName())
                    .addJavadoc("@param $L $L\n", p.javaName(), paramDoc(p));
            factory.addStatement("b.$N = $T.requireNonNull($N, $S)", p.javaName(), OBJECTS, p.javaName(), p.javaName());
        }
        factory.addStatement("return b");
        client.addMethod(factory.build());

        for (WsConnectParam p : params) {
            b.addMethod(setter(self, p.javaName(), p.javaType(types, enums.get(p)), CodeBlock.of("$L\n\n<p>$L.\n", paramDoc(p), where(p))));
        }
        for (Auth a : auths) b.addMethod(authMethod(self, a));

        addOption(b, self, "header", "Adds a handshake header (e.g. a credential the spec does not describe).\n",
                CodeBlock.of("headers.add($T.entry($T.requireNonNull(name, \"name\"), $T.requireNonNull(value, \"value\")))", MAP, OBJECTS, OBJECTS),
                String.class, "name", String.class, "value");
        addOption(b, self, "query", "Adds a query parameter to the connect URL (encoded here).\n",
                CodeBlock.of("queries.add($T.entry($T.requireNonNull(name, \"name\"), $T.requireNonNull(value, \"value\")))", MAP, OBJECTS, OBJECTS),
                String.class, "name", String.class, "value");
        addOption(b, self, "uri", "Connects to this address instead of the server URL joined with the channel address;\n"
                        + "query parameters and credentials are still added.\n", CodeBlock.of("this.uri = uri"), URI.class, "uri");
        addOption(b, self, "serverUrl", "Replaces the server URL (e.g. {@code ws://localhost:8080}); the channel address is joined to it\n"
                        + "without repeating a path both contain. {@code {variables}} are filled from {@link #serverVariable}.\n",
                CodeBlock.of("this.serverUrl = $T.requireNonNull(serverUrl, \"serverUrl\")", OBJECTS), String.class, "serverUrl");
        addOption(b, self, "serverVariable", "Sets a server URL variable by name.\n",
                CodeBlock.of("serverVariables.put(name, value)"), String.class, "name", String.class, "value");
        addOption(b, self, "subprotocol", "Offers a WebSocket subprotocol (in addition to any sub-protocol credentials).\n",
                CodeBlock.of("subprotocols.add($T.requireNonNull(protocol, \"protocol\"))", OBJECTS), String.class, "protocol");
        addOption(b, self, "connectTimeout", "Timeout of the opening handshake (default 10 s), also for each reconnect attempt.\n",
                CodeBlock.of("this.connectTimeout = timeout"), Duration.class, "timeout");
        addOption(b, self, "pingInterval", "Sends a keep-alive ping at this interval (off by default).\n",
                CodeBlock.of("this.pingInterval = interval"), Duration.class, "interval");
        addOption(b, self, "pongTimeout", "How long the server may stay silent after a keep-alive ping before the connection counts as\n"
                        + "dropped (default: the larger of the ping interval and 10 s).\n",
                CodeBlock.of("this.pongTimeout = timeout"), Duration.class, "timeout");
        addOption(b, self, "maxQueuedBytes", "Limit on the bytes of unsent messages (default 16 MiB); a send beyond it fails with\n"
                        + "{@code WsLimitExceededException}.\n",
                CodeBlock.of("this.maxQueuedBytes = bytes"), TypeName.LONG, "bytes");
        addOption(b, self, "maxMessageSize", "Largest inbound message in bytes (default 16 MiB); a larger one closes the connection\n"
                        + "({@code onClose} 1009).\n",
                CodeBlock.of("this.maxMessageSize = bytes"), TypeName.INT, "bytes");
        addOption(b, self, "closeTimeout", "How long {@code close()} waits for the server's close frame (default 5 s).\n",
                CodeBlock.of("this.closeTimeout = timeout"), Duration.class, "timeout");
        addOption(b, self, "reconnect", "Reconnects with backoff and jitter after the connection drops without a close frame;\n"
                        + "setup messages are re-sent first. Off by default.\n",
                CodeBlock.of("this.reconnect = policy"), types.runtime("WsReconnectPolicy"), "policy");
        addOption(b, self, "inboundBufferCapacity", "Capacity of the {@code events()} inbox (default 256).\n",
                CodeBlock.of("this.inboundBufferCapacity = capacity"), TypeName.INT, "capacity");
        addOption(b, self, "overflow", "What the {@code events()} inbox does when full: {@code BLOCK} (default; reading pauses, nothing\n"
                        + "is lost), {@code DROP_OLDEST} or {@code FAIL}.\n",
                CodeBlock.of("this.overflow = $T.requireNonNull(overflow, \"overflow\")", OBJECTS), overflow, "overflow");
        if (okhttp()) {
            addOption(b, self, "okHttpClient", "Connects through an existing {@code OkHttpClient} (its proxy, TLS, interceptors and dispatcher\n"
                            + "apply; the connect timeout and keep-alive pings of this builder are set on a client derived from it).\n",
                    CodeBlock.of("this.okHttpClient = okHttpClient"), clientType(), "okHttpClient");
        } else {
            addOption(b, self, "httpClient", "Reuses an {@link HttpClient} (its executor, proxy and TLS settings).\n",
                    CodeBlock.of("this.httpClient = httpClient"), HttpClient.class, "httpClient");
        }
        addOption(b, self, "logging", "Opt-in wire log through {@code System.Logger}: {@code INFO} connect, reconnect and close lines,\n"
                        + "{@code DEBUG} also text messages sent and received (4 KiB at most); default: the {@code AUTOSDK_LOG}\n"
                        + "environment variable ({@code info} or {@code debug}), else off.\n",
                CodeBlock.of("this.logging = level"), types.runtime("LogLevel"), "level");
        addOption(b, self, "logger", "The logger of the wire log (default: {@code System.getLogger(\"<runtime package>.ws\")}).\n",
                CodeBlock.of("this.logger = logger"), System.Logger.class, "logger");
        addOption(b, self, "setupText", "Adds a raw text frame sent first on open and again after every reconnect.\n",
                CodeBlock.of("setup.add($T.requireNonNull(text, \"text\"))", OBJECTS), String.class, "text");
        for (Map.Entry<WsChannelPlan.Send, CodeBlock> e : encoders.entrySet()) {
            WsChannelPlan.Send s = e.getKey();
            String method = names.allocate(JavaNames.memberName("setup " + s.message().name()));
            b.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC).returns(self)
                    .addParameter(WsEventEmitter.payloadType(types, s.message()), "payload")
                    .addJavadoc("Adds a {@code $L} message sent first on open and again after every reconnect (e.g. a session\n"
                            + "configuration), encoded now.\n", Javadocs.escape(s.message().name()))
                    .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                    .beginControlFlow("try")
                    .addStatement("setup.add($L)", e.getValue())
                    .nextControlFlow("catch ($T e)", Exception.class)
                    .addStatement("throw new $T($S + e.getMessage(), e)", IllegalArgumentException.class, "cannot encode the setup message: ")
                    .endControlFlow()
                    .addStatement("return this").build());
        }
        b.addMethod(build(plan, server, params, enums, auths, wsConfig));
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
                    if ("query".equals(s.in()) ? query && p.name().equals(s.parameterName())
                            : !"cookie".equals(s.in()) && header && p.name().equalsIgnoreCase(s.parameterName())) return true;
                }
                default -> { }
            }
        }
        return false;
    }

    private List<Auth> auths(List<SecurityScheme> schemes, JavaNames.Scope names) {
        List<Auth> out = new ArrayList<>();
        boolean bearer = false;
        boolean basic = false;
        for (SecurityScheme s : schemes) {
            switch (s.kind()) {
                case BEARER -> {
                    if (!bearer) out.add(new Auth(s, "bearerToken", null));
                    bearer = true;
                }
                case BASIC -> {
                    if (!basic) out.add(new Auth(s, "basicAuth", null));
                    basic = true;
                }
                case API_KEY -> {
                    String method = names.allocate(JavaNames.memberName(s.name()));
                    out.add(new Auth(s, method, method));
                }
                case SUBPROTOCOL -> {
                    if (s.template() == null) continue;
                    String method = names.allocate(JavaNames.memberName(s.name() + " auth"));
                    out.add(new Auth(s, method, method));
                }
                default -> { }
            }
        }
        return out;
    }

    private MethodSpec authMethod(ClassName self, Auth a) {
        SecurityScheme s = a.scheme();
        MethodSpec.Builder m = MethodSpec.methodBuilder(a.method()).addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc(Javadocs.of(s.doc(), "Credentials of the {@code " + Javadocs.escape(s.name()) + "} security scheme."));
        switch (s.kind()) {
            case BEARER -> m.addJavadoc("\n<p>Sent as {@code Authorization: Bearer <token>}.\n").addParameter(String.class, "token")
                    .addStatement("this.authorization = $S + $T.requireNonNull(token, \"token\")", "Bearer ", OBJECTS);
            case BASIC -> m.addJavadoc("\n<p>Sent as HTTP basic {@code Authorization}.\n").addParameter(String.class, "user").addParameter(String.class, "password")
                    .addStatement("this.authorization = $T.basic(user, password)", types.runtime("WsEndpoint"));
            case API_KEY -> m.addJavadoc("\n<p>Sent as the {@code $L} $L.\n", Javadocs.escape(s.parameterName()),
                            "query".equals(s.in()) ? "query parameter" : "cookie".equals(s.in()) ? "cookie" : "header")
                    .addParameter(String.class, "key").addStatement("this.$N = $T.requireNonNull(key, \"key\")", a.field(), OBJECTS);
            default -> m.addJavadoc("\n<p>Sent as the WebSocket subprotocols {@code $L}.\n", Javadocs.escape(s.template()))
                    .addParameter(String.class, "credential").addStatement("this.$N = $T.requireNonNull(credential, \"credential\")", a.field(), OBJECTS);
        }
        return m.addStatement("return this").build();
    }

    private MethodSpec build(WsChannelPlan plan, Server server, List<WsConnectParam> params, Map<WsConnectParam, ClassName> enums,
                             List<Auth> auths, ClassName wsConfig) {
        ClassName endpoint = types.runtime("WsEndpoint");
        TypeName stringMap = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class));
        TypeName entries = ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(MAP.nestedClass("Entry"), ClassName.get(String.class), ClassName.get(String.class)));
        MethodSpec.Builder m = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(plan.client())
                .addJavadoc("A new, not yet connected client; register handlers, then call {@code connect()}.\n")
                .addStatement("$T base", String.class)
                .beginControlFlow("if (uri != null)")
                .addStatement("base = uri.toString()")
                .nextControlFlow("else")
                .addStatement("if (serverUrl == null) throw new $T($S)", IllegalStateException.class,
                        "the spec names no server: call serverUrl(...) or uri(...)")
                .addStatement("$T vars = new $T<>(serverVariables)", stringMap, LINKED_HASH_MAP);
        if (server != null) {
            for (Server.Variable v : server.variables()) {
                if (v.defaultValue() != null) m.addStatement("vars.putIfAbsent($S, $S)", v.name(), v.defaultValue());
            }
        }
        m.addStatement("$T path = new $T<>()", stringMap, LINKED_HASH_MAP);
        for (WsConnectParam p : params) {
            CodeBlock text = p.text(types, jsonContext, enums.get(p), CodeBlock.of("$N", p.javaName()));
            if (p.where() == WsConnectParam.Where.SERVER) m.addStatement("if ($N != null) vars.put($S, $L)", p.javaName(), p.wireName(), text);
            if (p.where() == WsConnectParam.Where.PATH) {
                m.addStatement("if ($N != null) path.put($S, $L)", p.javaName(), p.wireName(), text);
                if (p.defaultValue() != null) m.addStatement("path.putIfAbsent($S, $S)", p.wireName(), p.defaultValue());
            }
        }
        m.addStatement("base = $T.join($T.expandServer(serverUrl, vars), $T.expandPath($S, path))", endpoint, endpoint, endpoint,
                        plan.channel().address())
                .endControlFlow()
                .addStatement("$T q = new $T<>()", entries, ARRAY_LIST);
        for (WsConnectParam p : params) {
            boolean query = p.where() == WsConnectParam.Where.QUERY || p.where() == WsConnectParam.Where.SERVER_QUERY;
            if (!query) continue;
            if (p.type() instanceof TypeRef.ListOf l && enums.get(p) == null) {
                // form style, exploded: one name=value pair per item
                WsConnectParam item = new WsConnectParam(p.where(), p.wireName(), p.javaName(), l.item(), List.of(), false, null, p.doc());
                m.beginControlFlow("if ($N != null)", p.javaName())
                        .addStatement("for ($T item : $N) q.add($T.entry($S, $L))", types.javaType(l.item()).box(), p.javaName(), MAP, p.wireName(),
                                item.text(types, jsonContext, null, CodeBlock.of("item")))
                        .endControlFlow();
            } else {
                m.addStatement("if ($N != null) q.add($T.entry($S, $L))", p.javaName(), MAP, p.wireName(),
                        p.text(types, jsonContext, enums.get(p), CodeBlock.of("$N", p.javaName())));
            }
        }
        for (Auth a : auths) {
            if (a.scheme().kind() == autosdk.model.SecurityScheme.Kind.API_KEY && "query".equals(a.scheme().in())) {
                m.addStatement("if ($N != null) q.add($T.entry($S, $N))", a.field(), MAP, a.scheme().parameterName(), a.field());
            }
        }
        m.addStatement("q.addAll(queries)")
                .addStatement("$T config = $T.builder().uri($T.withQuery(base, q))", wsConfig.nestedClass("Builder"), wsConfig, endpoint);
        for (WsConnectParam p : params) {
            if (p.where() == WsConnectParam.Where.HEADER) {
                m.addStatement("if ($N != null) config.header($S, $L)", p.javaName(), p.wireName(), p.text(types, jsonContext, enums.get(p), CodeBlock.of("$N", p.javaName())));
            }
        }
        m.addStatement("if (authorization != null) config.header($S, authorization)", "Authorization");
        for (Auth a : auths) {
            if (a.scheme().kind() != autosdk.model.SecurityScheme.Kind.API_KEY) continue;
            if ("cookie".equals(a.scheme().in())) {
                m.addStatement("if ($N != null) config.header($S, $S + $N)", a.field(), "Cookie", a.scheme().parameterName() + "=", a.field());
            } else if (!"query".equals(a.scheme().in())) {
                m.addStatement("if ($N != null) config.header($S, $N)", a.field(), a.scheme().parameterName(), a.field());
            }
        }
        m.addStatement("headers.forEach(h -> config.header(h.getKey(), h.getValue()))")
                .addStatement("$T protocols = new $T<>(subprotocols)", ParameterizedTypeName.get(LIST, ClassName.get(String.class)), ARRAY_LIST);
        for (Auth a : auths) {
            if (a.scheme().kind() == autosdk.model.SecurityScheme.Kind.SUBPROTOCOL) {
                m.addStatement("if ($N != null) protocols.addAll($T.subprotocols($S, $N))", a.field(), endpoint, a.scheme().template(), a.field());
            }
        }
        m.addStatement("if (!protocols.isEmpty()) config.subprotocols(protocols)")
                .addStatement("if (connectTimeout != null) config.connectTimeout(connectTimeout)")
                .addStatement("if (pingInterval != null) config.pingInterval(pingInterval)")
                .addStatement("if (pongTimeout != null) config.pongTimeout(pongTimeout)")
                .addStatement("if (closeTimeout != null) config.closeTimeout(closeTimeout)")
                .addStatement("if (maxQueuedBytes != null) config.maxQueuedBytes(maxQueuedBytes)")
                .addStatement("if (maxMessageSize != null) config.maxMessageSize(maxMessageSize)")
                .addStatement("if (reconnect != null) config.reconnect(reconnect)")
                .addStatement("if (inboundBufferCapacity != null) config.inboundBufferCapacity(inboundBufferCapacity)")
                .addStatement("config.transport(new $T($N))", types.runtime(transport.wsRuntimeClass()), clientOption())
                .addStatement("config.logging(logging).logger(logger)")
                .addStatement("return new $T(config, setup, overflow)", plan.client());
        return m.build();
    }

    private static String where(WsConnectParam p) {
        String name = Javadocs.escape(p.wireName());
        return switch (p.where()) {
            case SERVER -> "Server URL variable {@code " + name + "}";
            case SERVER_QUERY -> "Server variable {@code " + name + "}, sent as a query parameter (the server URL does not use it)";
            case PATH -> "Channel address parameter {@code " + name + "}, percent-encoded";
            case QUERY -> "Query parameter {@code " + name + "}, percent-encoded";
            case HEADER -> "Handshake header {@code " + name + "}";
        };
    }

    private static String paramDoc(WsConnectParam p) {
        String text = p.doc().description() != null && !p.doc().description().isBlank() ? Javadocs.markdown(p.doc().description(), false)
                : "the {@code " + Javadocs.escape(p.wireName()) + "} parameter";
        if (p.defaultValue() != null) text += " (default {@code " + Javadocs.escape(p.defaultValue()) + "})";
        return text;
    }

    private static MethodSpec setter(ClassName self, String name, TypeName type, CodeBlock doc) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self).addParameter(type, name)
                .addJavadoc(doc).addStatement("this.$N = $N", name, name).addStatement("return this").build();
    }

    private static void addOption(TypeSpec.Builder b, ClassName self, String name, String doc, CodeBlock body, Object... params) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self).addJavadoc(doc);
        for (int i = 0; i < params.length; i += 2) {
            TypeName t = params[i] instanceof TypeName tn ? tn : TypeName.get((Class<?>) params[i]);
            m.addParameter(t, (String) params[i + 1]);
        }
        b.addMethod(m.addStatement(body).addStatement("return this").build());
    }

    private static TypeSpec enumType(ClassName self, WsConnectParam p) {
        TypeSpec.Builder e = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Values of the {@code $L} connect parameter.\n", Javadocs.escape(p.wireName()));
        JavaNames.Scope constants = new JavaNames.Scope(false, Set.of("value"));
        for (String v : p.enumValues()) {
            e.addEnumConstant(constants.allocate(JavaNames.constantName(v)),
                    TypeSpec.anonymousClassBuilder("$S", v).addJavadoc("{@code $L}\n", Javadocs.escape(v)).build());
        }
        e.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "value").addStatement("this.value = value").build())
                .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("The value as sent.\n").addStatement("return value").build());
        return e.build();
    }
}
