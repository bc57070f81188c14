package autosdk.translate;

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
    private static final List<String> PREFERRED =
            List.of("type", "event", "kind", "object", "message_type", "event_type", "action", "op", "method");

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

    /**
     * A property that is a one-value {@code enum}/{@code const} in every schema even though some values repeat (the
     * messages sharing a value are then told apart by shape); the one with the most distinct values wins. Null when
     * no property is fixed in all schemas or it never tells two apart.
     */
    String shared(List<MapNode> schemas) {
        if (schemas.size() < 2) return null;
        Set<String> candidates = new LinkedHashSet<>(PREFERRED);
        candidates.addAll(propertyNames(schemas.get(0)));
        String best = null;
        int bestCount = 1;
        for (String candidate : candidates) {
            Set<String> seen = new LinkedHashSet<>();
            boolean all = true;
            for (MapNode o : schemas) {
                String v = propertyConst(o, candidate);
                if (v == null) {
                    all = false;
                    break;
                }
                seen.add(v);
            }
            if (all && seen.size() > bestCount) {
                best = candidate;
                bestCount = seen.size();
            }
        }
        return best;
    }

    /**
     * A discriminator nested one level inside an envelope property present in every schema, e.g.
     * {@code {"header": {"type": "..."}}}, as a JSON pointer ("/header/type"); null when there is none.
     */
    String nested(List<MapNode> schemas) {
        if (schemas.size() < 2) return null;
        for (String envelope : propertyNames(schemas.get(0))) {
            List<MapNode> inner = new ArrayList<>();
            for (MapNode o : schemas) {
                MapNode sub = propertySchema(o, envelope);
                if (sub == null) break;
                inner.add(sub);
            }
            if (inner.size() != schemas.size()) continue;
            String property = common(inner);
            if (property != null) return "/" + escape(envelope) + "/" + escape(property);
        }
        return null;
    }

    /** The const value at a property name, or at a JSON pointer made by {@link #nested}. */
    String constAt(MapNode object, String property) {
        if (!property.startsWith("/")) return propertyConst(object, property);
        String[] parts = property.substring(1).split("/", -1);
        MapNode sub = propertySchema(object, unescape(parts[0]));
        return sub == null ? null : propertyConst(sub, unescape(parts[1]));
    }

    private MapNode propertySchema(MapNode object, String property) {
        if (object.get("properties") instanceof MapNode p && p.has(property)) {
            Optional<RefResolver.Target> t = translator.resolver().follow(p.get(property));
            if (t.isPresent()
                    && t.get().node() instanceof MapNode m
                    && (m.has("properties") || !translator.allOfMembers(m).isEmpty())) return m;
        }
        for (SpecNode m : translator.allOfMembers(object)) {
            Optional<RefResolver.Target> t = translator.resolver().follow(m);
            if (t.isPresent() && t.get().node() instanceof MapNode mm) {
                MapNode found = propertySchema(mm, property);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String name) {
        return name.replace("~1", "/").replace("~0", "~");
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
        if (object.get("properties") instanceof MapNode p) {
            names.addAll(p.entries().keySet());
        }
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
