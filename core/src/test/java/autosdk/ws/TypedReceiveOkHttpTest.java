package autosdk.ws;

import autosdk.Transport;

/** Every test of {@link TypedReceiveTest} again, with the client generated for OkHttp. */
class TypedReceiveOkHttpTest extends TypedReceiveTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
