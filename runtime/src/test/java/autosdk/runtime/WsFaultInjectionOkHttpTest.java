package autosdk.runtime;

/** Every test of {@link WsFaultInjectionTest} again, on the OkHttp WebSocket transport. */
class WsFaultInjectionOkHttpTest extends WsFaultInjectionTest {
    @Override
    WsTransport wsTransport() {
        return new OkHttpWsTransport();
    }
}
