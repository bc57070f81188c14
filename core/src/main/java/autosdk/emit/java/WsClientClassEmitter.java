package autosdk.emit.java;

import static autosdk.emit.java.JavaClasses.JSON_GENERATOR;
import static autosdk.emit.java.JavaClasses.JSON_PARSER;
import static autosdk.emit.java.JavaClasses.LIST;
import static autosdk.emit.java.JavaClasses.OBJECTS;
import autosdk.model.ApiModel;
import autosdk.model.Message;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(types.runtime("WsClientBase"), event, self))
                .addJavadoc(classDoc(plan));
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(types.runtimeNested("WsConfig", "Builder"), "config")
                .addParameter(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "setup")
                .addParameter(types.runtimeNested("WsInbox", "Overflow"), "overflow")
                .addStatement("super(config, setup, overflow)").build());
        type.addMethod(MethodSpec.methodBuilder("self").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED).returns(self)
                .addStatement("return this").build());

        Map<WsChannelPlan.Send, CodeBlock> encoders = new LinkedHashMap<>();
        for (WsChannelPlan.Send s : plan.sends()) {
            Message m = s.message();
            if (WsEventEmitter.isRawBinary(m)) {
                type.addMethod(send(s).addParameter(byte[].class, "payload")
                        .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                        .addStatement("return sendBinary(payload)").build());
                continue;
            }
            CodeBlock encode = withConstants(m.payload(), encoder(m.payload()));
            encoders.put(s, encode);
            type.addMethod(send(s).addParameter(WsEventEmitter.payloadType(types, m), "payload")
                    .addStatement("$T.requireNonNull(payload, \"payload\")", OBJECTS)
                    .addStatement("return sendEncoded(() -> $L)", encode).build());
            bytesOverload(s).ifPresent(type::addMethod);
        }
        for (WsChannelPlan.Receive r : plan.receives()) {
            TypeName payload = WsEventEmitter.payloadType(types, r.message());
            MethodSpec.Builder on = MethodSpec.methodBuilder(r.handler()).addModifiers(Modifier.PUBLIC).returns(self)
                    .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(payload)), "handler")
                    .addJavadoc(WsEventEmitter.doc(WsEventEmitter.messageDoc(types, r.message()), "Handles the {@code " + Javadocs.escape(r.message().name()) + "} message.",
                            CodeBlock.of("\n<p>Called on the connection's event thread, in order; an exception goes to {@code onError}.\n")))
                    .addStatement("$T.requireNonNull(handler, \"handler\")", OBJECTS)
                    .addStatement("return on($T.class, e -> handler.accept(e.payload()))", r.record());
            if (r.message().doc().deprecated()) on.addAnnotation(Deprecated.class);
            type.addMethod(on.build());
        }
        new WsDecoderEmitter(types, this).emit(type, plan);
        new WsBuilderEmitter(types, model, options.jsonContext()).emit(type, plan, encoders);
        codecs.forEach(type::addMethod);
        return type.build();
    }

    private CodeBlock classDoc(WsChannelPlan plan) {
        CodeBlock.Builder doc = CodeBlock.builder();
        var channel = plan.channel();
        String title = model.title() == null ? "the API" : Javadocs.escape(model.title());
        doc.add("A WebSocket client of channel {@code $L} ({@code $L}) of $L.\n", Javadocs.escape(channel.id()),
                Javadocs.escape(channel.address()), title);
        CodeBlock channelDoc = Javadocs.of(channel.doc(), null);
        if (!channelDoc.toString().isBlank()) doc.add("\n<p>").add(channelDoc);
        doc.add("\n<p>Build with {@link #builder}, register handlers ({@code on…}, {@link #onEvent}) or ask for {@link #events()},\n"
                + "then {@link #connect()}. Sends are queued and written whole, in order, from any thread. Events arrive on one\n"
                + "event thread per connection. Close with {@link #close()} (or try-with-resources).\n");
        return doc.build();
    }

    private MethodSpec.Builder send(WsChannelPlan.Send s) {
        Message m = s.message();
        MethodSpec.Builder b = MethodSpec.methodBuilder(s.method()).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), ClassName.get(Void.class)))
                .addJavadoc(WsEventEmitter.doc(WsEventEmitter.messageDoc(types, m), "Sends the {@code " + Javadocs.escape(m.name()) + "} message.",
                        CodeBlock.of("\n<p>Sent as a $L frame; the future completes when it was written, and fails with\n"
                        + "{@code WsClosedException} once the connection is closed.\n", WsEventEmitter.isRawBinary(m) ? "binary" : "text")));
        if (m.doc().deprecated()) b.addAnnotation(Deprecated.class);
        return b;
    }

    /** Wraps an encoding so that optional fixed-value properties (a discriminator like {@code type}) are always sent. */
    private CodeBlock withConstants(TypeRef payload, CodeBlock encode) {
        if (!(payload instanceof TypeRef.Named n) || !(model.type(n.id()) instanceof ObjectType o)) return encode;
        CodeBlock.Builder args = CodeBlock.builder();
        for (Property p : o.properties()) {
            if (p.constValue() != null && !p.required() && p.type() instanceof TypeRef.Scalar sc && sc.kind() == TypeRef.ScalarKind.STRING) {
                args.add(", $S, $S", p.jsonName(), p.constValue());
            }
        }
        if (args.isEmpty()) return encode;
        return CodeBlock.of("$T.withConstants($L$L)", types.runtime("WsFrames"), encode, args.build());
    }

    /** An expression encoding {@code payload} as JSON text: through the JSON context for named types. */
    CodeBlock encoder(TypeRef payload) {
        if (payload instanceof TypeRef.Named n && types.className(n.id()) != null) {
            return CodeBlock.of("$T.DEFAULT.write(payload)", options.jsonContext());
        }
        String name = "encode" + (++codecCount);
        ClassName json = types.runtime("Json");
        codecs.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(String.class)
                .addParameter(types.javaType(payload).box(), "v").addException(IOException.class)
                .addStatement("$T out = new $T()", java.io.StringWriter.class, java.io.StringWriter.class)
                .beginControlFlow("try ($T g = $T.FACTORY.createGenerator(out))", JSON_GENERATOR, json)
                .addStatement(types.write(payload, "g", CodeBlock.of("v")))
                .endControlFlow()
                .addStatement("return out.toString()").build());
        return CodeBlock.of("$N(payload)", name);
    }

    /** An expression decoding the frame text {@code t} into the payload: through the JSON context for named types. */
    CodeBlock decoder(TypeRef payload, String t) {
        if (payload instanceof TypeRef.Named n && types.className(n.id()) != null) {
            return CodeBlock.of("$T.DEFAULT.read($L, $T.class)", options.jsonContext(), t, types.className(n.id()));
        }
        String name = "decode" + (++codecCount);
        ClassName json = types.runtime("Json");
        codecs.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(types.javaType(payload).box())
                .addParameter(String.class, "text").addException(IOException.class)
                .beginControlFlow("try ($T p = $T.FACTORY.createParser(text))", JSON_PARSER, json)
                .addStatement("p.nextToken()")
                .addStatement("$T v = $L", types.javaType(payload).box(), types.read(payload, "p"))
                .addStatement("if (p.nextToken() != null) throw new $T($S)", types.runtime("JsonDecodeException"), "trailing content after the JSON value")
                .addStatement("return v")
                .endControlFlow().build());
        return CodeBlock.of("$N($L)", name, t);
    }

    /**
     * A {@code send…(byte[])} overload for messages whose only free required property carries base64 data (such as
     * an audio chunk): the bytes are encoded and the fixed properties (like {@code type}) filled in.
     */
    private java.util.Optional<MethodSpec> bytesOverload(WsChannelPlan.Send s) {
        if (!(s.message().payload() instanceof TypeRef.Named n)) return java.util.Optional.empty();
        NamedType t = model.type(n.id());
        if (!(t instanceof ObjectType o)) return java.util.Optional.empty();
        Property data = null;
        List<String> fixed = new ArrayList<>();
        for (Property p : o.properties()) {
            if (p.constValue() != null) {
                if (p.required()) {
                    fixed.add(p.jsonName());
                    fixed.add(p.constValue());
                }
                continue;
            }
            if (!p.required()) continue;
            if (data != null || !isBase64(p)) return java.util.Optional.empty();
            data = p;
        }
        if (data == null) return java.util.Optional.empty();
        CodeBlock.Builder args = CodeBlock.builder();
        for (String f : fixed) args.add("$S, ", f);
        args.add("$S, $T.getEncoder().encodeToString($N)", data.jsonName(), java.util.Base64.class, "bytes");
        return java.util.Optional.of(send(s).addParameter(byte[].class, "bytes")
                .addJavadoc("\n<p>Convenience form: {@code bytes} are sent base64-encoded as {@code $L}.\n", Javadocs.escape(data.jsonName()))
                .addStatement("$T.requireNonNull(bytes, \"bytes\")", OBJECTS)
                .addStatement("return sendEncoded(() -> $T.object($L))", types.runtime("WsFrames"), args.build()).build());
    }

    private static boolean isBase64(Property p) {
        if (p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.BASE64) return true;
        if (!(p.type() instanceof TypeRef.Scalar s) || s.kind() != TypeRef.ScalarKind.STRING) return false;
        String d = p.doc().description();
        return d != null && d.toLowerCase(Locale.ROOT).contains("base64");
    }

    static FieldSpec.Builder constant(TypeName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    }
}
