package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Integer and number fields never bend a value into range: from text and from a buffered tree (the path union
 * variants are decoded on), a fraction, an out-of-range or a non-finite value is a decode error.
 */
class JsonNumbersTest {

    private static <T> T fromText(String json, JsonCodec.Reader<T> reader) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            p.nextToken();
            return reader.read(p);
        }
    }

    private static <T> T fromTree(String json, JsonCodec.Reader<T> reader) throws IOException {
        return Json.decode(Json.parseValue(json), reader);
    }

    @Test
    void integersInRangeAreRead() throws IOException {
        assertThat(fromText("9223372036854775807", Json::readLong)).isEqualTo(Long.MAX_VALUE);
        assertThat(fromText("-9223372036854775808", Json::readLong)).isEqualTo(Long.MIN_VALUE);
        assertThat(fromText("1e3", Json::readLong)).isEqualTo(1000L);
        assertThat(fromText("2.0", Json::readInt)).isEqualTo(2);
        assertThat(fromText("\"42\"", Json::readInt)).isEqualTo(42);
        assertThat(fromTree("1.0e2", Json::readLong)).isEqualTo(100L);
    }

    @Test
    void absurdIntegersAreDecodeErrors() {
        for (String json : new String[] {
            "1e999999999",
            "-1e999999999",
            "9223372036854775808",
            "1.5",
            "1e-999999999",
            "\"NaN\"",
            "\"Infinity\"",
            "\"1e999999999\""
        }) {
            assertThatThrownBy(() -> fromText(json, Json::readLong))
                    .as(json)
                    .isInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("expected an integer in the int64 range");
            assertThatThrownBy(() -> fromTree(json, Json::readLong))
                    .as(json)
                    .isInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("expected an integer in the int64 range");
        }
        for (String json : new String[] {"2147483648", "-2147483649", "3e9", "9223372036854775808", "0.5"}) {
            assertThatThrownBy(() -> fromText(json, Json::readInt))
                    .as(json)
                    .isInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("expected an integer in the int32 range");
        }
    }

    @Test
    void numbersMustBeFinite() throws IOException {
        assertThat(fromText("2.5", Json::readDouble)).isEqualTo(2.5);
        for (String json : new String[] {"1e999", "-1e999", "\"NaN\"", "\"Infinity\"", "\"-Infinity\""}) {
            assertThatThrownBy(() -> fromText(json, Json::readDouble))
                    .as(json)
                    .isInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("expected a finite number");
        }
        assertThatThrownBy(() -> fromText("1e300", Json::readFloat))
                .isInstanceOf(JsonDecodeException.class)
                .hasMessageContaining("float range");
    }
}
