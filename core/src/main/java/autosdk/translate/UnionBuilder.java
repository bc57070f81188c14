package autosdk.translate;

import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import autosdk.read.MapNode;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.resolve.RefResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a union from oneOf/anyOf members and finds how to tell them apart: the spec's
 * {@code discriminator} (OpenAPI object or AsyncAPI string), else a property that is a one-value
 * {@code enum} or {@code const} in every object member, else the members' shapes.
 */
final class UnionBuilder {
    private final SchemaTranslator translator;
    private final Expect expect;
    private final Discriminators discriminators;

    UnionBuilder(SchemaTranslator translator, Expect expect) {
        this.translator = translator;
        this.expect = expect;
        this.discriminators = new Discriminators(translator);
    }

    UnionType build(String id, MapNode schema, List<SpecNode> members, List<String> hint) {
        String explicit = explicitDiscriminator(schema);
        Map<String, String> mapping = mapping(schema);
        String property = explicit != null
                ? explicit
                : discriminators
                        .objectSchemas(members)
                        .map(discriminators::common)
                        .orElse(null);
        List<UnionType.Variant> variants = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            SpecNode member = members.get(i);
            MapNode target = translator
                    .resolver()
                    .follow(member)
                    .map(t -> t.node() instanceof MapNode m ? m : null)
                    .orElse(null);
            String constValue =
                    property == null || target == null ? null : discriminators.propertyConst(target, property);
            String label = constValue != null ? constValue : "Option" + (i + 1);
            TypeRef type = translator.translate(member, SchemaTranslator.with(hint, label));
            List<String> values = new ArrayList<>();
            if (property != null) {
                if (constValue != null) values.add(constValue);
                String key = member instanceof MapNode m && m.has("$ref")
                        ? translator
                                .resolver()
                                .follow(member)
                                .map(RefResolver.Target::key)
                                .orElse("")
                        : "";
                for (Map.Entry<String, String> e : mapping.entrySet()) {
                    if (matchesMapping(e.getValue(), key) && !values.contains(e.getKey())) values.add(e.getKey());
                }
                if (values.isEmpty() && explicit != null && !key.isEmpty()) {
                    // OpenAPI's implicit mapping: the value is the schema's name.
                    values.add(key.substring(key.lastIndexOf('/') + 1));
                }
            }
            variants.add(new UnionType.Variant(type, values, shapeOf(type, true), shapeOf(type, false)));
        }
        String discriminator = property != null
                        && variants.stream()
                                .anyMatch(v -> !v.discriminatorValues().isEmpty())
                ? property
                : null;
        return new UnionType(id, hint, translator.doc(schema), schema.location(), variants, discriminator);
    }

    private String explicitDiscriminator(MapNode schema) {
        SpecNode d = schema.get("discriminator");
        if (d instanceof ScalarNode s && s.isString()) return (String) s.value();
        if (d instanceof MapNode m) return m.string("propertyName").orElse(null);
        return null;
    }

    private Map<String, String> mapping(MapNode schema) {
        Map<String, String> out = new LinkedHashMap<>();
        if (schema.get("discriminator") instanceof MapNode d) {
            expect.map(d, "mapping")
                    .ifPresent(m -> m.entries().forEach((k, v) -> {
                        if (v instanceof ScalarNode s && s.isString()) out.put(k, (String) s.value());
                    }));
        }
        return out;
    }

    private static boolean matchesMapping(String mappingValue, String targetKey) {
        if (targetKey.isEmpty()) return false;
        String name = targetKey.substring(targetKey.lastIndexOf('/') + 1);
        return mappingValue.equals(name)
                || targetKey.endsWith(mappingValue.startsWith("#") ? mappingValue : "#" + mappingValue)
                || (mappingValue.startsWith("#") && targetKey.endsWith(mappingValue));
    }

    /** Required (or all known) JSON property names of an object variant, for matching by shape. */
    private List<String> shapeOf(TypeRef type, boolean requiredOnly) {
        if (type instanceof TypeRef.Named n) {
            NamedType t = translator.types().get(n.id());
            if (t instanceof ObjectType o) {
                return o.properties().stream()
                        .filter(p -> !requiredOnly || p.required())
                        .map(Property::jsonName)
                        .toList();
            }
        }
        return List.of();
    }
}
