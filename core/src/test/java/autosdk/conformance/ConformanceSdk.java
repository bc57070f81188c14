package autosdk.conformance;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.model.ApiModel;
import autosdk.model.SecurityScheme;
import autosdk.testing.Compiler;
import autosdk.write.GeneratedFile;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A corpus spec's SDK, generated and compiled once into {@code target/conformance-cache/<hash>}, where the hash covers
 * every generated file: a rerun with an unchanged generator and spec loads the classes without compiling (the OpenAI
 * SDK takes minutes to compile on a loaded machine), and any change of the output compiles afresh.
 */
final class ConformanceSdk {
    private static final Path CACHE = Path.of("target/conformance-cache").toAbsolutePath();

    final String pkg;
    final ClassLoader loader;
    final Object context;
    final boolean reused;

    private ConformanceSdk(String pkg, ClassLoader loader, boolean reused) throws Exception {
        this.pkg = pkg;
        this.loader = loader;
        this.reused = reused;
        this.context = type("SourceGenerationContext").getField("DEFAULT").get(null);
    }

    static ConformanceSdk build(Path spec, String pkg) throws Exception {
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, pkg, CACHE.resolve("unused")));
        List<GeneratedFile> files = result.files().stream().sorted(Comparator.comparing(GeneratedFile::relativePath)).toList();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (GeneratedFile f : files) {
            sha.update(f.relativePath().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(f.content().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        Path dir = CACHE.resolve(pkg + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        Path done = dir.resolve("compiled.ok");
        boolean reused = Files.exists(done);
        if (!reused) {
            Compiler.Result compiled = Compiler.compile(files, dir);
            if (!compiled.ok()) throw new AssertionError("the generated SDK of " + spec + " does not compile:\n" + String.join("\n", compiled.errors()));
            Files.writeString(done, "");
        }
        ClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, ConformanceSdk.class.getClassLoader());
        return new ConformanceSdk(pkg, loader, reused);
    }

    Class<?> type(String simpleName) throws ClassNotFoundException {
        return loader.loadClass(pkg + "." + simpleName);
    }

    Class<?> runtime(String simpleName) throws ClassNotFoundException {
        return loader.loadClass(pkg + ".runtime." + simpleName);
    }

    /**
     * The entry client for {@code baseUrl}, with no retries and a credential for every security scheme of the
     * model (Prism checks that the scheme's header, query parameter or cookie is present, not its value).
     */
    Object client(String entryClass, ApiModel model, String baseUrl) throws Exception {
        Class<?> entry = type(entryClass);
        Object builder = entry.getMethod("builder").invoke(null);
        Class<?> b = builder.getClass();
        b.getMethod("baseUrl", String.class).invoke(builder, baseUrl);
        Class<?> retry = runtime("HttpRetryPolicy");
        b.getMethod("retry", retry).invoke(builder, retry.getMethod("none").invoke(null));
        Class<?> auth = runtime("HttpAuth");
        Method add = b.getMethod("auth", auth);
        boolean untagged = false;
        for (SecurityScheme s : model.securitySchemes()) {
            Object credential = switch (s.kind()) {
                case BEARER -> auth.getMethod("bearer", String.class).invoke(null, "conformance-token");
                case BASIC -> auth.getMethod("basic", String.class, String.class).invoke(null, "conformance", "secret");
                case API_KEY -> s.parameterName() == null ? null : auth.getMethod(switch (s.in() == null ? "header" : s.in()) {
                    case "query" -> "apiKeyQuery";
                    case "cookie" -> "apiKeyCookie";
                    default -> "apiKeyHeader";
                }, String.class, String.class).invoke(null, s.parameterName(), "conformance-key");
                default -> null;
            };
            if (credential == null) {
                untagged = true; // OAuth2 / OpenID Connect: the client has no typed method; a bearer token is what they send
                continue;
            }
            add.invoke(builder, auth.getMethod("forScheme", String.class).invoke(credential, s.name()));
        }
        if (untagged) add.invoke(builder, auth.getMethod("bearer", String.class).invoke(null, "conformance-token"));
        return b.getMethod("build").invoke(builder);
    }
}
