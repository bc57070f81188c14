package autosdk.emit.java;

import autosdk.Libraries;
import autosdk.model.ApiModel;
import autosdk.model.EnumType;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Maps model types to Java types and to the codec calls that read and write them. Knows where
 * each named type lives (this package, or the types package of an earlier run) and where the
 * runtime helpers were copied.
 */
public final class JavaTypes {
    private final ApiModel model;
    private final Map<String, ClassName> classNames;
    private final String runtimePackage;
    private final Libraries libraries;

    public JavaTypes(ApiModel model, Map<String, ClassName> classNames, String runtimePackage) {
        this(model, classNames, runtimePackage, Libraries.DEFAULT);
    }

    public JavaTypes(ApiModel model, Map<String, ClassName> classNames, String runtimePackage, Libraries libraries) {
        this.model = model;
        this.classNames = classNames;
        this.runtimePackage = runtimePackage;
        this.libraries = libraries;
    }

    /** The jackson-core names the generated codecs use (Jackson 2 or 3). */
    public JacksonApi jackson() {
        return JacksonApi.of(libraries.jackson());
    }

    /** Where nullability annotations go ({@code --nullability}). */
    Nullness nullness() {
        return new Nullness(libraries);
    }

    /** The libraries chosen for this run. */
    public Libraries libraries() {
        return libraries;
    }

    public ApiModel model() {
        return model;
    }

    public ClassName runtime(String simpleName) {
        return ClassName.get(runtimePackage, simpleName);
    }

    public ClassName runtimeNested(String simpleName, String nested) {
        return ClassName.get(runtimePackage, simpleName, nested);
    }

    public ClassName className(String typeId) {
        return classNames.get(typeId);
    }

    public NamedType named(TypeRef.Named ref) {
        return model.type(ref.id());
    }

    public TypeName javaType(TypeRef type) {
        if (type instanceof TypeRef.Scalar s) return scalarType(s.kind());
        if (type instanceof TypeRef.ListOf l) {
            return ParameterizedTypeName.get(ClassName.get("java.util", "List"), javaType(l.item()));
        }
        if (type instanceof TypeRef.MapOf m) {
            return ParameterizedTypeName.get(
                    ClassName.get("java.util", "Map"), ClassName.get(String.class), javaType(m.value()));
        }
        if (type instanceof TypeRef.Named n && classNames.containsKey(n.id())) return classNames.get(n.id());
        return runtime("JsonValue");
    }

