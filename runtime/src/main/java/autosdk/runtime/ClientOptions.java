package autosdk.runtime;

import java.util.Objects;
import java.util.function.Function;

/**
 * What every builder of this runtime has, HTTP or WebSocket, configuration or generated client: the opt-in wire log
 * and where environment variables are read. Subclasses name themselves as {@code B}, so chained calls keep the
 * concrete builder type.
 *
 * @param <B> the concrete builder
 */
public abstract class ClientOptions<B extends ClientOptions<B>> {
    private LogLevel logLevel;
    private System.Logger logger;
    private Function<String, String> environment = System::getenv;

    /** Subclasses outside the runtime are the generated builders. */
    protected ClientOptions() {}

    /** This builder as its concrete type. */
    protected abstract B self();

    /**
     * Opt-in wire log through {@code System.Logger}: {@code INFO} one line per call, connect, reconnect or close;
     * {@code DEBUG} also headers, bodies and text messages (4 KiB at most), credentials redacted. {@code null} (the
     * default) reads {@value LogLevel#ENV_VARIABLE} ({@code info} or {@code debug}) from the environment, else off.
     */
    public B logging(LogLevel logLevel) {
        this.logLevel = logLevel;
        return self();
    }

    /**
     * The logger of the wire log; {@code null} (the default) for {@code System.getLogger("<runtime package>.http")},
     * or {@code "<runtime package>.ws"} for WebSocket connections.
     */
    public B logger(System.Logger logger) {
        this.logger = logger;
        return self();
    }

    /**
     * Where environment variables are read ({@value LogLevel#ENV_VARIABLE} and {@code …FromEnv} credentials); default
     * {@code System::getenv}. Set it before the {@code …FromEnv} methods, which read at once.
     */
    public B environment(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return self();
    }

    /** Where environment variables are read now. */
    protected final Function<String, String> environment() {
        return environment;
    }

    /** The level set, else the one {@value LogLevel#ENV_VARIABLE} names. */
    final LogLevel resolvedLogLevel() {
        return logLevel != null ? logLevel : LogLevel.fromEnvironment(environment);
    }

    /** The logger set, else the runtime's logger called {@code defaultName}. */
    final System.Logger resolvedLogger(String defaultName) {
        return logger != null ? logger : System.getLogger(defaultName);
    }

    /** Copies these settings to another builder (a generated one hands them to the configuration it builds). */
    final void copyLogOptionsTo(ClientOptions<?> to) {
        to.logLevel = logLevel;
        to.logger = logger;
        to.environment = environment;
    }
}
