package autosdk.read;

import autosdk.diag.Diagnostics;
import autosdk.diag.Location;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML into a located {@link SpecNode} tree from the parser's events. Plain scalars are
 * resolved with the YAML 1.2 core schema here, so {@code no}, {@code yes}, {@code on} and
 * {@code off} stay strings.
 */
final class YamlTreeReader {
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    /** The characters that NULL, BOOL, INT, OCT, HEX and FLOAT can match first (the empty string aside). */
    private static final String CORE_SCHEMA_FIRST_CHARS = "~nNtTfF+-.0123456789";

    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    /**
     * Aliases are shared in the tree but every later walk visits them again, so "billion laughs" documents
     * (each level repeating the one before) take exponential time. The nodes that aliases add, counted with
     * their own nested aliases expanded, may be at most one per character of the file, and never fewer than
     * this floor, which is far above what anchors in real specs add.
     */
    static final long MIN_ALIAS_NODES = 100_000;

    /** A node with an anchor and how many nodes it stands for once its own aliases are expanded. */
    private record Anchored(SpecNode node, long expandedSize) {}

    private YamlTreeReader() {}

    /** The most nodes that aliases may add to a document of {@code length} characters. */
    static long aliasNodeLimit(int length) {
        return Math.max(MIN_ALIAS_NODES, length);
    }

    static Optional<SpecNode> read(Path file, String text, Diagnostics diagnostics) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                // The OpenAI spec is 3.6 MB; the default limit (3 MB) would refuse it.
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        TreeBuilder tree = new TreeBuilder(file);
        Map<String, Anchored> anchors = new HashMap<>();
        long aliasLimit = aliasNodeLimit(text.length());
        long aliasNodes = 0;
        Deque<Optional<Anchor>> openAnchors = new ArrayDeque<>();
        int documents = 0;
        Event last = null;
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                last = event;
                int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(1);
                int column = event.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            diagnostics.error(
                                    new Location(file, line, column, ""),
                                    "a spec file must hold one YAML document, found a second one");
                            return Optional.empty();
                        }
                    }
                    case MappingStart, SequenceStart -> {
                        if (tree.expectsKey()) {
                            diagnostics.error(
                                    new Location(file, line, column, ""), "mapping keys must be plain strings");
                            return Optional.empty();
                        }
                        openAnchors.push(((NodeEvent) event).getAnchor());
                        if (event instanceof MappingStartEvent) tree.startMap(line, column);
                        else tree.startList(line, column);
                    }
                    case MappingEnd, SequenceEnd -> {
                        SpecNode done = tree.end();
                        long size = tree.lastEndedSize();
                        openAnchors.pop().ifPresent(a -> anchors.put(a.getValue(), new Anchored(done, size)));
                    }
                    case Scalar -> {
                        ScalarEvent scalar = (ScalarEvent) event;
                        if (tree.expectsKey()) {
                            tree.key(scalar.getValue());
                        } else {
                            tree.scalar(resolve(scalar), line, column);
                            // Scalars rarely carry anchors; re-resolve on alias instead of keeping the node.
                            scalar.getAnchor()
                                    .ifPresent(a -> anchors.put(
                                            a.getValue(),
                                            new Anchored(
                                                    new ScalarNode(
                                                            new Location(file, line, column, ""), resolve(scalar)),
                                                    1)));
                        }
                    }
                    case Alias -> {
                        String name = ((AliasEvent) event).getAlias().getValue();
                        Anchored anchored = anchors.get(name);
                        if (anchored == null) {
                            diagnostics.error(new Location(file, line, column, ""), "unknown YAML alias *" + name);
                            return Optional.empty();
                        }
                        SpecNode target = anchored.node();
                        if (tree.expectsKey()) {
                            tree.key(target instanceof ScalarNode s ? String.valueOf(s.text()) : name);
                            continue;
                        }
                        aliasNodes += anchored.expandedSize();
                        if (aliasNodes > aliasLimit) {
                            diagnostics.error(
                                    tree.locationHere(line, column),
                                    "YAML aliases expand to more than " + aliasLimit
                                            + " nodes (alias *" + name + " alone repeats " + anchored.expandedSize()
                                            + "); a document may grow "
                                            + "through aliases by at most one node per character of the file (at least "
                                            + MIN_ALIAS_NODES + ")");
                            return Optional.empty();
                        }
                        tree.node(target, anchored.expandedSize());
                    }
                    default -> {}
                }
            }
            tree.reportDuplicates(diagnostics);
            return Optional.ofNullable(tree.root());
        } catch (TreeBuilder.TooDeep e) {
            diagnostics.error(
                    new Location(file, e.line, e.column, ""),
                    "document is nested deeper than " + TreeBuilder.MAX_DEPTH + " levels");
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? "" : e.getProblem();
            diagnostics.error(
                    mark == null
                            ? Location.ofFile(file)
                            : new Location(file, mark.getLine() + 1, mark.getColumn() + 1, ""),
                    "malformed YAML: " + (e.getContext() == null ? "" : e.getContext() + ", ") + problem);
        } catch (YamlEngineException e) {
            int line = last == null
                    ? 1
                    : last.getStartMark().map(m -> m.getLine() + 1).orElse(1);
            diagnostics.error(new Location(file, line, 1, ""), "malformed YAML: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable input";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Core-schema resolution of one scalar; quoted scalars and {@code !!str} are always strings. */
    static Object resolve(ScalarEvent scalar) {
        String value = scalar.getValue();
        String tag = scalar.getTag().orElse(null);
        boolean plain = scalar.isPlain() && (tag == null || tag.equals("!"));
        if (tag != null && tag.startsWith("tag:yaml.org,2002:")) {
            String kind = tag.substring("tag:yaml.org,2002:".length());
            return switch (kind) {
                case "null" -> null;
                case "bool" -> Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
                case "int", "float" -> number(value);
                default -> value;
            };
        }
        if (!plain) return value;
        // Most plain scalars are words (keys, names, descriptions): skip the patterns when none can match.
        if (!value.isEmpty() && CORE_SCHEMA_FIRST_CHARS.indexOf(value.charAt(0)) < 0) return value;
        if (NULL.matcher(value).matches()) return null;
        if (BOOL.matcher(value).matches()) return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        Object number = number(value);
        return number == null ? value : number;
    }

    private static Object number(String value) {
        try {
            if (INT.matcher(value).matches()) return new BigInteger(value.startsWith("+") ? value.substring(1) : value);
            if (OCT.matcher(value).matches()) return new BigInteger(value.substring(2), 8);
            if (HEX.matcher(value).matches()) return new BigInteger(value.substring(2), 16);
            if (FLOAT.matcher(value).matches()) {
                return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
