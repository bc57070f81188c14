package autosdk.share;

import autosdk.model.EnumType;
import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Describes the shape of a named type in a form two runs can compare: per property a short type
 * descriptor ("string", "list<Pet>", "Pet?") where other named types appear by their Java name,
 * so a shape does not depend on where the schema was written.
 */
public final class TypeShapes {
    private TypeShapes() {}

    /** The shape of one named type; {@code nameOf} gives the Java simple name of a named type id. */
    public static TypeShape of(NamedType type, Function<String, String> nameOf) {
        Map<String, String> members = new TreeMap<>();
        String kind;
        if (type instanceof ObjectType o) {
            kind = "object";
            for (Property p : o.properties()) {
                // A fixed value is part of the shape: builders pre-fill it, so types fixing different values differ.
                members.put(
                        p.jsonName(),
                        describe(p.type(), nameOf)
                                + (p.required() ? "" : "?")
                                + (p.nullable() ? "|null" : "")
                                + (p.fixed() == null ? "" : "=" + p.fixed().text()));
            }
            if (o.additionalValues() != null) members.put("*", describe(o.additionalValues(), nameOf));
        } else if (type instanceof EnumType e) {
            kind = e.integer() ? "integer-enum" : "enum";
            for (String v : e.values()) members.put(v, "value");
        } else {
            UnionType u = (UnionType) type;
            kind = "union";
            List<UnionType.Variant> variants = u.variants();
            for (UnionType.Variant v : variants) {
                members.put(describe(v.type(), nameOf), String.join(",", v.discriminatorValues()));
            }
            if (u.discriminator() != null) members.put("@discriminator", u.discriminator());
        }
        return new TypeShape(kind, members);
    }

    /** A short, stable description of a type reference. */
    public static String describe(TypeRef type, Function<String, String> nameOf) {
        if (type instanceof TypeRef.Scalar s) return s.kind().name().toLowerCase(Locale.ROOT);
        if (type instanceof TypeRef.ListOf l) return "list<" + describe(l.item(), nameOf) + ">";
        if (type instanceof TypeRef.MapOf m) return "map<" + describe(m.value(), nameOf) + ">";
        if (type instanceof TypeRef.Named n) return nameOf.apply(n.id());
        return "json";
    }

    /** Ids of the named types a type refers to directly. */
    public static List<String> references(NamedType type) {
        List<String> out = new ArrayList<>();
        if (type instanceof ObjectType o) {
            for (Property p : o.properties()) collect(p.type(), out);
            if (o.additionalValues() != null) collect(o.additionalValues(), out);
        } else if (type instanceof UnionType u) {
            for (UnionType.Variant v : u.variants()) collect(v.type(), out);
        }
        return out;
    }

    private static void collect(TypeRef type, List<String> out) {
        if (type instanceof TypeRef.ListOf l) collect(l.item(), out);
        else if (type instanceof TypeRef.MapOf m) {
            collect(m.value(), out);
        } else if (type instanceof TypeRef.Named n) {
            out.add(n.id());
        }
    }

    /** A kind and its members (property name → type descriptor, enum values, union variants), sorted. */
    public record TypeShape(String kind, Map<String, String> members) {
        public TypeShape {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(members)));
        }

        /** A SHA-256 over the kind and members: equal shapes, equal fingerprints. */
        public String fingerprint() {
            StringBuilder sb = new StringBuilder(kind).append('\n');
            members.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
