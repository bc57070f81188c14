package autosdk.emit.java;

import autosdk.model.Doc;
import autosdk.model.Message;
import autosdk.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Emits a channel's sealed event type: one record per message the client receives, {@code Binary} for binary frames
 * no message claims, and {@code Unknown} holding the raw text of anything else (unknown kinds, undecodable frames).
 */
final class WsEventEmitter {
    private final JavaTypes types;

    WsEventEmitter(JavaTypes types) {
        this.types = types;
    }

    /** The Java type of a message payload as the client sees it; binary messages are bytes. */
    static TypeName payloadType(JavaTypes types, Message m) {
        if (isRawBinary(m)) return TypeName.get(byte[].class);
        return types.javaType(m.payload()).box();
    }

    /** True for messages that travel as binary frames with no JSON structure. */
    static boolean isRawBinary(Message m) {
        return m.binary() && !(m.payload() instanceof TypeRef.Named);
    }

    /**
     * What documents a message's {@code send…}/{@code on…} method and event record: the message's title and
     * description, then its payload schema's description. Specs often title a message with its wire name only
     * ({@code conversation.item.create}) and say what it does on the payload schema.
     */
    static Doc messageDoc(JavaTypes types, Message m) {
        Doc own = m.doc();
        String payload =
                m.payload() instanceof TypeRef.Named n ? types.named(n).doc().description() : null;
        if (payload == null
                || payload.isBlank()
                || payload.strip()
                        .equals(
                                own.description() == null
                                        ? null
                                        : own.description().strip())) {
            return own;
        }
        String description = own.description() == null || own.description().isBlank()
                ? payload
                : own.description().strip() + "\n\n" + payload;
        return new Doc(own.title(), description, own.deprecated(), own.defaultValue(), own.example());
    }

    /** Javadoc from the spec, then {@code extra}, then the deprecation tag (block tags must come last). */
    static CodeBlock doc(Doc doc, String fallback, CodeBlock extra) {
        Doc body = new Doc(doc.title(), doc.description(), false, doc.defaultValue(), doc.example());
        CodeBlock.Builder b =
                CodeBlock.builder().add(Javadocs.of(body, fallback)).add(extra);
        if (doc.deprecated()) b.add("\n@deprecated deprecated in the API description\n");
        return b.build();
    }

    TypeSpec emit(WsChannelPlan plan) {
        ClassName self = plan.event();
        // Every permitted record is nested here, so Java infers them: no permits clause.
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc(
                        "A message received on channel {@code $L} ($L).\n",
                        Javadocs.escape(plan.channel().id()),
                        Javadocs.escape(plan.channel().address()))
                .addJavadoc("""

                <p>Use a {@code switch} over the records; {@link Unknown} keeps the raw text of frames that match no
                message or fail to decode, {@link Binary} the bytes of binary frames.
                """);
        for (WsChannelPlan.Receive r : plan.receives()) {
            Message m = r.message();
            TypeSpec.Builder record = TypeSpec.recordBuilder(r.record())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .recordConstructor(MethodSpec.constructorBuilder()
                            .addParameter(payloadType(types, m), "payload")
                            .build())
                    .addSuperinterface(self);
            CodeBlock when = m.discriminatorProperty() != null && m.discriminatorValue() != null
                    ? CodeBlock.of(
                            "\n<p>Received when {@code $L} is {@code $L}.\n",
                            Javadocs.escape(m.discriminatorProperty()),
                            Javadocs.escape(m.discriminatorValue()))
                    : CodeBlock.of("");
            record.addJavadoc(
                    doc(messageDoc(types, m), "The {@code " + Javadocs.escape(m.name()) + "} message.", when));
            if (m.doc().deprecated()) record.addAnnotation(Deprecated.class);
            type.addType(record.build());
        }
        type.addType(TypeSpec.recordBuilder(plan.binary())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(byte[].class, "data")
                        .build())
                .addSuperinterface(self)
                .addJavadoc("A binary frame (fragments already joined) that no binary message of the channel claims.\n")
                .build());
        type.addType(TypeSpec.recordBuilder(plan.unknown())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "raw")
                        .addParameter(Throwable.class, "error")
                        .build())
                .addSuperinterface(self)
                .addSuperinterface(types.runtimeNested("WsClientBase", "UnknownFrame"))
                .addJavadoc("""
                A text frame that matches no message of the channel ({@code error} is null), or that could not be
                decoded ({@code error} says why). The text is kept exactly as received.
                """)
                .build());
        return type.build();
    }
}
