package autosdk.build;

import autosdk.read.MapNode;
import autosdk.read.SpecNode;
import autosdk.resolve.RefResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the property that tells a set of object schemas apart: one that is a distinct one-value
 * {@code enum} or {@code const} in every schema, whatever its name. Shared by unions and channels.
 */
final class Discriminators {
    /** Property names that usually discriminate, tried first so the choice is stable and sensible. */
    private static final List<String> PREFERRED = List.of("type", "event", "kind", "object", "message_type", "event_type", "action", "op", "method");

    private final SchemaTranslator translator;

    Discriminators(SchemaTranslator translator) {
        this.translator = translator;
    }

    /** The discriminating property of {@code schemas}, or null when no property tells them all apart. */
    String common(List<MapNode> schemas) {
        if (schemas.isEmpty()) return null;
        Set<String> candidates = new LinkedHashSet<>(PREFERRED);
        candidates.addAll(propertyNames(schemas.get(0)));
        for (String candidate : candidates) {
            Set<String> seen = new LinkedHashSet<>();
            boolean all = true;
            for (MapNode o : schemas) {
                String v = propertyConst(o, candidate);
                if (v == null || !seen.add(v)) {
                    all = false;
                    break;
                }
            }
            if (all) return candidate;
        }
        return null;
    }

    /** The schemas that {@code members} point to, or empty if any is not an object schema. */
    Optional<List<MapNode>> objectSchemas(List<SpecNode> members) {
        List<MapNode> objects = new ArrayList<>();
        for (SpecNode m : members) {
            Optional<RefResolver.Target> t = translator.resolver().follow(m);
            if (t.isEmpty() || !(t.get().node() instanceof MapNode map)) return Optional.empty();
            objects.add(map);
        }
        return Optional.of(objects);
    }

    private Set<String> propertyNames(MapNode object) {
        Set<String> names = new LinkedHashSet<>();
        if (object.get("properties") instanceof MapNode p) names.addAll(p.entries().keySet());
        for (SpecNode m : translator.allOfMembers(object)) {
            translator.resolver().follow(m).ifPresent(t -> {
                if (t.node() instanceof MapNode mm) names.addAll(propertyNames(mm));
            });
        }
        return names;
    }

    /** The const value of {@code property} in an object schema (looking through allOf). */
    String propertyConst(MapNode object, String property) {
        if (object.get("properties") instanceof MapNode p && p.has(property)) {
            String v = translator.constValue(p.get(property));
            if (v != null) return v;
        }
        for (SpecNode m : translator.allOfMembers(object)) {
            Optional<RefResolver.Target> t = translator.resolver().follow(m);
            if (t.isPresent() && t.get().node() instanceof MapNode mm) {
                String v = propertyConst(mm, property);
                if (v != null) return v;
            }
        }
        return null;
    }
}
