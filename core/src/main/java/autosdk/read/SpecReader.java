package autosdk.read;

import autosdk.diag.Diagnostics;
import autosdk.diag.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a file as JSON or YAML and, for a root document, detects whether it is OpenAPI 3.0/3.1 or
 * AsyncAPI 2.0–2.6/3.0/3.1 from its root key.
 */
public final class SpecReader {
    private static final Pattern OPENAPI_VERSION = Pattern.compile("3\\.[01]\\.\\d+(-.+)?|3\\.[01]");
    private static final Pattern ASYNCAPI_VERSION = Pattern.compile("(2\\.[0-6]|3\\.[01])\\.\\d+(-.+)?");

    private SpecReader() {}

    /** Reads any JSON or YAML file (a root spec or a file that a {@code $ref} points into). */
    public static Optional<SpecNode> readTree(Path file, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.error(Location.ofFile(file), "cannot read file: " + describe(e));
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            diagnostics.error(Location.ofFile(file), "not a text file: the content is not valid UTF-8");
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) {
            diagnostics.error(Location.ofFile(file), "not a text file: it contains NUL bytes");
            return Optional.empty();
        }
        if (text.isBlank()) {
            diagnostics.error(Location.ofFile(file), "the file is empty");
            return Optional.empty();
        }
        return looksLikeJson(file, text)
                ? JsonTreeReader.read(file, text, diagnostics)
                : YamlTreeReader.read(file, text, diagnostics);
    }

    /** Reads a root spec and checks that it is a supported OpenAPI or AsyncAPI version. */
    public static Optional<SpecDocument> read(Path file, Diagnostics diagnostics) {
        Optional<SpecNode> tree = readTree(file, diagnostics);
        if (tree.isEmpty()) return Optional.empty();
        if (!(tree.get() instanceof MapNode root)) {
            diagnostics.error(
                    tree.get().location(),
                    "not an OpenAPI or AsyncAPI document: the root is "
                            + tree.get().kindName() + ", expected an object");
            return Optional.empty();
        }
        if (root.has("swagger")) {
            diagnostics.error(
                    root.get("swagger").location(),
                    "Swagger 2.0 is not supported; convert the document to OpenAPI 3 first (for example with "
                            + "swagger2openapi)");
            return Optional.empty();
        }
        if (root.has("openapi")) {
            return version(root, "openapi", OPENAPI_VERSION, "3.0.x or 3.1.x", diagnostics)
                    .map(v -> new SpecDocument(file, root, SpecKind.OPENAPI, v));
        }
        if (root.has("asyncapi")) {
            return version(root, "asyncapi", ASYNCAPI_VERSION, "2.0.0–2.6.0, 3.0.0 or 3.1.0", diagnostics)
                    .map(v -> new SpecDocument(file, root, SpecKind.ASYNCAPI, v));
        }
        diagnostics.error(
                root.location(),
                "not an OpenAPI or AsyncAPI document: the root has neither an 'openapi' nor an 'asyncapi' key");
        return Optional.empty();
    }

    private static Optional<String> version(
            MapNode root, String key, Pattern supported, String expected, Diagnostics diagnostics) {
        SpecNode node = root.get(key);
        String text = node instanceof ScalarNode s && !s.isNull() ? s.text() : null;
        if (text == null || !(s(node).isString() || s(node).isNumber())) {
            diagnostics.error(
                    node.location(),
                    "'" + key + "' must be a version string such as \"" + (key.equals("openapi") ? "3.1.0" : "3.0.0")
                            + "\", found " + node.kindName());
            return Optional.empty();
        }
        if (!supported.matcher(text).matches()) {
            diagnostics.error(
                    node.location(), "unsupported " + key + " version \"" + text + "\"; supported: " + expected);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static ScalarNode s(SpecNode node) {
        return (ScalarNode) node;
    }

    private static boolean looksLikeJson(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return true;
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return false;
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
