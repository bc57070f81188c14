package autosdk.rest;

import autosdk.Transport;

/** The petstore and xAI operations of {@link PrismMockTest} again, with the SDKs generated for OkHttp. */
class PrismMockOkHttpTest extends PrismMockTest {
    @Override
    Transport transport() {
        return Transport.OKHTTP;
    }
}
