package autosdk.translate;

import autosdk.diag.Diagnostics;
import autosdk.read.MapNode;
import autosdk.read.SpecNode;
import autosdk.read.SpecReader;
import autosdk.resolve.RefResolver;
import java.nio.file.Files;
import java.nio.file.Path;

/** A YAML document of schemas read from a temporary file, with a translator over it, for one-rule unit tests. */
final class SchemaRules {
    final Diagnostics diagnostics = new Diagnostics();
    final MapNode root;
    final SchemaTranslator translator;

    SchemaRules(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("schemas.yaml");
        Files.writeString(file, yaml);
        root = (MapNode) SpecReader.readTree(file, diagnostics).orElseThrow();
        translator = new SchemaTranslator(new RefResolver(file, root, diagnostics), new Expect(diagnostics));
    }

    /** The node at a slash-separated path of keys ("components/schemas/Pet"). */
    SpecNode at(String path) {
        SpecNode node = root;
        for (String key : path.split("/")) node = ((MapNode) node).get(key);
        return node;
    }

    MapNode map(String path) {
        return (MapNode) at(path);
    }
}
