package autosdk.emit.java;

import autosdk.Libraries.Jackson;
import autosdk.Transport;
import autosdk.write.GeneratedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the hand-written runtime helpers (compiled and tested in the runtime module) into a
 * generated SDK, rewriting their package; for a Jackson 3 SDK each is ported from its Jackson 2 source by
 * {@link Jackson3Port}.
 */
public final class RuntimeSources {
    static final String SOURCE_PACKAGE = "autosdk.runtime";
    private static final String RESOURCE_ROOT = "autosdk-runtime-sources/autosdk/runtime/";

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
        return plus(HTTP, transport.runtimeClass(), List.of());
    }

    /** The helpers of WebSocket clients on {@code transport}: {@link #WS}, that transport's class and its helpers. */
    public static List<String> ws(Transport transport) {
        return plus(WS, transport.wsRuntimeClass(), transport.wsHelpers());
    }

    /** {@code helpers}, then a transport's class and the helpers that class needs. */
    private static List<String> plus(List<String> helpers, String transportClass, List<String> transportHelpers) {
        List<String> names = new ArrayList<>(helpers);
        names.add(transportClass);
        names.addAll(transportHelpers);
        return List.copyOf(names);
    }

    /**
     * {@code names} plus {@code shared}, sorted, so the copied files do not depend on the order the lists are written
     * in.
     */
    private static List<String> with(List<String> shared, String... names) {
        TreeSet<String> all = new TreeSet<>(shared);
        all.addAll(List.of(names));
        return List.copyOf(all);
    }

    /** Copies {@code names} into {@code targetPackage}, placing files under {@code folder}. */
    public static List<GeneratedFile> copy(List<String> names, String targetPackage, String folder) {
        return copy(names, targetPackage, folder, Jackson.V2);
    }

    /** Like {@link #copy(List, String, String)}, porting each helper to Jackson 3 when {@code jackson} is 3. */
    public static List<GeneratedFile> copy(List<String> names, String targetPackage, String folder, Jackson jackson) {
        List<GeneratedFile> out = new ArrayList<>();
        for (String name : names) {
            String source =
                    jackson == Jackson.V3 ? Jackson3Port.port(read(name)) : Jackson3Port.stripMarkers(read(name));
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
        Set<String> names = new TreeSet<>(JavaNames.OBJECT_METHODS);
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
        try (InputStream in =
                RuntimeSources.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + name + ".java")) {
            if (in == null) throw new IllegalStateException("runtime source missing from the generator: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
