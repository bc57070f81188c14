package autosdk.ws;

import autosdk.Transport;

/** Every scenario of {@link OpenAiHarnessTest} again, against the harness, with the client generated for OkHttp. */
class OpenAiHarnessOkHttpTest extends OpenAiHarnessTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
