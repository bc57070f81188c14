package autosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/** A generated, compiled and loaded SDK, driven through its JSON context by reflection. */
public final class Sdk {
    private final ClassLoader loader;
    private final String pkg;
    private final GenerationResult result;
    private final Object context;

    private Sdk(ClassLoader loader, String pkg, GenerationResult result) throws ReflectiveOperationException {
        this.loader = loader;
        this.pkg = pkg;
        this.result = result;
        this.context = loader.loadClass(pkg + ".SourceGenerationContext")
                .getField("DEFAULT")
                .get(null);
    }

    /** Generates {@code spec} into package {@code pkg}, compiles it (failing on any javac error) and loads it. */
    public static Sdk build(Path spec, String pkg, Path dir) throws Exception {
        return build(spec, pkg, dir, autosdk.Libraries.DEFAULT);
    }

    /** Like {@link #build(Path, String, Path)}, for the given libraries (Jackson 3, JSpecify). */
    public static Sdk build(Path spec, String pkg, Path dir, autosdk.Libraries libraries) throws Exception {
        GenerationResult result =
                Plans.of(GenerationRequest.of(spec, pkg, dir.resolve("out")).withLibraries(libraries));
        Compiler.Result compiled = Compiler.compileCached(result.files());
        assertThat(compiled.errors()).as("javac errors").isEmpty();
        return new Sdk(compiled.loader(), pkg, result);
    }

    public GenerationResult result() {
        return result;
    }

    public Class<?> type(String simpleName) throws ClassNotFoundException {
        return loader.loadClass(pkg + "." + simpleName);
    }

    public Object read(String json, String simpleName) throws Throwable {
        return invoke("read", new Class<?>[] {String.class, Class.class}, json, type(simpleName));
    }

    public Object read(String json, Class<?> type) throws Throwable {
        return invoke("read", new Class<?>[] {String.class, Class.class}, json, type);
    }

    public String write(Object value) throws Throwable {
        return (String) invoke("write", new Class<?>[] {Object.class}, value);
    }

    /** Calls a public no-argument method of a generated object (an accessor). */
    public static Object call(Object target, String method) throws Throwable {
        try {
            Method m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object invoke(String name, Class<?>[] types, Object... args) throws Throwable {
        try {
            return context.getClass().getMethod(name, types).invoke(context, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
