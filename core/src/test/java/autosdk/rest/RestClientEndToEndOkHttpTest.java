package autosdk.rest;

import autosdk.Transport;

/** Every test of {@link RestClientEndToEndTest} again, with the SDK generated for OkHttp. */
class RestClientEndToEndOkHttpTest extends RestClientEndToEndTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
