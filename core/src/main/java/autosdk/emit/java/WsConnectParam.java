package autosdk.emit.java;

import autosdk.model.Doc;
import autosdk.model.Parameter;
import autosdk.model.Server;
import autosdk.model.TypeRef;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * One typed connect parameter of a client's builder: a server variable (in the URL, or sent as a query parameter when
 * the URL template does not use it), a channel path parameter, or a {@code bindings.ws} query or header value.
 *
 * @param enumValues when non-empty, the parameter gets a nested Java enum of these values
 */
record WsConnectParam(
        Where where,
        String wireName,
        String javaName,
        TypeRef type,
        List<String> enumValues,
        boolean required,
        String defaultValue,
        Doc doc) {

    /** Where the value goes in the handshake. */
    enum Where {
        SERVER,
        SERVER_QUERY,
        PATH,
        QUERY,
        HEADER
    }

    /** The connect parameters of a channel on its default server: required ones first, then the spec's order. */
    static List<WsConnectParam> of(Server server, List<Parameter> channelParams, JavaNames.Scope names) {
        List<WsConnectParam> all = new ArrayList<>();
        if (server != null) {
            for (Server.Variable v : server.variables()) {
                Where where = server.urlTemplate().contains("{" + v.name() + "}") ? Where.SERVER : Where.SERVER_QUERY;
                all.add(new WsConnectParam(
                        where,
                        v.name(),
                        null,
                        TypeRef.scalar(TypeRef.ScalarKind.STRING),
                        v.enumValues(),
                        v.defaultValue() == null,
                        v.defaultValue(),
                        v.doc()));
            }
        }
        for (Parameter p : channelParams) {
            Where where = switch (p.in()) {
                case PATH -> Where.PATH;
                case HEADER, COOKIE -> Where.HEADER;
                default -> Where.QUERY;
            };
            boolean required = p.required() && (p.defaultValue() == null || where != Where.PATH);
            List<String> enums = p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.STRING
                    ? p.enumValues()
                    : List.of();
            all.add(new WsConnectParam(where, p.name(), null, p.type(), enums, required, p.defaultValue(), p.doc()));
        }
        List<WsConnectParam> ordered = new ArrayList<>();
        all.stream().filter(WsConnectParam::required).forEach(ordered::add);
        all.stream().filter(p -> !p.required()).forEach(ordered::add);
        List<WsConnectParam> named = new ArrayList<>();
        for (WsConnectParam p : ordered) {
            named.add(new WsConnectParam(
                    p.where(),
                    p.wireName(),
                    names.allocate(JavaNames.memberName(p.wireName())),
                    p.type(),
                    p.enumValues(),
                    p.required(),
                    p.defaultValue(),
                    p.doc()));
        }
        return named;
    }

    /** The parameter's Java type: the nested enum when it has one, else the model type. */
    TypeName javaType(JavaTypes types, ClassName nestedEnum) {
        if (nestedEnum != null) return nestedEnum;
        return types.javaType(type).box();
    }

    /**
     * An expression turning the non-null field value into its wire text: what the value is in JSON, without JSON's
     * quotes around a string. Enums give their value, lists their items joined by commas, bytes base64, decimals
     * their plain digits, free-form and object values their JSON text (a string raw, a number as its digits), never
     * a Java {@code toString()}.
     */
    CodeBlock text(JavaTypes types, ClassName jsonContext, ClassName nestedEnum, CodeBlock value) {
        if (nestedEnum != null || types.isEnum(type)) return CodeBlock.of("$L.value()", value);
        if (type instanceof TypeRef.ListOf l) {
            return CodeBlock.of(
                    "$L.stream().map(item -> $L).collect($T.joining($S))",
                    value,
                    new WsConnectParam(where, wireName, javaName, l.item(), List.of(), false, null, doc)
                            .text(types, jsonContext, null, CodeBlock.of("item")),
                    ClassName.get("java.util.stream", "Collectors"),
                    ",");
        }
        ClassName json = types.runtime("Json");
        if (type instanceof TypeRef.Named n && types.className(n.id()) != null) {
            // an object or union value: its JSON, as a free-form value would be sent
            return CodeBlock.of(
                    "$T.text($T.parse($T.DEFAULT.write($L)))", json, types.runtime("JsonValue"), jsonContext, value);
        }
        // scalars and free-form values: the text of their JSON form, the rule REST parameters follow too
        return CodeBlock.of("$T.text($L)", json, value);
    }

    static TypeName listOf(TypeName item) {
        return ParameterizedTypeName.get(ClassName.get("java.util", "List"), item);
    }
}
