package autosdk.emit.java;

import autosdk.model.Message;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits how a client turns frames into events. Text frames: peek at the discriminating property (any name, possibly
 * nested in an envelope) and decode the one message it names; messages sharing a value, or without a discriminator,
 * are matched by shape. Anything else becomes the unknown event, with the decoding error when there was one.
 */
final class WsDecoderEmitter {
    private final JavaTypes types;
    private final WsClientClassEmitter codecs;

    WsDecoderEmitter(JavaTypes types, WsClientClassEmitter codecs) {
        this.types = types;
        this.codecs = codecs;
    }

    void emit(TypeSpec.Builder type, WsChannelPlan plan) {
        List<WsChannelPlan.Receive> text = plan.receives().stream()
                .filter(r -> !WsEventEmitter.isRawBinary(r.message()))
                .toList();
        List<WsChannelPlan.Receive> binary = plan.receives().stream()
                .filter(r -> WsEventEmitter.isRawBinary(r.message()))
                .toList();

        String property = null;
        Map<String, List<WsChannelPlan.Receive>> byValue = new LinkedHashMap<>();
        List<WsChannelPlan.Receive> untagged = new ArrayList<>();
        for (WsChannelPlan.Receive r : text) {
            Message m = r.message();
            if (m.discriminatorProperty() != null && m.discriminatorValue() != null) {
                property = m.discriminatorProperty();
                byValue.computeIfAbsent(m.discriminatorValue(), k -> new ArrayList<>())
                        .add(r);
            } else {
                untagged.add(r);
            }
        }
        ClassName frames = types.runtime("WsFrames");
        MethodSpec.Builder decode = MethodSpec.methodBuilder("decodeText")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(plan.event())
                .addParameter(String.class, "text")
                .beginControlFlow("try");
        int groups = 0;
        if (property != null) {
            CodeBlock.Builder path = CodeBlock.builder();
            List<String> parts = path(property);
            for (int i = 0; i < parts.size(); i++) path.add(i == 0 ? "$S" : ", $S", parts.get(i));
            decode.addStatement("$T kind = $T.peek(text, $L)", String.class, frames, path.build())
                    .beginControlFlow("if (kind != null)")
                    .beginControlFlow("switch (kind)");
            for (Map.Entry<String, List<WsChannelPlan.Receive>> e : byValue.entrySet()) {
                decode.addCode("case $S: {\n$>", e.getKey());
                if (e.getValue().size() == 1) {
                    WsChannelPlan.Receive r = e.getValue().get(0);
                    decode.addStatement(
                            "return new $T($L)",
                            r.record(),
                            codecs.decoder(r.message().payload(), "text"));
                } else {
                    // Several messages share this value: tell them apart by shape.
                    String field = "SHAPES_" + ++groups;
                    type.addField(shapes(plan, field, e.getValue()));
                    decode.addStatement("$T event = $T.match(text, $N)", plan.event(), frames, field)
                            .addStatement("if (event != null) return event")
                            .addStatement("break");
                }
                decode.addCode("$<}\n");
            }
            decode.addCode("default:\n$>break;\n$<").endControlFlow().endControlFlow();
        }
        if (!untagged.isEmpty()) {
            type.addField(shapes(plan, "SHAPES", untagged));
            decode.addStatement("$T event = $T.match(text, SHAPES)", plan.event(), frames)
                    .addStatement("if (event != null) return event");
        }
        decode.addStatement("$T.parse(text)", types.runtime("JsonValue"))
                .addCode("// well-formed: an unknown kind of message\n")
                .addStatement("return new $T(text, null)", plan.unknown())
                .nextControlFlow("catch ($T | $T e)", Exception.class, StackOverflowError.class)
                .addStatement("return new $T(text, e)", plan.unknown())
                .endControlFlow();
        type.addMethod(decode.build());

        MethodSpec.Builder bin = MethodSpec.methodBuilder("decodeBinary")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(plan.event())
                .addParameter(byte[].class, "data");
        if (binary.size() == 1) {
            bin.addStatement("return new $T(data)", binary.get(0).record());
        } else bin.addStatement("return new $T(data)", plan.binary());
        type.addMethod(bin.build());
    }

