package autosdk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.read.MapNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule of discriminator detection per test. */
class DiscriminatorsTest {
    @TempDir
    Path dir;

    private List<MapNode> schemas(SchemaRules rules) {
        return ((autosdk.read.ListNode) rules.at("s"))
                .items().stream().map(n -> (MapNode) n).toList();
    }

    private String common(String yaml) throws Exception {
        SchemaRules rules = new SchemaRules(dir, "s:\n" + yaml);
        return new Discriminators(rules.translator).common(schemas(rules));
    }

    private String shared(String yaml) throws Exception {
        SchemaRules rules = new SchemaRules(dir, "s:\n" + yaml);
        return new Discriminators(rules.translator).shared(schemas(rules));
    }

    @Test
    void aConstPropertyWithDistinctValuesDiscriminates() throws Exception {
        assertThat(common("""
                  - {properties: {kind: {const: a}}}
                  - {properties: {kind: {const: b}}}
                """)).isEqualTo("kind");
    }

    @Test
    void aOneValueEnumCountsAsAConst() throws Exception {
        assertThat(common("""
                  - {properties: {mode: {type: string, enum: [a]}}}
                  - {properties: {mode: {type: string, enum: [b]}}}
                """)).isEqualTo("mode");
    }

    @Test
    void aPreferredNameWinsOverAnEarlierProperty() throws Exception {
        assertThat(common("""
                  - {properties: {zone: {const: x}, type: {const: a}}}
                  - {properties: {zone: {const: y}, type: {const: b}}}
                """)).isEqualTo("type");
    }

    @Test
    void aRepeatedValueDoesNotDiscriminate() throws Exception {
        assertThat(common("""
                  - {properties: {type: {const: a}}}
                  - {properties: {type: {const: a}}}
                """)).isNull();
    }

    @Test
    void aPropertyMissingInOneSchemaDoesNotDiscriminate() throws Exception {
        assertThat(common("""
                  - {properties: {type: {const: a}}}
                  - {properties: {other: {type: string}}}
                """)).isNull();
    }

    @Test
    void aSharedDiscriminatorMayRepeatValues() throws Exception {
        assertThat(shared("""
                  - {properties: {type: {const: a}}}
                  - {properties: {type: {const: a}}}
                  - {properties: {type: {const: b}}}
                """)).isEqualTo("type");
    }

    @Test
    void aPropertyThatNeverTellsTwoApartIsNoSharedDiscriminator() throws Exception {
        assertThat(shared("""
                  - {properties: {type: {const: a}}}
                  - {properties: {type: {const: a}}}
                """)).isNull();
    }
}
