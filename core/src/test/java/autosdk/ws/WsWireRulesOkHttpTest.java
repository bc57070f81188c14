package autosdk.ws;

import autosdk.Transport;

/** Every test of {@link WsWireRulesTest} again, with the client generated for OkHttp. */
class WsWireRulesOkHttpTest extends WsWireRulesTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
