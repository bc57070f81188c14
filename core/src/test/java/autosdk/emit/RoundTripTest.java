package autosdk.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import autosdk.Libraries;
import autosdk.testing.JsonTrees;
import autosdk.testing.Sdk;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Reading JSON with the generated codecs and writing it back gives the same JSON, unknowns included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {
    Sdk sdk;

    /** The libraries the SDK under test is generated for; a subclass runs every test again on Jackson 3. */
    Libraries libraries() {
        return Libraries.DEFAULT;
    }

    @BeforeAll
    void generate(@TempDir Path dir) throws Exception {
        sdk = Sdk.build(
                Path.of("src/test/resources/fixtures/models/tricky.yaml"), "com.example.tricky", dir, libraries());
    }

    private Object roundTrip(String json, String type) throws Throwable {
        Object value = sdk.read(json, type);
        String written = sdk.write(value);
        assertThat(JsonTrees.parse(written)).as("written back: %s", written).isEqualTo(JsonTrees.parse(json));
        return value;
    }

    @Test
    void objectWithEveryKindOfProperty() throws Throwable {
        Object pet = roundTrip("""
                {"id": 9007199254740993, "name": "Rex", "kind": "dog", "nickname": null, "born": "2020-02-29",
                 "updated_at": "2024-05-01T10:15:30.5+02:00", "chip": "123e4567-e89b-12d3-a456-426614174000",
                 "photo": "AAECAw==", "weight": 12.5, "tags": ["a", "b"], "attributes": {"legs": 4},
                 "extra": {"deep": [1, 2.5, true, null, {"x": "y"}]}, "class": "k", "default": false,
                 "owner-name": "Ann", "@type": "t", "hasName": "yes", "toy": {"label": "ball"}}""", "Pet");
        assertThat(Sdk.call(pet, "id")).isEqualTo(9007199254740993L);
        assertThat(Sdk.call(pet, "photo")).isEqualTo(new byte[] {0, 1, 2, 3});
        assertThat(Sdk.call(pet, "class_")).isEqualTo("k");
        assertThat(Sdk.call(pet, "default_")).isEqualTo(false);
        assertThat(Sdk.call(pet, "ownerName")).isEqualTo("Ann");
        assertThat(Sdk.call(pet, "hasName")).isEqualTo("yes");
        assertThat(Sdk.call(pet, "isNamePresent")).isEqualTo(true);
    }

    @Test
    void explicitNullDiffersFromAbsent() throws Throwable {
        Object withNull = roundTrip("{\"id\":1,\"name\":\"a\",\"kind\":\"cat\",\"nickname\":null}", "Pet");
        Object absent = roundTrip("{\"id\":1,\"name\":\"a\",\"kind\":\"cat\"}", "Pet");
        assertThat(Sdk.call(withNull, "hasNickname")).isEqualTo(true);
        assertThat(Sdk.call(withNull, "nickname")).isNull();
        assertThat(Sdk.call(absent, "hasNickname")).isEqualTo(false);
        assertThat(withNull).isNotEqualTo(absent);
    }

    @Test
    void unknownPropertiesAreKeptAndWrittenBack() throws Throwable {
        Object pet =
                roundTrip("{\"id\":1,\"name\":\"a\",\"kind\":\"cat\",\"new_field\":{\"n\":[1,2]},\"z\":null}", "Pet");
        assertThat(Sdk.call(pet, "additionalProperties").toString()).contains("new_field");
    }

    @Test
    void unknownEnumValuesAreKept() throws Throwable {
        Object pet = roundTrip("{\"id\":1,\"name\":\"a\",\"kind\":\"hamster\"}", "Pet");
        Object kind = Sdk.call(pet, "kind");
        assertThat(Sdk.call(kind, "isKnown")).isEqualTo(false);
        assertThat(Sdk.call(kind, "known").toString()).isEqualTo("UNRECOGNIZED");
        assertThat(Sdk.call(kind, "value")).isEqualTo("hamster");
        Object dotted = Sdk.call(roundTrip("{\"id\":1,\"name\":\"a\",\"kind\":\"session.update\"}", "Pet"), "kind");
        assertThat(Sdk.call(dotted, "known").toString()).isEqualTo("SESSION_UPDATE");
    }

    @Test
    void unionsPickTheVariantByDiscriminatorWhereverItIs() throws Throwable {
        assertThat(roundTrip("{\"shape\":\"circle\",\"radius\":2}", "Shape")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfCircle");
        assertThat(roundTrip("{\"side\":3,\"shape\":\"square\"}", "Shape")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfSquare");
        assertThat(roundTrip("{\"event\":\"stopped\",\"code\":3}", "Event")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfEventStopped");
    }

    @Test
    void variantRecordsNeverShadowATypeTheUnionHolds() throws Throwable {
        // Tile holds Square and OfSquare: the record for Square cannot be OfSquare, which would hide the model
        // OfSquare.
        assertThat(sdk.type("Tile$OfSquare2").getRecordComponents()[0].getType())
                .isEqualTo(sdk.type("Square"));
        assertThat(sdk.type("Tile$OfOfSquare").getRecordComponents()[0].getType())
                .isEqualTo(sdk.type("OfSquare"));
        assertThat(roundTrip("{\"corners\":4}", "Tile").getClass().getSimpleName())
                .isEqualTo("OfOfSquare");
        String tile = sdk.result().files().stream()
                .filter(f -> f.relativePath().endsWith("/Tile.java"))
                .findFirst()
                .orElseThrow()
                .content();
        assertThat(tile)
                .as("no type needs its package spelled out")
                .doesNotContainPattern("com\\.example\\.tricky\\.[A-Z]");
    }

    @Test
    void variantsSharingADiscriminatorValueAreToldApartByTheirOtherFixedValues() throws Throwable {
        assertThat(roundTrip("{\"id\":\"x\",\"type\":\"message\",\"role\":\"assistant\",\"text\":\"hi\"}", "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfMessageMessage2");
        assertThat(roundTrip("{\"type\":\"message\",\"role\":\"system\"}", "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfMessageMessage");
        assertThat(roundTrip("{\"name\":\"f\",\"type\":\"call\"}", "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfMessageCall");
        assertThat(roundTrip("{\"type\":\"message\",\"role\":\"tool\"}", "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("Unknown");
    }

    @Test
    void unionsStreamedOnceTheirVariantIsDecidedFollowTheRulesOfTheWholeValue() throws Throwable {
        // Decided by "shape" (not first), the rest streamed into the variant, unknown members kept.
        Object square = roundTrip("{\"side\":3,\"shape\":\"square\",\"extra\":[1,{\"a\":null}]}", "Shape");
        assertThat(square.getClass().getSimpleName()).isEqualTo("OfSquare");
        assertThat(Sdk.call(Sdk.call(square, "value"), "additionalProperties").toString())
                .contains("extra");
        // Decided by "role"; a member after it that the variant cannot read makes the value Unknown, kept whole.
        assertThat(roundTrip(
                                "{\"id\":\"x\",\"type\":\"message\",\"role\":\"assistant\","
                                        + "\"text\":{\"not\":[\"text\"]}}",
                                "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("Unknown");
        // A repeated fixed value after the deciding one rules the variant out again: the whole value decides.
        assertThat(sdk.read(
                                "{\"type\":\"message\",\"role\":\"assistant\",\"text\":\"hi\",\"role\":\"tool\"}",
                                "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("Unknown");
        assertThat(sdk.read("{\"type\":\"message\",\"role\":\"tool\",\"text\":\"hi\",\"role\":\"system\"}", "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfMessageMessage");
        // A variant chosen by its own discriminator value that cannot read the value is an error, as before.
        assertThatThrownBy(() -> sdk.read("{\"radius\":1,\"shape\":\"square\",\"side\":{\"wide\":true}}", "Shape"))
                .hasMessageContaining("number");
    }

    @Test
    void membersBeforeTheDecidingOneAreReplayedIntoTheVariantExactly() throws Throwable {
        // Every kind of JSON value comes before "role" decides: recorded as tokens, then replayed into the variant.
        Object message = roundTrip(
                "{\"id\":\"x\\u00e9\\n\\\"\",\"meta\":{\"a\":[1,2.5e-3,null,true,false,{}],\"b\":[]},"
                        + "\"big\":123456789012345678901234567890,\"type\":\"message\",\"seq\":-0.0,"
                        + "\"role\":\"assistant\",\"text\":\"hi\",\"after\":[{\"x\":1}]}",
                "Message");
        assertThat(message.getClass().getSimpleName()).isEqualTo("OfMessageMessage2");
        assertThat(Sdk.call(Sdk.call(message, "value"), "additionalProperties").toString())
                .contains("id", "x\u00e9\n\"", "meta", "123456789012345678901234567890", "seq", "-0.0", "after");
        // A declared number before the discriminator reaches the variant through the numeric accessors.
        Object square = roundTrip("{\"side\":2.5e1,\"shape\":\"square\"}", "Shape");
        assertThat(Sdk.call(Sdk.call(square, "value"), "side")).isEqualTo(25.0);
        // A member the choice never asked about changes nothing; one it asked about is checked again (see below).
        assertThat(roundTrip("{\"type\":\"message\",\"role\":\"system\",\"id\":\"x\",\"id\":\"y\"}", "Message")
                        .getClass()
                        .getSimpleName())
                .isEqualTo("OfMessageMessage");
    }

    @Test
    void unionsNestedInAStreamedUnionAreStreamedToo() throws Throwable {
        // The outer union is decided by "kind" after "id"; each shape inside it by "shape" after another member.
        Object scene = roundTrip(
                "{\"id\":1,\"kind\":\"many\",\"shapes\":[{\"side\":3,\"shape\":\"square\"},"
                        + "{\"radius\":2,\"shape\":\"circle\",\"extra\":{\"a\":[1]}},"
                        + "{\"side\":4,\"shape\":\"square\"}]}",
                "Scene");
        assertThat(scene.getClass().getSimpleName()).isNotEqualTo("Unknown");
        assertThat(((List<?>) Sdk.call(Sdk.call(scene, "value"), "shapes"))
                        .stream().map(s -> s.getClass().getSimpleName()))
                .containsExactly("OfSquare", "OfCircle", "OfSquare");
        // An inner value the rest of its object makes Unknown falls back alone; the outer one stays streamed.
        Object single = roundTrip(
                "{\"x\":0,\"kind\":\"single\",\"shape\":{\"side\":1,\"shape\":\"square\",\"shape\":\"hexagon\"}}",
                "Scene");
        assertThat(single.getClass().getSimpleName()).isNotEqualTo("Unknown");
        assertThat(Sdk.call(Sdk.call(single, "value"), "shape").getClass().getSimpleName())
                .isEqualTo("Unknown");
    }

    @Test
    void unknownUnionVariantsAreKeptWhole() throws Throwable {
        Object unknown = roundTrip("{\"shape\":\"hexagon\",\"sides\":6}", "Shape");
        assertThat(unknown.getClass().getSimpleName()).isEqualTo("Unknown");
        assertThat(roundTrip("{\"event\":\"paused\"}", "Event").getClass().getSimpleName())
                .isEqualTo("Unknown");
    }

    @Test
    void unionsWithoutDiscriminatorMatchByShape() throws Throwable {
        assertThat(roundTrip("{\"phone\":\"+1\"}", "Contact").getClass().getSimpleName())
                .isEqualTo("OfContactOption2");
        assertThat(roundTrip("{\"email\":\"a@b\"}", "Contact").getClass().getSimpleName())
                .isEqualTo("OfContactOption1");
        assertThat(roundTrip("\"text\"", "Scalarish").getClass().getSimpleName())
                .isEqualTo("OfString");
        assertThat(roundTrip("42", "Scalarish").getClass().getSimpleName()).isEqualTo("OfLong");
        assertThat(roundTrip("[\"a\"]", "Scalarish").getClass().getSimpleName()).isEqualTo("OfList");
        assertThat(roundTrip("{\"what\":1}", "Scalarish").getClass().getSimpleName())
                .isEqualTo("Unknown");
    }

    @Test
    void allOfKeepsEveryProperty() throws Throwable {
        Object named = roundTrip("{\"label\":\"l\",\"name\":\"n\"}", "Named");
        assertThat(Sdk.call(named, "label")).isEqualTo("l");
        assertThat(Sdk.call(named, "name")).isEqualTo("n");
    }

    @Test
    void recursiveTypesNest() throws Throwable {
        Object tree = roundTrip(
                "{\"value\":\"root\",\"children\":[{\"value\":\"leaf\",\"children\":[]}],"
                        + "\"parent\":{\"value\":\"up\"}}",
                "TreeNode");
        assertThat(Sdk.call(tree, "value")).isEqualTo("root");
    }

    @Test
    void caseOnlyCollisionsAndGeneratorNamesGetDistinctClasses() throws Throwable {
        assertThat(sdk.type("Item")).isNotNull();
        assertThat(sdk.type("Item2")).isNotNull();
        assertThat(sdk.type("Builder2")).isNotNull();
        assertThat(sdk.type("SourceGenerationContext2")).isNotNull();
        assertThat(roundTrip("{\"z\":\"zz\"}", "String").getClass().getName()).isEqualTo("com.example.tricky.String");
        assertThat(sdk.type("_1stPlace")).isNotNull();
        assertThat(sdk.type("ABCD")).isNotNull();
        assertThat(sdk.type("Deprecated").isAnnotationPresent(java.lang.Deprecated.class))
                .isTrue();
    }

    @Test
    void typeMismatchesAreReportedWithTheirPlace() {
        assertThatThrownBy(() -> sdk.read("{\"id\":\"not a number\",\"name\":\"a\",\"kind\":\"cat\"}", "Pet"))
                .hasMessageContaining("expected an integer")
                .hasMessageContaining("line 1, column 7");
    }
}
