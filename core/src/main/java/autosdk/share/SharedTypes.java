package autosdk.share;

import autosdk.diag.Diagnostics;
import autosdk.model.ApiModel;
import autosdk.model.NamedType;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for a run with {@code --types-namespace}, which of its model types come from the types
 * package: with {@code --generate-models false} every type must exist there with the same shape
 * (each problem is reported, with a "did you mean"); with {@code auto} the types that match — and
 * whose referenced types match too — are reused and the rest are generated here.
 */
public final class SharedTypes {
    private SharedTypes() {}

    /** The outcome: reused types (model id → class in the types package) and the ids generated here. */
    public record Plan(Map<String, ClassName> reused, List<String> generated) {}

    /**
     * Plans the sharing. {@code names} are the class names the models run gives this model's types (type id → simple
     * name, as {@link autosdk.emit.java.JavaEmitter#typeNames} allocates them), the names each type is looked up by.
     */
    public static Plan plan(
            ApiModel model, Map<String, String> names, TypeIndex index, boolean auto, Diagnostics diagnostics) {

        // A type matches when the index has its name with the same shape.
        Map<String, String> problems = new LinkedHashMap<>();
        for (NamedType t : model.types().values()) {
            String name = names.get(t.id());
            TypeShapes.TypeShape there = index.types().get(name);
            if (there == null) {
                problems.put(
                        t.id(),
                        "type '" + name + "' does not exist in " + index.namespace()
                                + didYouMean(name, index.types().keySet()));
                continue;
            }
            TypeShapes.TypeShape here = TypeShapes.of(t, names::get);
            if (!here.fingerprint().equals(there.fingerprint())) {
                problems.put(
                        t.id(),
                        "type '" + name + "' has another shape in " + index.namespace() + ": "
                                + differences(here, there));
            }
        }
        Set<String> local = generatedHere(model, problems.keySet());
        if (!auto) {
            for (Map.Entry<String, String> p : problems.entrySet()) {
                diagnostics.error(model.type(p.getKey()).location(), p.getValue());
            }
            if (!problems.isEmpty()) {
                // The way out, with its exact cost: the guide's ElevenLabs example ends here otherwise.
                diagnostics.hint(String.format(
                        Locale.ROOT,
                        "--generate-models auto would reuse the %d matching type(s) of %s"
                                + " and generate the %d that are missing or differ here",
                        model.types().size() - local.size(),
                        index.namespace(),
                        local.size()));
            }
            Map<String, ClassName> all = new LinkedHashMap<>();
            names.forEach((id, name) -> all.put(id, ClassName.get(index.namespace(), name)));
            return new Plan(all, List.of());
        }
        Map<String, ClassName> reused = new LinkedHashMap<>();
        List<String> generated = new ArrayList<>();
        for (NamedType t : model.types().values()) {
            if (local.contains(t.id())) generated.add(t.id());
            else reused.put(t.id(), ClassName.get(index.namespace(), names.get(t.id())));
        }
        return new Plan(reused, generated);
    }

    /** The ids generated here in auto mode: the mismatches, and every type that refers to one of them. */
    private static Set<String> generatedHere(ApiModel model, Set<String> mismatched) {
        // A matching type can only be reused if everything it refers to is reused too.
        Set<String> local = new HashSet<>(mismatched);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (NamedType t : model.types().values()) {
                if (local.contains(t.id())) continue;
                for (String ref : TypeShapes.references(t)) {
                    if (local.contains(ref)) {
                        local.add(t.id());
                        changed = true;
                        break;
                    }
                }
            }
        }
        return local;
    }

    /** Property by property, what differs between the shape here and the one in the types package. */
    static String differences(TypeShapes.TypeShape here, TypeShapes.TypeShape there) {
        if (!here.kind().equals(there.kind())) {
            return "it is " + article(here.kind()) + " here but " + article(there.kind()) + " there";
        }
        String member = switch (here.kind()) {
            case "enum", "integer-enum" -> "value";
            case "union" -> "variant";
            default -> "property";
        };
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(here.members().keySet());
        keys.addAll(there.members().keySet());
        for (String key : keys) {
            String a = here.members().get(key);
            String b = there.members().get(key);
            if (a != null && b == null) out.add(member + " '" + key + "' is missing there");
            else if (a == null) {
                out.add(member + " '" + key + "' exists only there");
            } else if (!a.equals(b)) {
                out.add(member + " '" + key + "' is " + a + " here but " + b + " there");
            }
        }
        return String.join("; ", out);
    }

    private static String article(String kind) {
        return (kind.startsWith("e") || kind.startsWith("i") || kind.startsWith("o") || kind.startsWith("u")
                        ? "an "
                        : "a ")
                + kind;
    }

    /** " (did you mean 'X'?)" for the closest name, when one is close enough to be a plausible typo or prefix. */
    static String didYouMean(String name, Set<String> candidates) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            String cl = c.toLowerCase(Locale.ROOT);
            int score = distance(lower, cl);
            if (cl.endsWith(lower) || lower.endsWith(cl) || cl.startsWith(lower) || lower.startsWith(cl)) {
                score = Math.min(score, Math.abs(c.length() - name.length()) / 2 + 1);
            }
            if (score < bestScore || (score == bestScore && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestScore = score;
            }
        }
        int limit = Math.max(2, name.length() / 3);
        return best != null && bestScore <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
