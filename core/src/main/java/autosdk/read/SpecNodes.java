package autosdk.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Comparisons of spec trees by what they say, not where they are written. */
public final class SpecNodes {
    /** Keywords that annotate a schema without changing the JSON it describes. */
    private static final Set<String> ANNOTATIONS = Set.of(
            "xml", "example", "examples", "description", "title", "externalDocs", "$comment", "readOnly", "writeOnly");

    private SpecNodes() {}

    /**
     * True when two schemas describe the same JSON: equal after dropping annotations (descriptions,
     * examples, XML hints, x- extensions), keys compared in order, locations ignored.
     */
    public static boolean sameShape(SpecNode a, SpecNode b) {
        if (a instanceof ScalarNode x && b instanceof ScalarNode y) return Objects.equals(x.value(), y.value());
        if (a instanceof ListNode x && b instanceof ListNode y) {
            if (x.items().size() != y.items().size()) return false;
            for (int i = 0; i < x.items().size(); i++) {
                if (!sameShape(x.items().get(i), y.items().get(i))) return false;
            }
            return true;
        }
        if (a instanceof MapNode x && b instanceof MapNode y) {
            Map<String, SpecNode> left = significant(x);
            Map<String, SpecNode> right = significant(y);
            if (!left.keySet().equals(right.keySet())) return false;
            for (Map.Entry<String, SpecNode> e : left.entrySet()) {
                if (!sameShape(e.getValue(), right.get(e.getKey()))) return false;
            }
            return true;
        }
        return false;
    }

    private static Map<String, SpecNode> significant(MapNode node) {
        Map<String, SpecNode> out = new LinkedHashMap<>();
        node.entries().forEach((k, v) -> {
            if (!ANNOTATIONS.contains(k) && !k.startsWith("x-")) out.put(k, v);
        });
        return out;
    }
}
