package autosdk.conformance;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.model.ApiModel;
import autosdk.model.SecurityScheme;
import autosdk.testing.Compiler;
import autosdk.testing.Plans;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A corpus spec's SDK, generated into its default package (as {@code CorpusCompileTest} does, so one compile serves
 * both) and compiled through the content-keyed cache: a rerun with an unchanged generator and spec loads the classes
 * without compiling (the OpenAI SDK takes minutes to compile on a loaded machine); any change compiles afresh.
 */
final class ConformanceSdk {
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

    /**
     * Generates {@code spec} into {@code pkg} and compiles it, or loads an identical earlier compile (see
     * {@link Compiler#compileCached}).
     */
    static ConformanceSdk build(Path spec, String pkg) throws Exception {
        GenerationResult result = Plans.of(
                GenerationRequest.of(spec, pkg, Path.of("target/unused").toAbsolutePath()));
        Path cache = Path.of("target/compile-cache").toAbsolutePath();
        long before = entries(cache);
        Compiler.Result compiled = Compiler.compileCached(result.files());
        if (!compiled.ok()) {
            throw new AssertionError(
                    "the generated SDK of " + spec + " does not compile:\n" + String.join("\n", compiled.errors()));
        }
        boolean reused = entries(cache) == before;
        return new ConformanceSdk(pkg, compiled.loader(), reused);
    }

    private static long entries(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (var list = Files.list(dir)) {
            return list.count();
        }
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
                case BASIC ->
                    auth.getMethod("basic", String.class, String.class).invoke(null, "conformance", "secret");
                case API_KEY ->
                    s.parameterName() == null
                            ? null
                            : auth.getMethod(
                                            switch (s.in() == null ? "header" : s.in()) {
                                                case "query" -> "apiKeyQuery";
                                                case "cookie" -> "apiKeyCookie";
                                                default -> "apiKeyHeader";
                                            },
                                            String.class,
                                            String.class)
                                    .invoke(null, s.parameterName(), "conformance-key");
                default -> null;
            };
            if (credential == null) {
                untagged = true; // OAuth2 / OpenID Connect: the client has no typed method; a bearer token is what they
                // send
                continue;
            }
            add.invoke(builder, auth.getMethod("forScheme", String.class).invoke(credential, s.name()));
        }
        if (untagged) add.invoke(builder, auth.getMethod("bearer", String.class).invoke(null, "conformance-token"));
        return b.getMethod("build").invoke(builder);
    }
}
