package autosdk.ws;

import autosdk.Transport;

/** Every test of {@link ChatClientTest} again, with the client generated for OkHttp. */
class ChatClientOkHttpTest extends ChatClientTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
