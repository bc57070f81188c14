package autosdk;

import java.util.List;
import java.util.Locale;

/**
 * The HTTP library a generated client sends through ({@code --transport}). The runtime has one {@code HttpTransport}
 * (REST) and one {@code WsTransport} (WebSocket) implementation per value; a generated SDK carries only its own, so an
 * OkHttp SDK names no {@code java.net.http} type and runs on Android.
 */
public enum Transport {
    /** {@code java.net.http}: no dependency beyond the JDK (the default). */
    JDK("JdkHttpTransport", "JdkWsTransport"),
    /** OkHttp 5 ({@code com.squareup.okhttp3:okhttp-jvm}), for Android and teams that configure an OkHttpClient. */
    OKHTTP("OkHttpTransport", "OkHttpWsTransport", "WsFrameGuard", "WsGuardedSockets");

    private final String runtimeClass;
    private final String wsRuntimeClass;

    @SuppressWarnings("ImmutableEnumChecker") // List.of(...) is unmodifiable; error-prone only sees the List type
    private final List<String> wsHelpers;

    Transport(String runtimeClass, String wsRuntimeClass, String... wsHelpers) {
        this.runtimeClass = runtimeClass;
        this.wsRuntimeClass = wsRuntimeClass;
        this.wsHelpers = List.of(wsHelpers);
    }

    /** The simple name of the runtime class implementing it for REST clients ({@code HttpTransport}). */
    public String runtimeClass() {
        return runtimeClass;
    }

    /** The simple name of the runtime class implementing it for WebSocket clients ({@code WsTransport}). */
    public String wsRuntimeClass() {
        return wsRuntimeClass;
    }

    /** Further runtime helpers its WebSocket class uses (OkHttp's socket guard), copied with it. */
    public List<String> wsHelpers() {
        return wsHelpers;
    }

    /** The option's value as written: {@code jdk} or {@code okhttp}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "jdk" -> JDK;
            case "okhttp" -> OKHTTP;
            default -> throw new IllegalArgumentException("--transport must be jdk or okhttp, found '" + text + "'");
        };
    }
}