    private static TypeName scalarType(TypeRef.ScalarKind kind) {
        return switch (kind) {
            case STRING, TIME, DURATION, URI -> ClassName.get(String.class);
            case INT32 -> ClassName.get(Integer.class);
            case INT64 -> ClassName.get(Long.class);
            case BIG_INTEGER -> ClassName.get(BigInteger.class);
            case FLOAT -> ClassName.get(Float.class);
            case DOUBLE -> ClassName.get(Double.class);
            case DECIMAL -> ClassName.get(BigDecimal.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case DATE_TIME -> ClassName.get(OffsetDateTime.class);
            case DATE -> ClassName.get(LocalDate.class);
            case UUID -> ClassName.get(java.util.UUID.class);
            case BASE64, BINARY -> TypeName.get(byte[].class);
        };
    }

    /** The runtime method suffix of a scalar kind: Json.read{Suffix} / Json.write{Suffix}. */
    private static String scalarCodec(TypeRef.ScalarKind kind) {
        return switch (kind) {
            case STRING, TIME, DURATION, URI -> "String";
            case INT32 -> "Int";
            case INT64 -> "Long";
            case BIG_INTEGER -> "BigInteger";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            case DECIMAL -> "Decimal";
            case BOOLEAN -> "Boolean";
            case DATE_TIME -> "DateTime";
            case DATE -> "Date";
            case UUID -> "Uuid";
            case BASE64, BINARY -> "Base64";
        };
    }

    /**
     * The streaming codec of a generated model, enum or union: a nested {@code Codec} class, public so that the JSON
     * context and a package sharing these models can call it, but off the model's own members, so completion on
     * {@code Room.} lists no Jackson parser methods.
     */
    static ClassName codec(ClassName model) {
        return model.nestedClass("Codec");
    }

    /** An expression reading a value of {@code type} with parser {@code p}; JSON null reads as null. */
    public CodeBlock read(TypeRef type, String p) {
        ClassName json = runtime("Json");
        if (type instanceof TypeRef.Scalar s) return CodeBlock.of("$T.read$L($L)", json, scalarCodec(s.kind()), p);
        if (type instanceof TypeRef.ListOf l) return CodeBlock.of("$T.readList($L, $L)", json, p, reader(l.item()));
        if (type instanceof TypeRef.MapOf m) return CodeBlock.of("$T.readMap($L, $L)", json, p, reader(m.value()));
        if (type instanceof TypeRef.Named n && classNames.containsKey(n.id())) {
            return CodeBlock.of(
                    "$L.currentToken() == $T.VALUE_NULL ? null : $T.read($L)",
                    p,
                    jackson().token(),
                    codec(classNames.get(n.id())),
                    p);
        }
        return CodeBlock.of("$T.readValue($L)", json, p);
    }

    /** A statement writing the non-null value {@code value} of {@code type} with generator {@code g}. */
    public CodeBlock write(TypeRef type, String g, CodeBlock value) {
        ClassName json = runtime("Json");
        if (type instanceof TypeRef.Scalar s) {
            return CodeBlock.of("$T.write$L($L, $L)", json, scalarCodec(s.kind()), g, value);
        }
        if (type instanceof TypeRef.ListOf l) {
            return CodeBlock.of("$T.writeList($L, $L, $L)", json, g, value, writer(l.item()));
        }
        if (type instanceof TypeRef.MapOf m) {
            return CodeBlock.of("$T.writeMap($L, $L, $L)", json, g, value, writer(m.value()));
        }
        if (type instanceof TypeRef.Named n && classNames.containsKey(n.id())) {
            return CodeBlock.of("$T.write($L, $L)", codec(classNames.get(n.id())), g, value);
        }
        return CodeBlock.of("$T.writeValue($L, $L)", json, g, value);
    }

    /** A {@code JsonCodec.Reader} value for {@code type} (method references, no lambdas). */
    public CodeBlock reader(TypeRef type) {
        ClassName json = runtime("Json");
        if (type instanceof TypeRef.Scalar s) return CodeBlock.of("$T::read$L", json, scalarCodec(s.kind()));
        if (type instanceof TypeRef.ListOf l) return CodeBlock.of("$T.listReader($L)", json, reader(l.item()));
        if (type instanceof TypeRef.MapOf m) return CodeBlock.of("$T.mapReader($L)", json, reader(m.value()));
        if (type instanceof TypeRef.Named n && classNames.containsKey(n.id())) {
            return CodeBlock.of("$T::read", codec(classNames.get(n.id())));
        }
        return CodeBlock.of("$T::readValue", json);
    }

    public CodeBlock writer(TypeRef type) {
        ClassName json = runtime("Json");
        if (type instanceof TypeRef.Scalar s) return CodeBlock.of("$T::write$L", json, scalarCodec(s.kind()));
        if (type instanceof TypeRef.ListOf l) return CodeBlock.of("$T.listWriter($L)", json, writer(l.item()));
        if (type instanceof TypeRef.MapOf m) return CodeBlock.of("$T.mapWriter($L)", json, writer(m.value()));
        if (type instanceof TypeRef.Named n && classNames.containsKey(n.id())) {
            return CodeBlock.of("$T::write", codec(classNames.get(n.id())));
        }
        return CodeBlock.of("$T::writeValue", json);
    }

    /** True when a JSON value of this type is an object (used to pick union variants by token). */
    public boolean isObjectLike(TypeRef type) {
        if (type instanceof TypeRef.MapOf) return true;
        if (type instanceof TypeRef.Named n) {
            NamedType t = model.type(n.id());
            return t instanceof ObjectType || t instanceof UnionType;
        }
        return false;
    }

    public boolean isEnum(TypeRef type) {
        return type instanceof TypeRef.Named n && model.type(n.id()) instanceof EnumType;
    }
}
