package autosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The tests' one JSON tree: what it parses, walks and writes. */
class JsonTreesTest {
    @Test
    void numbersCompareByValue() {
        assertThat(JsonTrees.parse("[1.50, 0.0, 15e-1]")).isEqualTo(JsonTrees.parse("[1.5, 0, 1.5]"));
    }

    @Test
    void aDottedPathWalksIntoObjects() {
        assertThat(JsonTrees.at(JsonTrees.parse("{\"a\":{\"b\":\"x\"}}"), "a.b"))
                .isEqualTo("x");
    }

    @Test
    void aPathThroughANonObjectIsNull() {
        assertThat(JsonTrees.at(JsonTrees.parse("{\"a\":[1]}"), "a.b")).isNull();
    }

    @Test
    void aMissingNumberIsMinusOne() {
        assertThat(JsonTrees.number(JsonTrees.parse("{}"), "summary.valid")).isEqualTo(-1);
    }

    @Test
    void aNumberIsReadAsALong() {
        assertThat(JsonTrees.number(JsonTrees.parse("{\"summary\":{\"valid\":8}}"), "summary.valid"))
                .isEqualTo(8);
    }

    @Test
    void writingAParsedTreeGivesTheSameJson() {
        String json = "{\"a\":[1,\"s\",true,null,{\"b\":2.5}],\"c\":false}";
        assertThat(JsonTrees.write(JsonTrees.parse(json), false)).isEqualTo(json);
    }

    @Test
    void bigNumbersAreWrittenExactly() {
        assertThat(JsonTrees.write(new BigDecimal("12345678901234567890.125"), false))
                .isEqualTo("12345678901234567890.125");
    }
}
