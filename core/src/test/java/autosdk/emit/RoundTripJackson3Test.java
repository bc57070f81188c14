package autosdk.emit;

import autosdk.Libraries;

/** Every round trip of {@link RoundTripTest} again, on models generated with {@code --jackson 3}. */
class RoundTripJackson3Test extends RoundTripTest {
    @Override
    Libraries libraries() {
        return new Libraries(Libraries.Jackson.V3, Libraries.Nullability.NONE);
    }
}
