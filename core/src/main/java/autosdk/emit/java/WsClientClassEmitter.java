package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.LIST;
import static autosdk.emit.java.JavaClasses.OBJECTS;

import autosdk.model.ApiModel;
import autosdk.model.Message;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.RequestReply;
import autosdk.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Emits one channel's client class: a subclass of the runtime's {@code WsClientBase} with a typed {@code send…}
 * method per sent message, a typed {@code on…} handler per received message, and the decoding of frames into events.
 * Named payloads go through the JSON context class, so the models may live in another package.
 */
final class WsClientClassEmitter {

    private final JavaTypes types;
    private final EmitOptions options;
    private final ApiModel model;
    private final List<MethodSpec> codecs = new ArrayList<>();
    private int codecCount;

    WsClientClassEmitter(JavaTypes types, EmitOptions options, ApiModel model) {
        this.types = types;
        this.options = options;
        this.model = model;
    }

    TypeSpec emit(WsChannelPlan plan) {
        ClassName self = plan.client();
        ClassName event = plan.event();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(types.runtime(WsChannelPlan.CLIENT_BASE), event, self))
                .addJavadoc(classDoc(plan));
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(types.runtimeNested("WsConfig", "Builder"), "config")
                .addParameter(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "setup")
                .addParameter(types.runtimeNested("WsInbox", "Overflow"), "overflow")
                .addStatement("super(config, setup, overflow)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("self")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(self)
                .addStatement("return this")
                .build());

