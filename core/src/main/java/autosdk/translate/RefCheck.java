package autosdk.translate;

import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.SpecNode;
import autosdk.resolve.RefResolver;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Follows every {@code $ref} of the document, including parts the generator does not use
 * (callbacks, webhooks, bindings), so that a broken reference anywhere is reported. Problems the
 * model building already reported as errors are not repeated; the others become warnings, since
 * the generated code does not depend on them. Example values and extensions are data, not schema,
 * and are skipped, as are payloads in a non-JSON-Schema format.
 */
final class RefCheck {
    private RefCheck() {}

    static void check(MapNode root, RefResolver resolver, Diagnostics reported) {
        Diagnostics found = new Diagnostics();
        RefResolver checker = resolver.reportingTo(found);
        walk(root, checker);
        Set<String> known = new HashSet<>();
        for (Diagnostic d : reported.all()) known.add(d.location().position() + d.message());
        for (Diagnostic d : found.errors()) {
            if (known.add(d.location().position() + d.message())) {
                reported.warning(
                        d.location(), d.message() + " (in a part of the document the generated code does not use)");
            }
        }
    }

    private static void walk(SpecNode node, RefResolver resolver) {
        if (node instanceof MapNode map) {
            if (map.has("$ref")) {
                resolver.follow(map);
                return;
            }
            boolean otherFormat = map.string("schemaFormat")
                    .map(f -> !f.toLowerCase(Locale.ROOT).contains("json")
                            && !f.toLowerCase(Locale.ROOT).contains("asyncapi")
                            && !f.toLowerCase(Locale.ROOT).contains("openapi"))
                    .orElse(false);
            map.entries().forEach((key, value) -> {
                if (key.equals("example")
                        || key.equals("examples")
                        || key.startsWith("x-")
                        || key.equals("default")
                        || key.equals("const")) return;
                if (otherFormat && (key.equals("schema") || key.equals("payload"))) return;
                walk(value, resolver);
            });
        } else if (node instanceof ListNode list) {
            for (SpecNode item : list.items()) walk(item, resolver);
        }
    }
}
