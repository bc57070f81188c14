package autosdk.rest;

import autosdk.Transport;

/** Every test of {@link RestWireTest} again, with the SDK generated for OkHttp. */
class RestWireOkHttpTest extends RestWireTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
