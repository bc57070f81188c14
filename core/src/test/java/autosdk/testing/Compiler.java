package autosdk.testing;

import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with javax.tools against the test classpath (jackson-core) and loads them. Generated code
 * is held to {@code -Xlint:all -Werror}: every lint warning in a file AutoSDK generated (runtime copies included) fails
 * the compile, because users build SDKs with their own strict settings. Hand-written test drivers compiled alongside
 * are held to errors only.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * The result of compiling: error messages (empty on success), where the classes went, and the earlier compiles
     * they were compiled against (see {@link #compileCached(List, Result)}).
     */
    public record Result(List<String> errors, Path classes, List<Path> against) {
        public Result(List<String> errors, Path classes) {
            this(errors, classes, List.of());
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /**
         * One loader over these classes and those they were compiled against: one loader, not a child of another,
         * so a driver in an SDK's package keeps package-private access to it.
         */
        public ClassLoader loader() {
            try {
                List<URL> urls = new ArrayList<>();
                urls.add(classes.toUri().toURL());
                for (Path p : against) urls.add(p.toUri().toURL());
                return new URLClassLoader(urls.toArray(URL[]::new), Compiler.class.getClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes the files under {@code dir}/src and compiles every .java file among them. */
    public static Result compile(List<GeneratedFile> files, Path dir) {
        return compile(files, dir, List.of());
    }

    /**
     * Like {@link #compile(List, Path)}, with {@code classpath} (earlier compiles' class folders) before the test's.
     */
    private static Result compile(List<GeneratedFile> files, Path dir, List<Path> classpath) {
        try {
            Path src = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Files.createDirectories(classes);
            List<Path> sources = writeSources(files, src);
            return compilePaths(sources, classes, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code files} into {@code target/compile-cache/<hash>}, or reuses that folder when an earlier compile of
     * exactly these files (same paths and contents, same JDK and class path) succeeded: the corpus's largest SDKs take
     * minutes to compile, and several suites compile the same output. Failed compiles are not cached.
     */
    public static Result compileCached(List<GeneratedFile> files) {
        return compileCached(files, List.of());
    }

    /**
     * Compiles {@code files} (a test driver) against the classes of an earlier compile ({@code sdk}, typically a
     * cached SDK), cached as {@link #compileCached(List)} is: tests that drive one SDK with different drivers share
     * the SDK's compile and compile only their driver. The result's {@link Result#loader()} loads both.
     */
    public static Result compileCached(List<GeneratedFile> files, Result sdk) {
        if (!sdk.ok()) throw new IllegalArgumentException("cannot compile against a failed compile: " + sdk.errors());
        List<Path> against = new ArrayList<>();
        against.add(sdk.classes());
        against.addAll(sdk.against());
        return compileCached(files, against);
    }

    private static Result compileCached(List<GeneratedFile> files, List<Path> against) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.version") + "\0" + System.getProperty("java.class.path") + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            // Earlier compiles' folders are named by their content's hash, so their paths stand for their content.
            for (Path p : against) sha.update((p + "\0").getBytes(StandardCharsets.UTF_8));
            for (GeneratedFile f : files.stream()
                    .sorted(java.util.Comparator.comparing(GeneratedFile::relativePath))
                    .toList()) {
                sha.update((f.relativePath() + "\0" + f.content() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            Path dir = Path.of("target/compile-cache")
                    .toAbsolutePath()
                    .resolve(java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 24));
            Path done = dir.resolve("compiled.ok");
            if (Files.exists(done)) return new Result(List.of(), dir.resolve("classes"), against);
            Result compiled = compile(files, dir, against);
            if (compiled.ok()) Files.writeString(done, "");
            return new Result(compiled.errors(), compiled.classes(), against);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes generated files under {@code src}; returns the Java sources among them. */
    private static List<Path> writeSources(List<GeneratedFile> files, Path src) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (GeneratedFile f : files) {
            Path p = src.resolve(f.relativePath());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            if (p.toString().endsWith(".java")) sources.add(p);
        }
        return sources;
    }

    /**
     * Compiles {@code files}, letting javac pull the classes they use from {@code sourcepath}
     * (an earlier run's output folder) on demand, which is much faster than compiling it all.
     */
    public static Result compileAgainst(List<GeneratedFile> files, Path sourcepath, Path dir) {
        try {
            Path src = dir.resolve("src");
            List<Path> sources = writeSources(files, src);
            return compilePaths(
                    sources, dir.resolve("classes"), List.of(), List.of("-sourcepath", sourcepath.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWarning(Diagnostic<?> d) {
        return d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING;
    }

    /**
     * Whether a source starts with the header every generated file has (warnings without a source, such as class path
     * notes, are not the code's).
     */
    private static boolean isGenerated(JavaFileObject source) {
        if (source == null) return false;
        try {
            return source.getCharContent(true).toString().startsWith("// Generated by AutoSDK");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result compilePaths(List<Path> sources, Path classes, List<Path> extraClasspath) throws IOException {
        return compilePaths(sources, classes, extraClasspath, List.of());
    }

    public static Result compilePaths(
            List<Path> sources, Path classes, List<Path> extraClasspath, List<String> extraOptions) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> errors = new ArrayList<>();
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            String cp = System.getProperty("java.class.path");
            for (Path p : extraClasspath) cp = p + java.io.File.pathSeparator + cp;
            List<String> options = new ArrayList<>(List.of(
                    "-d",
                    classes.toString(),
                    "-classpath",
                    cp,
                    "-encoding",
                    "UTF-8",
                    "--release",
                    "17",
                    "-proc:none",
                    "-Xlint:all",
                    "-implicit:class"));
            options.addAll(extraOptions);
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources))
                    .call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR || isWarning(d) && isGenerated(d.getSource())) {
                    errors.add((d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                            + d.getMessage(Locale.ROOT));
                }
            }
            if (!ok && errors.isEmpty()) errors.add("javac failed: " + out);
        }
        return new Result(errors, classes);
    }
}
