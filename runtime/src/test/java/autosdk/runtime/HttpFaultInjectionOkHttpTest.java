package autosdk.runtime;

/** Every test of {@link HttpFaultInjectionTest} again, on the OkHttp transport. */
class HttpFaultInjectionOkHttpTest extends HttpFaultInjectionTest {
    @Override
    java.util.function.Function<HttpConfig, HttpTransport> transport() {
        return OkHttpTransport::new;
    }
}
