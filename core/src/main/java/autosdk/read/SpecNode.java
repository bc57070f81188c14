package autosdk.read;

import autosdk.diag.Location;

/**
 * A node of a JSON or YAML document as written, with its source location. This is the first of
 * two model layers: it still contains {@code $ref}s; nothing after resolution sees it.
 */
public sealed interface SpecNode permits MapNode, ListNode, ScalarNode {

    Location location();

    default String pointer() {
        return location().pointer();
    }

    /** A short word for error messages: "an object", "a list", "a string"... */
    String kindName();
}
