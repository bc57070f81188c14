package autosdk.emit.java;

import autosdk.Libraries.Jackson;
import autosdk.Transport;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the hand-written runtime helpers (compiled and tested in the runtime module) into a
 * generated SDK, rewriting their package.
 */
public final class RuntimeSources {
    static final String SOURCE_PACKAGE = "autosdk.runtime";
    private static final String RESOURCE_ROOT = "autosdk-runtime-sources/autosdk/runtime/";
    /**
     * The Jackson 3 twins of the few helpers that touch jackson-core (runtime/src/jackson3/java, compiled by the
     * runtime module against Jackson 3); every other helper is the same file for both versions.
     */
    private static final String JACKSON3_ROOT = "autosdk-runtime-sources-jackson3/autosdk/runtime/";

    /** Helpers every SDK needs: the JSON codecs' support. */
    public static final List<String> JSON = List.of(
            "Json",
            "JsonCodec",
            "JsonContext",
            "JsonDecodeException",
            "JsonFormatException",
            "JsonObjects",
            "JsonValue");

    /** Helpers both REST and WebSocket clients use: one backoff, one percent-encoder, one log level. */
    private static final List<String> SHARED =
            List.of("Backoff", "ClientOptions", "HttpLog", "LogLevel", "PercentEncoding");

    /** Helpers of REST clients, whatever their transport (see {@link #http}). */
    public static final List<String> HTTP = with(
            SHARED,
            "ApiBadRequestException",
            "ApiConflictException",
            "ApiConnectionException",
            "ApiDecodeException",
            "ApiException",
            "ApiForbiddenException",
            "ApiNotFoundException",
            "ApiRateLimitException",
            "ApiResponse",
            "ApiServerException",
            "ApiUnauthorizedException",
            "ApiUnprocessableEntityException",
            "HttpAuth",
            "HttpBody",
            "HttpClientBuilder",
            "HttpConfig",
            "HttpDataMapper",
            "HttpErrorDecoder",
            "HttpExecutor",
            "HttpFile",
            "HttpJson",
            "HttpHeaders",
            "HttpLineReader",
            "HttpMultipart",
            "HttpNdjson",
            "HttpOptions",
            "HttpPaging",
            "HttpParams",
            "HttpRequestSpec",
            "HttpResponseBody",
            "HttpResponseDecoder",
            "HttpRetryPolicy",
            "HttpSse",
            "HttpSseEnvelope",
            "HttpSseEvent",
            "HttpTransport",
            "Page",
            "RequestOptions");

    /** Helpers of WebSocket clients, whatever their transport (see {@link #ws}). */
    public static final List<String> WS = with(
            SHARED,
            "WsClientBase",
            "WsClientBuilder",
            "WsClosedException",
            "WsConfig",
            "WsConnection",
            "WsEndpoint",
            "WsFrames",
            "WsInbox",
            "WsLimitExceededException",
            "WsListener",
            "WsOptions",
            "WsReconnectPolicy",
            "WsState",
            "WsSubscription",
            "WsTransport");

    private RuntimeSources() {}

    /** The helpers of REST clients sending through {@code transport}: {@link #HTTP} and that transport's one class. */
    public static List<String> http(Transport transport) {
        List<String> names = new ArrayList<>(HTTP);
        names.add(transport.runtimeClass());
        return List.copyOf(names);
    }

    /** The helpers of WebSocket clients on {@code transport}: {@link #WS} and that transport's one class. */
    public static List<String> ws(Transport transport) {
        List<String> names = new ArrayList<>(WS);
        names.add(transport.wsRuntimeClass());
        return List.copyOf(names);
    }

    /** {@code names} plus {@code shared}, sorted, so the copied files do not depend on the order the lists are written in. */
    private static List<String> with(List<String> shared, String... names) {
        TreeSet<String> all = new TreeSet<>(shared);
        all.addAll(List.of(names));
        return List.copyOf(all);
    }

    /** Copies {@code names} into {@code targetPackage}, placing files under {@code folder}. */
    public static List<GeneratedFile> copy(List<String> names, String targetPackage, String folder) {
        return copy(names, targetPackage, folder, Jackson.V2);
    }

    /** Like {@link #copy(List, String, String)}, taking each helper's Jackson 3 twin when {@code jackson} is 3 and one exists. */
    public static List<GeneratedFile> copy(List<String> names, String targetPackage, String folder, Jackson jackson) {
        List<GeneratedFile> out = new ArrayList<>();
        for (String name : names) {
            String twin = jackson == Jackson.V3 ? readOptional(JACKSON3_ROOT, name) : null;
            String source = twin != null ? twin : read(name);
            String rewritten = source.replace("package " + SOURCE_PACKAGE + ";", "package " + targetPackage + ";");
            String header = "// Generated by AutoSDK: a copy of its runtime helper " + name + ". Do not edit.\n";
            out.add(new GeneratedFile(folder + "/" + name + ".java", LongLines.wrap(header + rewritten)));
        }
        return out;
    }

    /**
     * The names a subclass of runtime class {@code name} inherits: the public and protected methods it and its runtime
     * superclasses declare (read from their source, so the list never needs keeping by hand), and {@link Object}'s.
     * A generated builder allocates its own member names around them.
     */
    static Set<String> inheritedMethodNames(String name) {
        Set<String> names = new TreeSet<>();
        for (Method m : Object.class.getDeclaredMethods()) {
            if (!Modifier.isPrivate(m.getModifiers())) names.add(m.getName());
        }
        for (String type = name; type != null; ) {
            String source = read(type);
            Matcher member = MEMBER.matcher(source);
            while (member.find()) names.add(member.group(1));
            Matcher parent = PARENT.matcher(source);
            type = parent.find() ? parent.group(1) : null;
        }
        return names;
    }

    /** A method of the top-level class (four spaces in, as the runtime is formatted): not of a nested class. */
    private static final Pattern MEMBER = Pattern.compile(
            "^    (?:public|protected) (?:(?:abstract|final|static) )*[\\w.<>\\[\\]?, ]+ (\\w+)\\(", Pattern.MULTILINE);
    /** The runtime superclass of a top-level class, if any. */
    private static final Pattern PARENT =
            Pattern.compile("^public abstract class \\w+<.*> extends (\\w+)<", Pattern.MULTILINE);

    static String read(String name) {
        String source = readOptional(RESOURCE_ROOT, name);
        if (source == null) throw new IllegalStateException("runtime source missing from the generator: " + name);
        return source;
    }

    private static String readOptional(String root, String name) {
        try (InputStream in = RuntimeSources.class.getClassLoader().getResourceAsStream(root + name + ".java")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