        Map<WsChannelPlan.Send, CodeBlock> encoders = new LinkedHashMap<>();
        for (WsChannelPlan.Send s : plan.sends()) {
            Message m = s.message();
            if (WsEventEmitter.isRawBinary(m)) {
                type.addMethod(send(s).addParameter(byte[].class, "payload")
                        .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                        .addStatement("return sendBinary(payload)")
                        .build());
                continue;
            }
            // Fixed values (a discriminator like "type") are pre-filled by the payload's builder: nothing to add here.
            CodeBlock encode = encoder(m.payload());
            encoders.put(s, encode);
            type.addMethod(send(s).addParameter(WsEventEmitter.payloadType(types, m), "payload")
                    .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                    .addStatement("return sendEncoded(() -> $L)", encode)
                    .build());
            bytesOverload(s).ifPresent(type::addMethod);
        }
        for (WsChannelPlan.Request r : plan.requests()) {
            type.addMethod(request(plan, r, encoders.get(r.send())));
        }
        for (WsChannelPlan.Receive r : plan.receives()) {
            TypeName payload = WsEventEmitter.payloadType(types, r.message());
            MethodSpec.Builder on = MethodSpec.methodBuilder(r.handler())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(self)
                    .addParameter(
                            ParameterizedTypeName.get(
                                    ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(payload)),
                            "handler")
                    .addJavadoc(WsEventEmitter.doc(
                            WsEventEmitter.messageDoc(types, r.message()),
                            "Handles the {@code " + Javadocs.escape(r.message().name()) + "} message.",
                            CodeBlock.of("\n<p>Called on the connection's event thread, in order; an "
                                    + "exception goes to {@code onError}.\n")))
                    .addStatement("$T.requireNonNull(handler, \"handler\")", OBJECTS)
                    .addStatement("return on($T.class, e -> handler.accept(e.payload()))", r.record());
            if (r.message().doc().deprecated()) on.addAnnotation(Deprecated.class);
            type.addMethod(on.build());
        }
        new WsDecoderEmitter(types, this).emit(type, plan);
        new WsBuilderEmitter(types, model, options.jsonContext(), options.transport()).emit(type, plan, encoders);
        codecs.forEach(type::addMethod);
        return type.build();
    }

    private CodeBlock classDoc(WsChannelPlan plan) {
        CodeBlock.Builder doc = CodeBlock.builder();
        var channel = plan.channel();
        String title = model.title() == null ? "the API" : Javadocs.escape(model.title());
        doc.add(
                "A WebSocket client of channel {@code $L} ({@code $L}) of $L.\n",
                Javadocs.escape(channel.id()),
                Javadocs.escape(channel.address()),
                title);
        CodeBlock channelDoc = Javadocs.of(channel.doc(), null);
        if (!channelDoc.toString().isBlank()) doc.add("\n<p>").add(channelDoc);
        doc.add("""

        <p>Build with {@link #builder}, register handlers ({@code on…}, {@link #onEvent}) or ask for {@link #events()},
        then {@link #connect()}. Sends are queued and written whole, in order, from any thread. Events arrive on one
        event thread per connection. Close with {@link #close()} (or try-with-resources).
        """);
        return doc.build();
    }

    private MethodSpec.Builder send(WsChannelPlan.Send s) {
        Message m = s.message();
        MethodSpec.Builder b = MethodSpec.methodBuilder(s.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), ClassName.get(Void.class)))
                .addJavadoc(WsEventEmitter.doc(
                        WsEventEmitter.messageDoc(types, m),
                        "Sends the {@code " + Javadocs.escape(m.name()) + "} message.",
                        CodeBlock.of("""

                        <p>Sent as a $L frame; the future completes when it was written, and fails with
                        {@code WsClosedException} once the connection is closed.
                        """, WsEventEmitter.isRawBinary(m) ? "binary" : "text")));
        if (m.doc().deprecated()) b.addAnnotation(Deprecated.class);
        return b;
    }

    /**
     * {@code send…AndAwaitReply(payload, timeout)}: sends the request and completes with its reply, correlated by the
     * declared correlation id when the request carries one. One reply message gives its record, several the event type.
     */
    private MethodSpec request(WsChannelPlan plan, WsChannelPlan.Request r, CodeBlock encode) {
        Message m = r.send().message();
        ClassName result = r.replies().size() == 1 ? r.replies().get(0).record() : plan.event();
        CodeBlock.Builder replies = CodeBlock.builder();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < r.replies().size(); i++) {
            WsChannelPlan.Receive reply = r.replies().get(i);
            replies.add(i == 0 ? "" : ", ")
                    .add(
                            "new $T($T.class, $S)",
                            types.runtimeNested("WsClientBase", "Reply"),
                            reply.record(),
                            r.replyCorrelations().get(i));
            names.append(i == 0 ? "" : ", ")
                    .append("{@link ")
                    .append(plan.event().simpleName())
                    .append(".")
                    .append(reply.record().simpleName())
                    .append("}");
        }
        // A request id only helps when some reply carries it back; otherwise requests are answered in order.
        String requestId = r.replyCorrelations().stream().anyMatch(Objects::nonNull) ? r.requestCorrelation() : null;
        String correlation = requestId != null
                ? "the reply whose {@code "
                        + Javadocs.escape(r.replyCorrelations().stream()
                                .filter(Objects::nonNull)
                                .findFirst()
                                .get())
                        + "} equals the request's {@code " + Javadocs.escape(r.requestCorrelation())
                        + "}, in whatever order replies come;\n"
                        + "without that id in the request, the next reply (uncorrelated requests are answered "
                        + "in the order sent)"
                : "the next reply (requests are answered in the order sent)";
        if (requestId != null) {
            List<String> asIs = new ArrayList<>();
            for (int i = 0; i < r.replies().size(); i++) {
                if (r.replyCorrelations().get(i) == null) {
                    asIs.add("{@code " + r.replies().get(i).record().simpleName() + "}");
                }
            }
            if (!asIs.isEmpty()) {
                correlation += ";\n" + String.join(", ", asIs) + " declares no id and is accepted as it comes";
            }
        }
        MethodSpec.Builder b = MethodSpec.methodBuilder(r.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
                .addParameter(WsEventEmitter.payloadType(types, m), "payload")
                .addParameter(Duration.class, "timeout")
                .addJavadoc(
                        "Sends {@code $L} and completes with its reply ($L):\n$L.\n",
                        Javadocs.escape(m.name()),
                        names,
                        correlation)
                .addJavadoc("""

                <p>Fails with {@code TimeoutException} after {@code timeout}, with {@code WsClosedException} when the
                connection ends first, or with the send's failure. Operation {@code $L}.
                """, Javadocs.escape(opId(plan, r)))
                .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                .addStatement(
                        "return request(() -> $L, $S, $T.class, $T.of($L), timeout)",
                        encode,
                        requestId,
                        result,
                        LIST,
                        replies.build());
        if (m.doc().deprecated()) b.addAnnotation(Deprecated.class);
        return b.build();
    }

    private static String opId(WsChannelPlan plan, WsChannelPlan.Request r) {
        return plan.channel().requestReplies().stream()
                .filter(rr -> rr.request().name().equals(r.send().message().name()))
                .map(RequestReply::operationId)
                .findFirst()
                .orElse("");
    }

    /** An expression encoding {@code payload} as JSON text: through the JSON context for named types. */
    CodeBlock encoder(TypeRef payload) {
        if (payload instanceof TypeRef.Named n && types.className(n.id()) != null) {
            return CodeBlock.of("$T.DEFAULT.write(payload)", options.jsonContext());
        }
        String name = "encode" + ++codecCount;
        ClassName json = types.runtime("Json");
        codecs.add(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(types.javaType(payload).box(), "v")
                .addException(IOException.class)
                .addStatement("$T out = new $T()", StringWriter.class, StringWriter.class)
                .beginControlFlow(
                        "try ($T g = $L)",
                        types.jackson().generator(),
                        types.jackson().newGenerator(json, "out"))
                .addStatement(types.write(payload, "g", CodeBlock.of("v")))
                .endControlFlow()
                .addStatement("return out.toString()")
                .build());
        return CodeBlock.of("$N(payload)", name);
    }

    /** An expression decoding the frame text {@code t} into the payload: through the JSON context for named types. */
    CodeBlock decoder(TypeRef payload, String t) {
        if (payload instanceof TypeRef.Named n && types.className(n.id()) != null) {
            return CodeBlock.of("$T.DEFAULT.read($L, $T.class)", options.jsonContext(), t, types.className(n.id()));
        }
        String name = "decode" + ++codecCount;
        ClassName json = types.runtime("Json");
        codecs.add(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(types.javaType(payload).box())
                .addParameter(String.class, "text")
                .addException(IOException.class)
                .beginControlFlow(
                        "try ($T p = $L)",
                        types.jackson().parser(),
                        types.jackson().newParser(json, "text"))
                .addStatement("p.nextToken()")
                .addStatement("$T v = $L", types.javaType(payload).box(), types.read(payload, "p"))
                .addStatement(
                        "if (p.nextToken() != null) throw new $T($S)",
                        types.runtime("JsonDecodeException"),
                        "trailing content after the JSON value")
                .addStatement("return v")
                .endControlFlow()
                .build());
        return CodeBlock.of("$N($L)", name, t);
    }

    /**
     * A {@code send…(byte[])} overload for messages whose only property left to set carries base64 data (such as an
     * audio chunk). It builds the message with the model's builder, so fixed values (like {@code type}) are pre-filled
     * exactly as in the typed send, and encodes it the same way.
     */
    private Optional<MethodSpec> bytesOverload(WsChannelPlan.Send s) {
        if (!(s.message().payload() instanceof TypeRef.Named n) || types.className(n.id()) == null) {
            return Optional.empty();
        }
        NamedType t = model.type(n.id());
        if (!(t instanceof ObjectType o)) return Optional.empty();
        Property data = null;
        for (Property p : o.properties()) {
            if (!p.required() || p.readOnly() || p.fixed() != null) continue;
            if (data != null || !p.base64()) return Optional.empty();
            data = p;
        }
        if (data == null) return Optional.empty();
        String setter = ObjectEmitter.memberNames(o).get(o.properties().indexOf(data));
        CodeBlock value = data.type() instanceof TypeRef.Scalar sc && sc.kind() == TypeRef.ScalarKind.BASE64
                ? CodeBlock.of("bytes")
                : CodeBlock.of("$T.getEncoder().encodeToString(bytes)", Base64.class);
        ClassName payload = types.className(n.id());
        return Optional.of(send(s).addParameter(byte[].class, "bytes")
                .addJavadoc(
                        "\n<p>Convenience form: {@code bytes} are sent base64-encoded as {@code $L}.\n",
                        Javadocs.escape(data.jsonName()))
                .addStatement("$T.requireNonNull(bytes, \"bytes\")", OBJECTS)
                .addStatement("$T payload = $T.builder().$N($L).build()", payload, payload, setter, value)
                .addStatement(
                        "return sendEncoded(() -> $L)", encoder(s.message().payload()))
                .build());
    }

    static FieldSpec.Builder constant(TypeName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    }
}
