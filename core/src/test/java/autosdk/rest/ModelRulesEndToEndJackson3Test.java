package autosdk.rest;

import autosdk.Libraries;

/**
 * Every test of {@link ModelRulesEndToEndTest} again, on an SDK generated with {@code --jackson 3}: the same driver,
 * the same bytes.
 */
class ModelRulesEndToEndJackson3Test extends ModelRulesEndToEndTest {
    @Override
    Libraries libraries() {
        return new Libraries(Libraries.Jackson.V3, Libraries.Nullability.NONE);
    }
}
