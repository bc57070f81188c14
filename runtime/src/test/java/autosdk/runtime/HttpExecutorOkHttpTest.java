package autosdk.runtime;

/** Every test of {@link HttpExecutorTest} again, on the OkHttp transport. */
class HttpExecutorOkHttpTest extends HttpExecutorTest {
    @Override
    java.util.function.Function<HttpConfig, HttpTransport> transport() {
        return OkHttpTransport::new;
    }
}
