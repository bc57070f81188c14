package autosdk.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Tells received text frames apart for generated clients: a cheap streaming peek at the discriminating property
 * (possibly nested inside an envelope), and matching by shape when no discriminator decides.
 */
public final class WsFrames {
    private WsFrames() {}

    /** Decodes one frame's text into an event; may throw, the caller turns failures into an unknown event. */
    @FunctionalInterface
    public interface Decoder<E> {
        E decode(String text) throws Exception;
    }

    /**
     * One message a frame may be, with what its schema says about its shape.
     *
     * @param object whether the payload is a JSON object (shape checks apply) or another JSON value
     * @param required properties that must be present
     * @param known every declared property
     * @param constants fixed values: {@code name, value, name, value...}; a present property with another value
     * excludes the message
     * @param closed the schema allows no other properties ({@code additionalProperties: false}): a frame with a
     *     property not in {@code known} excludes the message
     */
    public record Candidate<E>(
            boolean object,
            List<String> required,
            List<String> known,
            List<String> constants,
            boolean closed,
            Decoder<E> decoder) {
        public Candidate {
            required = List.copyOf(required);
            known = List.copyOf(known);
            constants = List.copyOf(constants);
        }
    }

    /**
     * The scalar text at {@code path} (object member names from the top), read without building a tree and stopping
     * as soon as it is found; {@code null} when absent or not a scalar.
     *
     * @throws IOException when the JSON is malformed before the value was found
     */
    public static String peek(String json, String... path) throws IOException {
        if (path.length == 1) {
            String plain = peekPlain(json, path[0]);
            if (plain != null) {
                return plain;
            }
        }
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            int level = 0;
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null || t == JsonToken.END_OBJECT) return null;
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!path[level].equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (level == path.length - 1) {
                    return value != null && value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : null;
                }
                if (value != JsonToken.START_OBJECT) return null;
                level++;
            }
        }
    }

    /**
     * The fast path of {@link #peek} for a top-level name, without a parser: a message's discriminator usually comes
     * among its first members, so scanning the text up to it costs far less than a parser (which copies the whole
     * message first, and the codec then parses it again). It reads only what is unambiguous: the object's first
     * members up to {@code name}, each name and value a string without escapes or control characters, and the value
     * of {@code name} such a string too. Anything else (another kind of value first, an escape, malformed text, the
     * name absent) returns {@code null} and the parser decides, so the answer is always the parser's.
     */
    private static String peekPlain(String json, String name) {
        int n = json.length();
        int i = skipSpace(json, 0);
        if (i >= n || json.charAt(i) != '{') {
            return null;
        }
        while (true) {
            int nameStart = skipSpace(json, i + 1) + 1;
            int nameEnd = plainStringEnd(json, nameStart - 1);
            if (nameEnd < 0) {
                return null;
            }
            i = skipSpace(json, nameEnd + 1);
            if (i >= n || json.charAt(i) != ':') {
                return null;
            }
            i = skipSpace(json, i + 1);
            int valueEnd = plainStringEnd(json, i);
            if (valueEnd < 0) {
                return null;
            }
            if (nameEnd - nameStart == name.length() && json.startsWith(name, nameStart)) {
                return json.substring(i + 1, valueEnd);
            }
            i = skipSpace(json, valueEnd + 1);
            if (i >= n || json.charAt(i) != ',') {
                return null;
            }
        }
    }

    /** Where the string starting at {@code at} closes; -1 if none starts there or it holds an escape or a control. */
    private static int plainStringEnd(String json, int at) {
        if (at >= json.length() || json.charAt(at) != '"') {
            return -1;
        }
        for (int i = at + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private static int skipSpace(String json, int from) {
        int i = from;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Matches a frame by shape: candidates whose required properties are all present, whose constants agree and
     * (for closed schemas) that declare every property of the frame are tried from the best score (most known
     * properties, fewest unknown ones) down; the first whose decoder accepts the frame wins. Returns {@code null}
     * when none does. A message may have several candidates (one per branch of a union payload): it matches when
     * any of them does.
     *
     * @throws IOException when the frame is not JSON
     */
    public static <E> E match(String json, List<Candidate<E>> candidates) throws IOException {
        JsonValue tree;
        try {
            tree = JsonValue.parse(json);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Map.Entry<Integer, Candidate<E>>> ranked = new ArrayList<>();
        for (Candidate<E> c : candidates) {
            int score = score(tree, c);
            if (score != Integer.MIN_VALUE) ranked.add(Map.entry(score, c));
        }
        ranked.sort(Comparator.comparing((Map.Entry<Integer, Candidate<E>> e) -> e.getKey())
                .reversed()); // stable: spec order on ties
        for (Map.Entry<Integer, Candidate<E>> e : ranked) {
            try {
                E event = e.getValue().decoder().decode(json);
                if (event != null) return event;
            } catch (Exception rejected) {
                // not this one: try the next candidate
            }
        }
        return null;
    }

    static int score(JsonValue tree, Candidate<?> c) {
        if (!c.object()) return tree instanceof JsonValue.JsonObject ? -1 : 0;
        if (!(tree instanceof JsonValue.JsonObject o)) return Integer.MIN_VALUE;
        for (String r : c.required()) {
            if (!o.members().containsKey(r)) return Integer.MIN_VALUE;
        }
        for (int i = 0; i + 1 < c.constants().size(); i += 2) {
            JsonValue v = o.get(c.constants().get(i));
            if (v == null) continue;
            String text = v instanceof JsonValue.JsonString s ? s.value() : v.toJson();
            if (!text.equals(c.constants().get(i + 1))) return Integer.MIN_VALUE;
        }
        int score = 0;
        for (String key : o.members().keySet()) {
            boolean known = c.known().contains(key);
            if (!known && c.closed()) return Integer.MIN_VALUE;
            score += known ? 10 : -1;
        }
        return score;
    }

    /**
     * The value at a JSON pointer ({@code /reqid}, {@code /meta/id}, {@code /items/0}; {@code ~0} and {@code ~1}
     * escapes) in a JSON text, or {@code null} when absent. Used to read a request/reply correlation id.
     *
     * @throws UncheckedIOException when the text is not JSON
     */
    public static JsonValue at(String json, String pointer) {
        JsonValue v = JsonValue.parse(json);
        if (pointer.isEmpty()) return v;
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (v instanceof JsonValue.JsonObject o) {
                v = o.get(name);
            } else if (v instanceof JsonValue.JsonArray a
                    && name.matches("\\d{1,9}")
                    && Integer.parseInt(name) < a.items().size()) {
                v = a.items().get(Integer.parseInt(name));
            } else {
                return null;
            }
            if (v == null) return null;
        }
        return v;
    }
}
