package autosdk.runtime;

/** Every test of {@link WsConnectionTest} again, on the OkHttp WebSocket transport. */
class WsConnectionOkHttpTest extends WsConnectionTest {
    @Override
    WsTransport wsTransport() {
        return new OkHttpWsTransport();
    }
}
