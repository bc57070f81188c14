package autosdk.emit.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ports a runtime helper from Jackson 2 to Jackson 3 as it is copied into an SDK generated with {@code --jackson 3}:
 * the runtime is written once, against Jackson 2, and this small set of rules gives its Jackson 3 form.
 *
 * <p>The rules, applied to every helper that imports {@code com.fasterxml.jackson.core}:
 *
 * <ul>
 *   <li>Names: the package becomes {@code tools.jackson.core} ({@code JsonFactory} moved to its {@code json}
 *       subpackage), {@code JsonLocation} is {@code TokenStreamLocation}, {@code JsonProcessingException} is
 *       {@code JacksonException}; the renamed members as {@link JacksonApi} spells them for generated codecs
 *       ({@code writeName}, {@code getString}, {@code PROPERTY_NAME}), and {@code writeStringProperty}.
 *   <li>Factories: {@code createParser(x)} and {@code createGenerator(x)} take {@code ObjectReadContext.empty()} or
 *       {@code ObjectWriteContext.empty()} first, and {@code JsonFactory.builder()} is
 *       {@code builderWithJackson2Defaults()}, so both versions write the same bytes.
 *   <li>Exceptions: Jackson 3 reports malformed JSON with the unchecked {@code JacksonException}, where Jackson 2
 *       throws an {@code IOException}. Each {@code try (JsonParser p = ….createParser(…))} gets a first
 *       {@code catch (JacksonException e)} that turns it into the checked {@code Json.malformed(e)}: it does what the
 *       block's {@code catch (IOException e)} does with that exception, or throws it when there is no such catch.
 *       A block that already catches {@code JacksonException} or {@code RuntimeException} is left alone.
 *   <li>Imports are renamed, the ones the new code needs are added, unused ones dropped, and all sorted.
 * </ul>
 *
 * <p>What no rule can say is marked in the Jackson 2 source with a line comment starting {@code // jackson3:} (the
 * only marker syntax; a helper with an unknown or unclosed marker fails the generator):
 *
 * <ul>
 *   <li>{@code code // jackson3: other code} - the line is {@code other code} on Jackson 3 (written as Jackson 2
 *       code: the rules above apply to it too);
 *   <li>{@code code // jackson3: omit} - the line is left out;
 *   <li>{@code // jackson3: omit from here (why)} ... {@code // jackson3: omit to here} - the lines between, and
 *       the two marker lines, are left out.
 * </ul>
 */
final class Jackson3Port {
    private static final String MARKER = "// jackson3:";
    private static final String V2_PACKAGE = JacksonApi.V2.pkg();
    private static final String V3_PACKAGE = JacksonApi.V3.pkg();
    /** Classes Jackson 3 renamed. */
    private static final Map<String, String> RENAMED_TYPES =
            Map.of("JsonLocation", "TokenStreamLocation", "JsonProcessingException", "JacksonException");
    /** Classes Jackson 3 moved to a subpackage of {@code tools.jackson.core}. */
    private static final Map<String, String> MOVED_TYPES = Map.of("JsonFactory", V3_PACKAGE + ".json");
    /** Classes the ported code may use that the Jackson 2 source does not import. */
    private static final List<String> ADDED_TYPES =
            List.of("JacksonException", "ObjectReadContext", "ObjectWriteContext");

    /** Word-level renames of members and calls, in order. */
    private static final List<Rename> RENAMES = List.of(
            word(JacksonApi.V2.nameToken(), JacksonApi.V3.nameToken()),
            call(JacksonApi.V2.writeName() + "(", JacksonApi.V3.writeName() + "("),
            call(JacksonApi.V2.getText() + "()", JacksonApi.V3.getText() + "()"),
            call("writeStringField(", "writeStringProperty("),
            call("createParser(", "createParser(ObjectReadContext.empty(), "),
            call("createGenerator(", "createGenerator(ObjectWriteContext.empty(), "),
            new Rename(Pattern.compile("\\bJsonFactory\\.builder\\(\\)"), "JsonFactory.builderWithJackson2Defaults()"));

    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);$");
    private static final Pattern PARSER_TRY =
            Pattern.compile("^( *)try \\(JsonParser \\w+ = .*\\.createParser\\(.*\\{$");
    private static final Pattern CATCH = Pattern.compile("^ *} catch \\(([\\w |]+) (\\w+)\\) \\{");

    private Jackson3Port() {}

    private record Rename(Pattern pattern, String replacement) {
        String apply(String line) {
            return pattern.matcher(line).replaceAll(Matcher.quoteReplacement(replacement));
        }
    }

    private static Rename word(String from, String to) {
        return new Rename(Pattern.compile("\\b" + Pattern.quote(from) + "\\b"), to);
    }

    private static Rename call(String from, String to) {
        return new Rename(Pattern.compile("\\." + Pattern.quote(from)), "." + to);
    }

    /**
     * The Jackson 3 form of runtime helper source {@code source}; a helper that does not use Jackson is returned as is.
     */
    static String port(String source) {
        if (!source.contains("import " + V2_PACKAGE + ".") && !source.contains(MARKER)) return source;
        List<String> lines = applyMarkers(List.of(source.split("\n", -1)));
        List<String> renamed = new ArrayList<>(lines.size());
        for (String line : lines) renamed.add(line.startsWith("import ") ? line : rename(line));
        String qualifier = source.contains("public final class Json {") ? "" : "Json.";
        String out = String.join("\n", imports(bridgeExceptions(renamed, qualifier)));
        if (out.contains("com.fasterxml")) {
            throw new IllegalStateException("a Jackson 2 name the Jackson 3 port has no rule for is left in:\n" + out);
        }
        return out;
    }

    /**
     * The Jackson 2 form of runtime helper source {@code source}: the code as written, without the {@code // jackson3:}
     * markers, which are notes for the port and would only puzzle a reader of the generated SDK.
     */
    static String stripMarkers(String source) {
        if (!source.contains(MARKER)) return source;
        List<String> out = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            int at = line.indexOf(MARKER);
            if (at < 0) {
                out.add(line);
            } else if (!line.substring(0, at).isBlank()) {
                out.add(line.substring(0, at).stripTrailing());
            } // else a line holding only a marker is dropped
        }
        return String.join("\n", out);
    }

    private static String rename(String line) {
        String out = line.replace(V2_PACKAGE + ".", V3_PACKAGE + ".");
        for (Map.Entry<String, String> type : RENAMED_TYPES.entrySet()) {
            out = word(type.getKey(), type.getValue()).apply(out);
        }
        for (Rename r : RENAMES) out = r.apply(out);
        return out;
    }

    /** Applies the {@code // jackson3:} markers (see the class comment). */
    private static List<String> applyMarkers(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf(MARKER);
            if (at < 0) {
                out.add(line);
                continue;
            }
            String code = line.substring(0, at).strip();
            String instruction = line.substring(at + MARKER.length()).strip();
            if (code.isEmpty() && instruction.startsWith("omit from here")) {
                i = regionEnd(lines, i);
                // No double blank line, and none before a closing brace, where the region was.
                boolean blankBefore = !out.isEmpty() && out.get(out.size() - 1).isBlank();
                String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
                if (blankBefore && next.isBlank()) {
                    i++;
                } else if (blankBefore && next.strip().startsWith("}")) {
                    out.remove(out.size() - 1);
                }
            } else if (code.isEmpty() || instruction.isEmpty() || instruction.startsWith("omit ")) {
                throw new IllegalStateException("unknown Jackson 3 marker at line " + (i + 1) + ": " + line.strip());
            } else if (!instruction.equals("omit")) {
                out.add(line.substring(0, line.indexOf(code)) + instruction);
            } // else the line is omitted
        }
        return out;
    }

    private static int regionEnd(List<String> lines, int start) {
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(MARKER + " omit to here")) return i;
        }
        throw new IllegalStateException("Jackson 3 marker 'omit from here' at line " + (start + 1) + " is not closed");
    }

    /** Adds the {@code catch (JacksonException e)} of each parser block (see the class comment). */
    private static List<String> bridgeExceptions(List<String> lines, String qualifier) {
        List<String> out = new ArrayList<>(lines);
        for (int i = out.size() - 1; i >= 0; i--) {
            Matcher parserTry = PARSER_TRY.matcher(out.get(i));
            if (!parserTry.matches()) continue;
            String indent = parserTry.group(1);
            int close = closing(out, i, indent);
            List<String> body = null;
            String var = "e";
            boolean handled = false;
            for (int c = close; out.get(c).startsWith(indent + "} catch ("); c = closing(out, c, indent)) {
                Matcher caught = CATCH.matcher(out.get(c));
                if (!caught.find()) break;
                String types = caught.group(1);
                handled |= types.matches(".*\\b(JacksonException|RuntimeException)\\b.*");
                if (body == null && types.equals("IOException")) {
                    var = caught.group(2);
                    body = new ArrayList<>();
                    for (String line : out.subList(c + 1, closing(out, c, indent))) {
                        body.add(line.replaceAll(
                                "([(,] *)" + var + "\\)",
                                "$1" + Matcher.quoteReplacement(qualifier + "malformed(" + var + "))")));
                    }
                }
            }
            if (handled) continue;
            if (body == null) body = List.of(indent + "    throw " + qualifier + "malformed(" + var + ");");
            List<String> added = new ArrayList<>();
            added.add(indent + "} catch (JacksonException " + var + ") {");
            added.addAll(body);
            out.addAll(close, added);
        }
        return out;
    }

    /** The line closing the block opened at {@code open}: the next one starting with {@code indent + "}"}. */
    private static int closing(List<String> lines, int open, String indent) {
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(indent + "}")) return i;
        }
        throw new IllegalStateException(
                "unclosed block at line " + (open + 1) + ": " + lines.get(open).strip());
    }

    /** Renames the Jackson imports, adds those the new code needs, drops unused ones, and sorts them. */
    private static List<String> imports(List<String> lines) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("import ")) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return lines;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i < first || i > last) code.append(lines.get(i)).append('\n');
        }
        TreeSet<String> imports = new TreeSet<>();
        for (String type : ADDED_TYPES) imports.add("import " + V3_PACKAGE + "." + type + ";");
        for (String line : lines.subList(first, last + 1)) {
            Matcher m = IMPORT.matcher(line);
            if (!m.matches()) {
                if (!line.isBlank()) imports.add(line);
                continue;
            }
            String pkg = m.group(1);
            String type = m.group(2);
            if (pkg.equals(V2_PACKAGE) || pkg.startsWith(V2_PACKAGE + ".")) {
                type = RENAMED_TYPES.getOrDefault(type, type);
                pkg = MOVED_TYPES.getOrDefault(type, V3_PACKAGE + pkg.substring(V2_PACKAGE.length()));
            }
            imports.add("import " + pkg + "." + type + ";");
        }
        imports.removeIf(i -> {
            Matcher m = IMPORT.matcher(i);
            return m.matches()
                    && !Pattern.compile("\\b" + m.group(2) + "\\b")
                            .matcher(code)
                            .find();
        });
        List<String> out = new ArrayList<>(lines.subList(0, first));
        out.addAll(imports);
        out.addAll(lines.subList(last + 1, lines.size()));
        return out;
    }
}
