package autosdk.translate;

import autosdk.diag.Diagnostics;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed access to spec nodes that reports a located error, once, when a node has the wrong kind. */
final class Expect {
    private final Diagnostics diagnostics;
    private final Set<SpecNode> reported = Collections.newSetFromMap(new IdentityHashMap<>());

    Expect(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Optional<MapNode> map(MapNode parent, String key) {
        SpecNode node = parent.get(key);
        if (node == null || (node instanceof ScalarNode s && s.isNull())) return Optional.empty();
        if (node instanceof MapNode m) return Optional.of(m);
        wrongKind(node, key, "an object");
        return Optional.empty();
    }

    Optional<ListNode> list(MapNode parent, String key) {
        SpecNode node = parent.get(key);
        if (node == null || (node instanceof ScalarNode s && s.isNull())) return Optional.empty();
        if (node instanceof ListNode l) return Optional.of(l);
        wrongKind(node, key, "a list");
        return Optional.empty();
    }

    Optional<String> string(MapNode parent, String key) {
        SpecNode node = parent.get(key);
        if (node == null || (node instanceof ScalarNode s && s.isNull())) return Optional.empty();
        if (node instanceof ScalarNode s && (s.isString() || s.isNumber())) return Optional.of(s.text());
        wrongKind(node, key, "a string");
        return Optional.empty();
    }

    boolean bool(MapNode parent, String key) {
        SpecNode node = parent.get(key);
        if (node == null) return false;
        if (node instanceof ScalarNode s && s.value() instanceof Boolean b) return b;
        if (node instanceof ScalarNode s && "true".equals(s.value())) return true;
        if (node instanceof ScalarNode s && ("false".equals(s.value()) || s.isNull())) return false;
        wrongKind(node, key, "a boolean");
        return false;
    }

    /** A list of strings; non-string items are reported and skipped. */
    List<String> strings(MapNode parent, String key) {
        List<String> out = new ArrayList<>();
        list(parent, key).ifPresent(list -> {
            for (SpecNode item : list.items()) {
                if (item instanceof ScalarNode s && (s.isString() || s.isNumber())) out.add(s.text());
                else if (!reported.contains(item)) {
                    reported.add(item);
                    wrongKind(item, key + " item", "a string");
                }
            }
        });
        return out;
    }

    /** Requires an object at the root of a section (such as {@code info}). */
    Optional<MapNode> requiredMap(MapNode parent, String key) {
        if (!parent.has(key)) {
            diagnostics.error(parent.location(), "missing required '" + key + "'");
            return Optional.empty();
        }
        return map(parent, key);
    }

    void wrongKind(SpecNode node, String key, String expected) {
        diagnostics.error(node.location(), "'" + key + "' must be " + expected + ", found " + node.kindName());
    }
}
