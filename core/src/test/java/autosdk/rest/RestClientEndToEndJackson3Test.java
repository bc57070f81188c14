package autosdk.rest;

import autosdk.Libraries;

/**
 * Every test of {@link RestClientEndToEndTest} again, on an SDK generated with {@code --jackson 3}: the same driver,
 * the same bytes.
 */
class RestClientEndToEndJackson3Test extends RestClientEndToEndTest {
    @Override
    Libraries libraries() {
        return new Libraries(Libraries.Jackson.V3, Libraries.Nullability.NONE);
    }
}
