package autosdk.emit.java.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How each class is named at the place it is written, by JavaPoet's rules: the shortest suffix of its nested names
 * that resolves to it (through the enclosing types' nested types, the file's own type, then the imports); its nested
 * names alone when it lives in the file's package; else its canonical name, and then it is a candidate for import.
 * The collecting pass records those candidates (the first class of each simple name wins, and simple names of the
 * file's package are never imported); the writing pass resolves against the imports that pass chose.
 */
final class Names {
    private enum Resolution {
        NONE,
        OTHER,
        SAME
    }

    /** A type being written: its name, its nested types' simple names, and its canonical name (null if anonymous). */
    private record Frame(String name, Set<String> nested, String canonical) {}

    private final String packageName;
    private final Set<String> alwaysQualify;
    private final Map<String, ClassName> imported;
    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, Integer> typeVariables = new HashMap<>();
    private final Map<String, ClassName> importable = new LinkedHashMap<>();
    private final Set<String> referenced = new LinkedHashSet<>();

    Names(String packageName, Set<String> alwaysQualify, Map<String, ClassName> imported) {
        this.packageName = packageName;
        this.alwaysQualify = alwaysQualify;
        this.imported = imported;
    }

    void pushType(String name, Set<String> nested) {
        String canonical;
        if (name == null) {
            canonical = null;
        } else if (frames.isEmpty()) {
            canonical = packageName.isEmpty() ? name : packageName + "." + name;
        } else {
            String outer = frames.get(frames.size() - 1).canonical();
            canonical = outer == null ? null : outer + "." + name;
        }
        frames.add(new Frame(name, nested, canonical));
    }

    void popType() {
        frames.remove(frames.size() - 1);
    }

    void pushTypeVariables(List<TypeVariableName> variables) {
        for (TypeVariableName v : variables) typeVariables.merge(v.name(), 1, Integer::sum);
    }

    void popTypeVariables(List<TypeVariableName> variables) {
        for (TypeVariableName v : variables) {
            int count = typeVariables.getOrDefault(v.name(), 0);
            if (count == 0) throw new IllegalStateException(v.name() + " is not in the multiset");
            typeVariables.put(v.name(), count - 1);
        }
    }

    /** The imports the collecting pass found: simple name to class, in order of first use. */
    Map<String, ClassName> suggestedImports() {
        Map<String, ClassName> result = new LinkedHashMap<>(importable);
        result.keySet().removeAll(referenced);
        return result;
    }

    /** The name to write for {@code className} here. */
    String lookup(ClassName className) {
        ClassName top = className;
        while (top.enclosingClassName() != null) top = top.enclosingClassName();
        String topSimpleName = top.simpleName();
        // A type variable masks a class of its name.
        if (!typeVariables.isEmpty() && typeVariables.getOrDefault(topSimpleName, 0) > 0) {
            return className.canonicalName();
        }
        boolean nameResolved = false;
        for (ClassName c = className; c != null; c = c.enclosingClassName()) {
            Resolution r = resolve(c);
            nameResolved = r != Resolution.NONE;
            if (r == Resolution.SAME) {
                List<String> simpleNames = className.simpleNames();
                int from = c.simpleNames().size() - 1;
                if (from == simpleNames.size() - 1) return simpleNames.get(from);
                return String.join(".", simpleNames.subList(from, simpleNames.size()));
            }
        }
        // The outermost name means another class here: only the canonical name is safe.
        if (nameResolved) return className.canonicalName();
        if (packageName.equals(className.packageName())) {
            referenced.add(topSimpleName);
            return className.enclosingClassName() == null
                    ? className.simpleName()
                    : String.join(".", className.simpleNames());
        }
        if (!className.packageName().isEmpty() && !alwaysQualify.contains(className.simpleName())) {
            importable.putIfAbsent(topSimpleName, top);
        }
        return className.canonicalName();
    }

    /** What {@code c}'s simple name means here: nothing, another class, or {@code c}. */
    private Resolution resolve(ClassName c) {
        String simpleName = c.simpleName();
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame frame = frames.get(i);
            if (frame.nested().contains(simpleName)) {
                if (frame.canonical() == null) {
                    throw new UnsupportedSpecException("a name resolved in an anonymous type");
                }
                return isMember(c.canonicalName(), frame.canonical(), simpleName) ? Resolution.SAME : Resolution.OTHER;
            }
        }
        if (!frames.isEmpty() && Objects.equals(frames.get(0).name(), simpleName)) {
            String canonical = c.canonicalName();
            boolean same =
                    packageName.isEmpty() ? canonical.equals(simpleName) : isMember(canonical, packageName, simpleName);
            return same ? Resolution.SAME : Resolution.OTHER;
        }
        ClassName importedType = imported.get(simpleName);
        if (importedType == null) return Resolution.NONE;
        return importedType.canonicalName().equals(c.canonicalName()) ? Resolution.SAME : Resolution.OTHER;
    }

    /** Whether {@code canonical} is {@code outer + "." + simpleName}, without building that string. */
    private static boolean isMember(String canonical, String outer, String simpleName) {
        return canonical.length() == outer.length() + 1 + simpleName.length()
                && canonical.startsWith(outer)
                && canonical.charAt(outer.length()) == '.'
                && canonical.endsWith(simpleName);
    }
}
