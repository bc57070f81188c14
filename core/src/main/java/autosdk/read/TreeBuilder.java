package autosdk.read;

import autosdk.diag.Diagnostics;
import autosdk.diag.Location;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Builds a {@link SpecNode} tree from a stream of start/end/scalar events, without recursion, so
 * that absurdly nested input ends in a located error instead of a stack overflow.
 */
final class TreeBuilder {
    static final int MAX_DEPTH = 256;

    private final Path file;
    /** Values whose key already appeared in the same object: the later one wins, and the reader warns. */
    private final List<SpecNode> duplicates = new ArrayList<>();

    private final Deque<Frame> stack = new ArrayDeque<>();
    private SpecNode root;
    private String pendingKey;
    private long lastEndedSize;

    TreeBuilder(Path file) {
        this.file = file;
    }

    /** Thrown for input nested deeper than {@link #MAX_DEPTH}. */
    static final class TooDeep extends RuntimeException {
        final int line;
        final int column;

        TooDeep(int line, int column) {
            super("nesting deeper than " + MAX_DEPTH + " levels", null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private abstract static class Frame {
        final Location location;
        /** The key this node has in its parent map, restored when the node ends. */
        String keyInParent;
        /** Nodes in this subtree with every alias expanded (this node included). */
        long expandedSize = 1;

        Frame(Location location) {
            this.location = location;
        }

        abstract String childPointer(String key);

        abstract void add(String key, SpecNode node);

        abstract SpecNode build();
    }

    private final class MapFrame extends Frame {
        void duplicateKey(SpecNode node) {
            duplicates.add(node);
        }

        final LinkedHashMap<String, SpecNode> entries = new LinkedHashMap<>();

        MapFrame(Location location) {
            super(location);
        }

        @Override
        String childPointer(String key) {
            return Pointers.child(location.pointer(), key);
        }

        @Override
        void add(String key, SpecNode node) {
            if (entries.put(key, node) != null) duplicateKey(node);
        }

        @Override
        SpecNode build() {
            return new MapNode(location, entries);
        }
    }

    private static final class ListFrame extends Frame {
        final List<SpecNode> items = new ArrayList<>();

        ListFrame(Location location) {
            super(location);
        }

        @Override
        String childPointer(String key) {
            return Pointers.child(location.pointer(), items.size());
        }

        @Override
        void add(String key, SpecNode node) {
            items.add(node);
        }

        @Override
        SpecNode build() {
            return new ListNode(location, items);
        }
    }

    /** Called for a key of the innermost map; the next value belongs to it. */
    void key(String key) {
        pendingKey = key;
    }

    boolean expectsKey() {
        return stack.peek() instanceof MapFrame && pendingKey == null;
    }

    void startMap(int line, int column) {
        push(new MapFrame(here(line, column)), line, column);
    }

    void startList(int line, int column) {
        push(new ListFrame(here(line, column)), line, column);
    }

    SpecNode end() {
        Frame frame = stack.pop();
        SpecNode done = frame.build();
        pendingKey = frame.keyInParent;
        lastEndedSize = frame.expandedSize;
        attach(done, frame.expandedSize);
        return done;
    }

    /** How many nodes the map or list that {@link #end()} just closed stands for once its aliases are expanded. */
    long lastEndedSize() {
        return lastEndedSize;
    }

    void scalar(Object value, int line, int column) {
        attach(new ScalarNode(here(line, column), value), 1);
    }

    /**
     * Adds an already built node (a YAML alias) at the current position. The node is shared, not copied, but
     * every later walk over the tree visits it again, so it counts {@code expandedSize} times towards its parents.
     */
    void node(SpecNode node, long expandedSize) {
        attach(node, expandedSize);
    }

    SpecNode root() {
        return root;
    }

    /** Reports every key that appeared twice in one object, as a warning at the value that won. */
    void reportDuplicates(Diagnostics diagnostics) {
        for (SpecNode node : duplicates) {
            String pointer = node.pointer();
            String key = Pointers.unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
            diagnostics.warning(node.location(), "duplicate key '" + key + "' in one object; the last value is used");
        }
    }

    private void push(Frame frame, int line, int column) {
        if (stack.size() >= MAX_DEPTH) {
            throw new TooDeep(line, column);
        }
        frame.keyInParent = pendingKey;
        stack.push(frame);
        pendingKey = null;
    }

    /** The location a value at {@code line:column} gets in the tree (the pointer of the current position). */
    Location locationHere(int line, int column) {
        return here(line, column);
    }

    private Location here(int line, int column) {
        Frame parent = stack.peek();
        String pointer = parent == null ? "" : parent.childPointer(pendingKey);
        return new Location(file, line, column, pointer);
    }

    private void attach(SpecNode node, long expandedSize) {
        Frame parent = stack.peek();
        if (parent == null) {
            root = node;
        } else {
            parent.add(pendingKey, node);
            parent.expandedSize += expandedSize;
        }
        pendingKey = null;
    }
}
