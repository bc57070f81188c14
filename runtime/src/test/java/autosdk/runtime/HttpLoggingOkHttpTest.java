package autosdk.runtime;

/** Every test of {@link HttpLoggingTest} again, on the OkHttp transport. */
class HttpLoggingOkHttpTest extends HttpLoggingTest {
    @Override
    java.util.function.Function<HttpConfig, HttpTransport> transport() {
        return OkHttpTransport::new;
    }
}
