package autosdk.share;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable index a model-owning run writes beside its code ({@value #FILE_NAME}): the
 * package, its JSON context, and every generated type's Java name, kind, members and fingerprint.
 * A later run with {@code --types-namespace} reads it to check that the types it needs exist there
 * with the same shape, before writing anything.
 */
public record TypeIndex(String namespace, String context, Map<String, TypeShapes.TypeShape> types) {
    public static final String FILE_NAME = "autosdk-types.json";
    private static final int FORMAT = 1;
    private static final JsonFactory JSON = new JsonFactory();

    public TypeIndex {
        types = Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /** The index as pretty, deterministic JSON. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("generator", "autosdk");
            g.writeStringField("namespace", namespace);
            g.writeStringField("context", context);
            g.writeObjectFieldStart("types");
            for (Map.Entry<String, TypeShapes.TypeShape> e : types.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("kind", e.getValue().kind());
                g.writeStringField("fingerprint", e.getValue().fingerprint());
                g.writeObjectFieldStart("members");
                for (Map.Entry<String, String> m : e.getValue().members().entrySet()) {
                    g.writeStringField(m.getKey(), m.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    /** Reads an index file; a clear IOException when it is not one. */
    public static TypeIndex read(Path file) throws IOException {
        String namespace = null;
        String context = null;
        Map<String, TypeShapes.TypeShape> types = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(Files.readString(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException(file + " is not an AutoSDK type index");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "namespace" -> namespace = p.getText();
                    case "context" -> context = p.getText();
                    case "types" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            types.put(name, readShape(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a readable AutoSDK type index: " + e.getOriginalMessage());
        }
        if (namespace == null) throw new IOException(file + " is not an AutoSDK type index (no 'namespace')");
        return new TypeIndex(namespace, context, types);
    }

    private static TypeShapes.TypeShape readShape(JsonParser p) throws IOException {
        String kind = "object";
        Map<String, String> members = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("kind")) {
                kind = p.getText();
            } else if (field.equals("members")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.put(name, p.getText());
                }
            } else {
                p.skipChildren();
            }
        }
        return new TypeShapes.TypeShape(kind, members);
    }
}
