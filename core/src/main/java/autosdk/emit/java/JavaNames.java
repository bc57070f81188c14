package autosdk.emit.java;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place where spec text becomes Java identifiers: keywords, invalid characters, leading
 * digits, dotted and dashed values, over-long names, and collisions (case-insensitive for type
 * names, since they become file names on case-insensitive file systems).
 */
public final class JavaNames {
    private static final int MAX_TYPE_NAME = 100;

    static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "_",
            // restricted identifiers: legal in some places only, so never used as generated names
            "var",
            "yield",
            "record",
            "sealed",
            "permits",
            "non-sealed",
            "when",
            "module",
            "open",
            "exports",
            "requires");

    /**
     * Every public type of {@code java.lang} (JDK 17): a generated type of the same name would shadow it in its
     * package, so such names are always written qualified, whichever of them generated code refers to.
     */
    static final Set<String> JAVA_LANG = Set.of(
            "AbstractMethodError",
            "Appendable",
            "ArithmeticException",
            "ArrayIndexOutOfBoundsException",
            "ArrayStoreException",
            "AssertionError",
            "AutoCloseable",
            "Boolean",
            "BootstrapMethodError",
            "Byte",
            "CharSequence",
            "Character",
            "Class",
            "ClassCastException",
            "ClassCircularityError",
            "ClassFormatError",
            "ClassLoader",
            "ClassNotFoundException",
            "ClassValue",
            "CloneNotSupportedException",
            "Cloneable",
            "Comparable",
            "Compiler",
            "Deprecated",
            "Double",
            "Enum",
            "EnumConstantNotPresentException",
            "Error",
            "Exception",
            "ExceptionInInitializerError",
            "Float",
            "FunctionalInterface",
            "IllegalAccessError",
            "IllegalAccessException",
            "IllegalArgumentException",
            "IllegalCallerException",
            "IllegalMonitorStateException",
            "IllegalStateException",
            "IllegalThreadStateException",
            "IncompatibleClassChangeError",
            "IndexOutOfBoundsException",
            "InheritableThreadLocal",
            "InstantiationError",
            "InstantiationException",
            "Integer",
            "InternalError",
            "InterruptedException",
            "Iterable",
            "LayerInstantiationException",
            "LinkageError",
            "Long",
            "Math",
            "Module",
            "ModuleLayer",
            "NegativeArraySizeException",
            "NoClassDefFoundError",
            "NoSuchFieldError",
            "NoSuchFieldException",
            "NoSuchMethodError",
            "NoSuchMethodException",
            "NullPointerException",
            "Number",
            "NumberFormatException",
            "Object",
            "OutOfMemoryError",
            "Override",
            "Package",
            "Process",
            "ProcessBuilder",
            "ProcessHandle",
            "Readable",
            "Record",
            "ReflectiveOperationException",
            "Runnable",
            "Runtime",
            "RuntimeException",
            "RuntimePermission",
            "SafeVarargs",
            "SecurityException",
            "SecurityManager",
            "Short",
            "StackOverflowError",
            "StackTraceElement",
            "StackWalker",
            "StrictMath",
            "String",
            "StringBuffer",
            "StringBuilder",
            "StringIndexOutOfBoundsException",
            "SuppressWarnings",
            "System",
            "Thread",
            "ThreadDeath",
            "ThreadGroup",
            "ThreadLocal",
            "Throwable",
            "TypeNotPresentException",
            "UnknownError",
            "UnsatisfiedLinkError",
            "UnsupportedClassVersionError",
            "UnsupportedOperationException",
            "VerifyError",
            "VirtualMachineError",
            "Void");

    /**
     * The methods every generated class inherits from {@link Object} (read from the running JDK, so the list is never
     * kept by hand): no generated member may take their names.
     */
    static final Set<String> OBJECT_METHODS = objectMethods();

    private JavaNames() {}

    private static Set<String> objectMethods() {
        Set<String> names = new TreeSet<>();
        for (Method m : Object.class.getDeclaredMethods()) {
            if (!Modifier.isPrivate(m.getModifiers())) names.add(m.getName());
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * A name the generator's own code declares (a member, a nested type, a local variable), listed by an emitter as an
     * enum whose constants are the tags: {@link Scope#declare} allocates them before any name that comes from the spec,
     * so the spec's names are suffixed around them.
     */
    interface Own {
        String javaName();
    }

    /** Splits text into words at non-alphanumeric characters and lower-to-upper case changes. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum) {
                flush(word, out);
                continue;
            }
            if (word.length() > 0) {
                char prev = word.charAt(word.length() - 1);
                boolean hump = Character.isUpperCase(c) && Character.isLowerCase(prev);
                boolean acronymEnd = Character.isUpperCase(c)
                        && Character.isUpperCase(prev)
                        && i + 1 < text.length()
                        && Character.isLowerCase(text.charAt(i + 1))
                        && text.charAt(i + 1) < 128;
                if (hump || acronymEnd) flush(word, out);
            }
            word.append(c);
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static String capitalize(String word) {
        if (word.isEmpty()) return word;
        boolean allUpper = word.length() > 1 && word.chars().allMatch(ch -> !Character.isLowerCase(ch));
        String rest = allUpper ? word.substring(1).toLowerCase(Locale.ROOT) : word.substring(1);
        return Character.toUpperCase(word.charAt(0)) + rest;
    }

    /** UpperCamelCase class name from name parts, e.g. ["Pet", "status"] → "PetStatus". */
    public static String typeName(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            for (String w : words(part)) sb.append(capitalize(w));
        }
        String name = sb.length() == 0 ? "Type" : sb.toString();
        if (Character.isDigit(name.charAt(0))) name = "_" + name;
        if (name.length() > MAX_TYPE_NAME) {
            // File names have length limits; keep the name readable and unique with a short hash.
            name = name.substring(0, MAX_TYPE_NAME - 9) + "_" + hash(name).substring(0, 8);
        }
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    /** lowerCamelCase member name, e.g. "first_name" → "firstName", "default" → "default_". */
    public static String memberName(String text) {
        List<String> ws = words(text);
        StringBuilder sb = new StringBuilder();
        for (String w : ws) {
            sb.append(
                    sb.length() == 0
                            ? w.substring(0, 1).toLowerCase(Locale.ROOT)
                                    + lowerIfAllUpper(w).substring(1)
                            : capitalize(w));
        }
        String name = sb.length() == 0 ? "value" : sb.toString();
        if (Character.isDigit(name.charAt(0))) name = "_" + name;
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    private static String lowerIfAllUpper(String w) {
        return w.chars().allMatch(ch -> !Character.isLowerCase(ch)) ? w.toLowerCase(Locale.ROOT) : w;
    }

    /** UPPER_SNAKE_CASE constant name, e.g. "session.update" → "SESSION_UPDATE". */
    public static String constantName(String text) {
        List<String> ws = words(text);
        String name = ws.isEmpty()
                ? (text.isEmpty() ? "EMPTY" : "VALUE")
                : String.join("_", ws).toUpperCase(Locale.ROOT);
        if (Character.isDigit(name.charAt(0))) name = "_" + name;
        return KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) && name.equals(name.toLowerCase(Locale.ROOT))
                ? name + "_"
                : name;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code name} is a valid Java package name (used exactly as given). */
    /**
     * Whether {@code name} lies in a package tree owned by the JDK ({@code java.*}, {@code javax.*}): the JVM refuses
     * to define classes under {@code java.}, and generated code there would shadow or clash with the platform.
     */
    public static boolean isJdkPackage(String name) {
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return first.equals("java") || first.equals("javax");
    }

    public static boolean isPackageName(String name) {
        if (name == null || name.isEmpty()) return false;
        for (String segment : name.split("\\.", -1)) {
            if (segment.isEmpty()
                    || KEYWORDS.contains(segment)
                    || !Character.isJavaIdentifierStart(segment.charAt(0))) {
                return false;
            }
            for (int i = 1; i < segment.length(); i++) {
                if (!Character.isJavaIdentifierPart(segment.charAt(i))) return false;
            }
            if (!segment.chars().allMatch(c -> c < 128)) return false;
        }
        return true;
    }

    /**
     * A naming scope: hands out unique names, reserving the generator's own names first. A name may be allocated for a
     * tag and looked up by it later, so code that emits a local or member refers to the name it actually got instead of
     * assuming it. A child scope (a method inside a class, a nested type) sees every name and tag of its parents, while
     * what it allocates stays its own. Case-insensitive scopes keep "Item" and "item" from becoming two files that
     * clash.
     */
    public static final class Scope {
        private final Scope parent;
        private final Set<String> used = new HashSet<>();
        private final Map<Object, String> tagged = new HashMap<>();
        private final boolean caseInsensitive;

        public Scope(boolean caseInsensitive, Iterable<String> reserved) {
            this(null, caseInsensitive, reserved);
        }

        private Scope(Scope parent, boolean caseInsensitive, Iterable<String> reserved) {
            this.parent = parent;
            this.caseInsensitive = caseInsensitive;
            for (String r : reserved) used.add(key(r));
        }

        /** A scope inside this one: it avoids every name used here (now or later) and finds this scope's tags. */
        public Scope child() {
            return new Scope(this, caseInsensitive, List.of());
        }

        public String allocate(String candidate) {
            String name = candidate;
            for (int n = 2; isUsed(name); n++) name = candidate + n;
            used.add(key(name));
            return name;
        }

        /**
         * Allocates the generator's own names, each tagged with itself. The emitted code spells them as written, so
         * each must get exactly its name: two own names (or an own name and a reserved one) that clash are a generator
         * bug, not something to suffix.
         */
        public void declare(Own... names) {
            for (Own own : names) {
                String got = allocate(own.javaName(), own);
                if (!got.equals(own.javaName())) {
                    throw new IllegalStateException("generator name " + own.javaName() + " is taken already");
                }
            }
        }

        /** Marks {@code names} as taken (some may be taken already): names the generated code refers to, say. */
        public void reserve(Iterable<String> names) {
            for (String name : names) used.add(key(name));
        }

        /** Allocates a name for {@code tag}, which {@link #get} returns from then on; a tag is allocated once. */
        public String allocate(String candidate, Object tag) {
            if (lookup(tag) != null) {
                throw new IllegalArgumentException("tag " + tag + " already has the name " + lookup(tag));
            }
            String name = allocate(candidate);
            tagged.put(tag, name);
            return name;
        }

        /** The name allocated for {@code tag} here or in a parent scope. */
        public String get(Object tag) {
            String name = lookup(tag);
            if (name == null) throw new IllegalArgumentException("no name was allocated for " + tag);
            return name;
        }

        public boolean isUsed(String name) {
            return used.contains(key(name)) || (parent != null && parent.isUsed(name));
        }

        private String lookup(Object tag) {
            String name = tagged.get(tag);
            return name != null || parent == null ? name : parent.lookup(tag);
        }

        private String key(String name) {
            return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
        }
    }
}
