package autosdk.emit.java;

import com.palantir.javapoet.ClassName;

/** Library classes that generated code refers to, named once for every emitter. */
final class JavaClasses {
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

    private JavaClasses() {}
}
