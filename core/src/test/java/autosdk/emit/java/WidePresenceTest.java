package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import autosdk.testing.JsonTrees;
import autosdk.testing.Sdk;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presence bits past one {@code long}: an object of 70 properties keeps its presence in a {@code long[]}, and every
 * rule that reads the bits (explicit null versus absent, fixed values, required properties, malformed values,
 * {@code toString}, {@code equals}) holds for properties in both words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidePresenceTest {
    private static final int PROPERTIES = 70;
    private Sdk sdk;

    @BeforeAll
    void generate(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                openapi: 3.0.3
                info: {title: wide, version: "1"}
                paths: {}
                components:
                  schemas:
                    Wide:
                      type: object
                      required: [p2, p66]
                      properties:
                        p67: {type: string, enum: [fixed]}
                        p68: {type: string, format: uuid}
                """);
        for (int i = 0; i < PROPERTIES; i++) {
            if (i != 67 && i != 68) yaml.append("        p").append(i).append(": {type: string}\n");
        }
        Path spec = dir.resolve("wide.yaml");
        Files.writeString(spec, yaml.toString());
        sdk = Sdk.build(spec, "com.example.wide", dir);
        assertThat(sdk.result().files())
                .filteredOn(f -> f.relativePath().endsWith("/Wide.java"))
                .singleElement()
                .satisfies(f -> assertThat(f.content()).contains("private final long[] present;"));
    }

    @Test
    void explicitNullAbsentAndMalformedSurviveARoundTripInBothWords() throws Throwable {
        String json = """
                {"p67": "fixed", "p68": "no uuid", "p1": "one", "p65": null, "p66": "x", "p3": null, "extra": 1}""";
        Object wide = sdk.read(json, "Wide");
        assertThat(Sdk.call(wide, "hasP65")).isEqualTo(true);
        assertThat(Sdk.call(wide, "p65")).isNull();
        assertThat(Sdk.call(wide, "hasP64")).isEqualTo(false);
        assertThat(Sdk.call(wide, "hasP3")).isEqualTo(true);
        assertThat(Sdk.call(wide, "hasP68")).isEqualTo(true);
        assertThat(Sdk.call(wide, "malformedValues").toString()).isEqualTo("{p68=JsonString[value=no uuid]}");
        assertThat(JsonTrees.parse(sdk.write(wide))).isEqualTo(JsonTrees.parse(json));
        assertThat(wide.toString())
                .startsWith("Wide{p67=fixed, p68=null, p1=one, p3=null, p65=null, p66=x, {extra=")
                .endsWith("malformed={p68=JsonString[value=no uuid]}}");
        assertThat(sdk.read(json, "Wide")).isEqualTo(wide).hasSameHashCodeAs(wide);
        assertThat(sdk.read(json.replace("\"p65\": null, ", ""), "Wide")).isNotEqualTo(wide);
    }

    @Test
    void buildNamesTheMissingRequiredPropertiesOfBothWordsAndClearingWorksPastBit64() throws Throwable {
        Object builder = invoke(sdk.type("Wide"), null, "builder");
        assertThatThrownBy(() -> invoke(builder.getClass(), builder, "build"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Wide is missing required properties: p2, p66");
        set(builder, "p66", "x");
        assertThatThrownBy(() -> invoke(builder.getClass(), builder, "build"))
                .hasMessage("Wide is missing required properties: p2");
        set(builder, "p2", "y");
        set(builder, "p69", "z");
        Object built = invoke(builder.getClass(), builder, "build");
        assertThat(JsonTrees.parse(sdk.write(built)))
                .isEqualTo(JsonTrees.parse("{\"p67\": \"fixed\", \"p2\": \"y\", \"p66\": \"x\", \"p69\": \"z\"}"));
        Object copy = invoke(built.getClass(), built, "toBuilder");
        invoke(copy.getClass(), copy, "clearP69");
        Object cleared = invoke(copy.getClass(), copy, "build");
        assertThat(Sdk.call(cleared, "hasP69")).isEqualTo(false);
        assertThat(Sdk.call(built, "hasP69")).isEqualTo(true);
        assertThat(JsonTrees.parse(sdk.write(cleared)))
                .isEqualTo(JsonTrees.parse("{\"p67\": \"fixed\", \"p2\": \"y\", \"p66\": \"x\"}"));
    }

    private static void set(Object builder, String property, String value) throws Throwable {
        try {
            builder.getClass().getMethod(property, String.class).invoke(builder, value);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object invoke(Class<?> type, Object target, String method) throws Throwable {
        try {
            return type.getMethod(method).invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
