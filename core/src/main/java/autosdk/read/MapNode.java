package autosdk.read;

import autosdk.diag.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A JSON object or YAML mapping; keeps the document's key order, which makes output deterministic. */
public final class MapNode implements SpecNode {
    private final Location location;
    private final Map<String, SpecNode> entries;

    // The LinkedHashMap type says the entries keep the document's order, which the generated code follows.
    @SuppressWarnings("NonApiType")
    public MapNode(Location location, LinkedHashMap<String, SpecNode> entries) {
        this.location = location;
        this.entries = Collections.unmodifiableMap(entries);
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public String kindName() {
        return "an object";
    }

    public Map<String, SpecNode> entries() {
        return entries;
    }

    public SpecNode get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<MapNode> map(String key) {
        return entries.get(key) instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    public Optional<ListNode> list(String key) {
        return entries.get(key) instanceof ListNode l ? Optional.of(l) : Optional.empty();
    }

    /** The string value of a key, if the key holds a string scalar. */
    public Optional<String> string(String key) {
        return entries.get(key) instanceof ScalarNode s && s.value() instanceof String v
                ? Optional.of(v)
                : Optional.empty();
    }

    public boolean isTrue(String key) {
        return entries.get(key) instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }
}
