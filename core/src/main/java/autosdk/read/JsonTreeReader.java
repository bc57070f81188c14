package autosdk.read;

import autosdk.diag.Diagnostics;
import autosdk.diag.Location;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads JSON text into a located {@link SpecNode} tree with jackson-core's streaming parser. */
final class JsonTreeReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // Real specs are large (ElevenLabs is 3.5 MB); our own depth check gives the located error.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TreeBuilder.MAX_DEPTH + 10)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private JsonTreeReader() {}

    static Optional<SpecNode> read(Path file, String text, Diagnostics diagnostics) {
        TreeBuilder tree = new TreeBuilder(file);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation at = parser.currentTokenLocation();
                int line = at.getLineNr();
                int column = at.getColumnNr();
                switch (token) {
                    case START_OBJECT -> tree.startMap(line, column);
                    case START_ARRAY -> tree.startList(line, column);
                    case END_OBJECT, END_ARRAY -> tree.end();
                    case FIELD_NAME -> tree.key(parser.currentName());
                    case VALUE_STRING -> tree.scalar(parser.getText(), line, column);
                    case VALUE_NUMBER_INT -> tree.scalar(parser.getBigIntegerValue(), line, column);
                    case VALUE_NUMBER_FLOAT -> tree.scalar(parser.getDecimalValue(), line, column);
                    case VALUE_TRUE -> tree.scalar(true, line, column);
                    case VALUE_FALSE -> tree.scalar(false, line, column);
                    case VALUE_NULL -> tree.scalar(null, line, column);
                    default -> {}
                }
            }
            tree.reportDuplicates(diagnostics);
            return Optional.ofNullable(tree.root());
        } catch (TreeBuilder.TooDeep e) {
            diagnostics.error(
                    new Location(file, e.line, e.column, ""),
                    "document is nested deeper than " + TreeBuilder.MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            diagnostics.error(
                    new Location(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), ""),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            diagnostics.error(Location.ofFile(file), "cannot read JSON: " + e.getMessage());
        }
        return Optional.empty();
    }
}
