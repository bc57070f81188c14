package autosdk.resolve;

import autosdk.diag.Diagnostics;
import autosdk.diag.Location;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.Pointers;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.read.SpecReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code $ref}s: internal JSON pointers (with {@code ~0}/{@code ~1} and percent-encoding),
 * relative files inside the spec's folder tree (never the network), chains of refs, and cycles of
 * pure refs, which are reported instead of followed forever.
 */
public final class RefResolver {
    private final Path rootFolder;
    private final Path shownRootFolder;
    private final Diagnostics diagnostics;
    private final Map<Path, Optional<SpecNode>> documents;

    public RefResolver(Path specFile, SpecNode specRoot, Diagnostics diagnostics) {
        Path absolute = specFile.toAbsolutePath().normalize();
        this.rootFolder = absolute.getParent();
        this.shownRootFolder = specFile.getParent() == null ? Path.of(".") : specFile.getParent();
        this.diagnostics = diagnostics;
        this.documents = new HashMap<>();
        documents.put(absolute, Optional.of(specRoot));
    }

    /**
     * A resolver over the same documents that reports to other diagnostics (for checks whose findings are filtered).
     */
    public RefResolver reportingTo(Diagnostics other) {
        return new RefResolver(this, other);
    }

    private RefResolver(RefResolver shared, Diagnostics diagnostics) {
        this.rootFolder = shared.rootFolder;
        this.shownRootFolder = shared.shownRootFolder;
        this.diagnostics = diagnostics;
        this.documents = shared.documents;
    }

    /** A node reached through zero or more refs, with a key that identifies its place uniquely. */
    public record Target(SpecNode node, String key) {}