    /**
     * The property path: a plain name, or a JSON pointer ("/envelope/type") for a discriminator nested in an envelope.
     */
    static List<String> path(String property) {
        if (!property.startsWith("/")) return List.of(property);
        List<String> parts = new ArrayList<>();
        for (String p : property.substring(1).split("/", -1)) {
            parts.add(p.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private FieldSpec shapes(WsChannelPlan plan, String name, List<WsChannelPlan.Receive> receives) {
        ClassName candidate = types.runtimeNested("WsFrames", "Candidate");
        CodeBlock.Builder list = CodeBlock.builder()
                .add("$T.of(", ClassName.get("java.util", "List"))
                .indent();
        boolean first = true;
        for (WsChannelPlan.Receive r : receives) {
            TypeRef payload = r.message().payload();
            for (Shape shape : shapesOf(payload, new HashSet<>())) {
                list.add(first ? "\n" : ",\n")
                        .add(
                                "new $T<>($L, $L, $L, $L, $L, t -> new $T($L))",
                                candidate,
                                shape.object(),
                                strings(shape.required()),
                                strings(shape.known()),
                                strings(shape.constants()),
                                shape.closed(),
                                r.record(),
                                codecs.decoder(payload, "t"));
                first = false;
            }
        }
        list.unindent().add(")");
        return WsClientClassEmitter.constant(
                        ParameterizedTypeName.get(
                                ClassName.get("java.util", "List"), ParameterizedTypeName.get(candidate, plan.event())),
                        name)
                .addJavadoc("Messages told apart by shape, in the spec's order; a union payload has one entry per "
                        + "branch.\n")
                .initializer(list.build())
                .build();
    }

    /**
     * What a frame must look like to be a payload of {@code type}: required properties, fixed values, and whether
     * other properties are allowed. A union payload is the disjunction of its branches' shapes (with the union's
     * discriminator values as fixed values), so it never matches a frame that none of its branches would.
     */
    private record Shape(
            boolean object, List<String> required, List<String> known, List<String> constants, boolean closed) {
        /**
         * This shape with the discriminator fixed to one value (a mapping value the branch's schema may not spell out).
         */
        Shape withConstant(String property, String value) {
            List<String> fixed = new ArrayList<>();
            for (int i = 0; i + 1 < constants.size(); i += 2) {
                if (!constants.get(i).equals(property)) {
                    fixed.add(constants.get(i));
                    fixed.add(constants.get(i + 1));
                }
            }
            fixed.add(property);
            fixed.add(value);
            return new Shape(object, required, known, fixed, closed);
        }
    }

    private List<Shape> shapesOf(TypeRef type, Set<String> visiting) {
        NamedType named = type instanceof TypeRef.Named n ? types.model().type(n.id()) : null;
        if (named instanceof ObjectType o) {
            List<String> required = new ArrayList<>();
            List<String> known = new ArrayList<>();
            List<String> constants = new ArrayList<>();
            for (Property p : o.properties()) {
                known.add(p.jsonName());
                if (p.required()) required.add(p.jsonName());
                if (p.constValue() != null) {
                    constants.add(p.jsonName());
                    constants.add(p.constValue());
                }
            }
            return List.of(new Shape(true, required, known, constants, o.closed()));
        }
        if (named instanceof UnionType u && visiting.add(u.id())) {
            List<Shape> out = new ArrayList<>();
            for (UnionType.Variant v : u.variants()) {
                for (Shape branch : shapesOf(v.type(), visiting)) {
                    if (u.discriminator() == null || v.discriminatorValues().isEmpty() || !branch.object()) {
                        out.add(branch);
                        continue;
                    }
                    for (String value : v.discriminatorValues()) out.add(branch.withConstant(u.discriminator(), value));
                }
            }
            visiting.remove(u.id());
            return out;
        }
        // A payload of any JSON (schema {} or none) is not an object shape: scalars match it exactly and objects
        // weakly,
        // so an object-shaped message of the channel still wins an object frame it describes better.
        return List.of(new Shape(types.isObjectLike(type), List.of(), List.of(), List.of(), false));
    }

    private static CodeBlock strings(List<String> values) {
        CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", ClassName.get("java.util", "List"));
        for (int i = 0; i < values.size(); i++) b.add(i == 0 ? "$S" : ", $S", values.get(i));
        return b.add(")").build();
    }
}