    /** Follows {@code node} through any chain of refs; empty (and reported) when a ref is broken. */
    public Optional<Target> follow(SpecNode node) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        SpecNode current = node;
        while (current instanceof MapNode map && map.get("$ref") != null) {
            SpecNode refNode = map.get("$ref");
            if (!(refNode instanceof ScalarNode s) || !s.isString()) {
                diagnostics.error(refNode.location(), "$ref must be a string, found " + refNode.kindName());
                return Optional.empty();
            }
            String key = keyOf(refNode.location().file(), (String) s.value());
            shown.add((String) s.value());
            if (!seen.add(key)) {
                diagnostics.error(
                        refNode.location(),
                        "$ref cycle: the references " + String.join(" -> ", shown)
                                + " lead back to themselves and never reach a schema");
                return Optional.empty();
            }
            Optional<SpecNode> next = lookup(refNode.location(), (String) s.value());
            if (next.isEmpty()) return Optional.empty();
            current = next.get();
        }
        return Optional.of(new Target(current, keyOf(current)));
    }

    /** A key naming where a node sits: absolute file plus JSON pointer. */
    public String keyOf(SpecNode node) {
        return node.location().file().toAbsolutePath().normalize() + "#" + node.pointer();
    }

    private String keyOf(Path fromFile, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(ref.substring(hash + 1));
        Path file = filePart.isEmpty()
                ? fromFile.toAbsolutePath().normalize()
                : fromFile.toAbsolutePath()
                        .getParent()
                        .resolve(decode(filePart))
                        .normalize();
        return file + "#" + fragment;
    }

    private Optional<SpecNode> lookup(Location at, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(ref.substring(hash + 1));
        if (filePart.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            diagnostics.error(
                    at,
                    "$ref '" + ref + "' points to a remote document; AutoSDK never fetches over the network. "
                            + "Save the document beside the spec and refer to it by a relative path");
            return Optional.empty();
        }
        Path file = at.file().toAbsolutePath().normalize();
        if (!filePart.isEmpty()) {
            file = file.getParent().resolve(decode(filePart)).normalize();
            if (!file.startsWith(rootFolder) || !realPathInside(file)) {
                diagnostics.error(
                        at,
                        "$ref '" + ref + "' points outside the spec's folder (" + shownRootFolder
                                + "); refs may only reach files beside or below the spec, "
                                + "so move the spec up to the folder that holds everything it refers to");
                return Optional.empty();
            }
        }
        Optional<SpecNode> document = document(file, at);
        if (document.isEmpty()) return Optional.empty();
        if (!fragment.isEmpty() && !fragment.startsWith("/")) {
            diagnostics.error(
                    at, "$ref '" + ref + "' has a fragment that is not a JSON pointer (anchors are not supported)");
            return Optional.empty();
        }
        SpecNode current = document.get();
        if (fragment.isEmpty()) return Optional.of(current);
        String[] tokens = fragment.substring(1).split("/", -1);
        for (int i = 0; i < tokens.length; i++) tokens[i] = Pointers.unescape(tokens[i]);
        boolean unescapedSlash = false;
        StringBuilder escaped = new StringBuilder(); // the pointer as it should have been written
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (current instanceof MapNode m && m.has("$ref") && !m.has(token)) {
                // A pointer that passes through a reference continues in the referenced node.
                Optional<Target> through = follow(current);
                if (through.isEmpty()) return Optional.empty();
                current = through.get().node();
            }
            SpecNode next = null;
            if (current instanceof MapNode map) {
                next = map.get(token);
                if (next == null) {
                    int joined = keyWithSlashes(map, tokens, i);
                    if (joined > i) {
                        token = String.join("/", Arrays.copyOfRange(tokens, i, joined + 1));
                        next = map.get(token);
                        unescapedSlash = true;
                        i = joined;
                    }
                }
            } else if (current instanceof ListNode list && token.matches("\\d{1,9}")) {
                int index = Integer.parseInt(token);
                next = index < list.items().size() ? list.items().get(index) : null;
            }
            if (next == null) {
                diagnostics.error(
                        at,
                        "$ref '" + ref + "' does not resolve: no '" + token + "' in " + displayFile(file) + " at "
                                + (current.pointer().isEmpty() ? "/" : current.pointer()));
                return Optional.empty();
            }
            escaped.append('/').append(token.replace("~", "~0").replace("/", "~1"));
            current = next;
        }
        if (unescapedSlash) {
            diagnostics.warning(
                    at,
                    "$ref '" + ref + "' names a key that contains '/' without escaping it; resolved to that key, "
                            + "but a JSON pointer writes '/' inside a name as '~1': '" + filePart + "#" + escaped
                            + "'");
        }
        return Optional.of(current);
    }

    /**
     * Some tools name components {@code group/one} and refer to them without escaping the slash
     * ({@code #/components/messages/group/one}). When {@code tokens[from]} is not a key of {@code map} but the
     * segments from there joined by {@code /} are, this is the index of the last joined segment (the longest join
     * wins); otherwise {@code from}.
     */
    private static int keyWithSlashes(MapNode map, String[] tokens, int from) {
        for (int last = tokens.length - 1; last > from; last--) {
            if (map.has(String.join("/", Arrays.copyOfRange(tokens, from, last + 1)))) return last;
        }
        return from;
    }

    /**
     * Whether {@code file}, with every symbolic link on its way resolved, still lies inside the spec's folder
     * (also resolved): a link beside the spec must not reach what {@code ../} is refused for. A file that does
     * not exist passes here and is reported as missing.
     */
    private boolean realPathInside(Path file) {
        if (!Files.exists(file)) return true;
        try {
            return file.toRealPath().startsWith(rootFolder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<SpecNode> document(Path file, Location at) {
        Optional<SpecNode> cached = documents.get(file);
        if (cached != null) return cached;
        if (!Files.isRegularFile(file)) {
            diagnostics.error(at, "$ref points to a missing file: " + displayFile(file));
            documents.put(file, Optional.empty());
            return Optional.empty();
        }
        Path shown = displayPath(file, at.file());
        Optional<SpecNode> loaded = SpecReader.readTree(shown, diagnostics);
        documents.put(file, loaded);
        return loaded;
    }

    /** Shows an external file relative to the referring file's folder as the user gave it. */
    private static Path displayPath(Path file, Path referrer) {
        Path base = referrer.getParent() == null ? Path.of("") : referrer.getParent();
        Path absoluteBase = base.toAbsolutePath().normalize();
        return base.resolve(absoluteBase.relativize(file)).normalize();
    }

    private String displayFile(Path file) {
        return rootFolder.relativize(file).toString();
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) return text;
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
