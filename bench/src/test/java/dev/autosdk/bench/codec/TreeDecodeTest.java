package dev.autosdk.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.autosdk.bench.openai.realtime.RealtimeConversationItem;
import dev.autosdk.bench.openai.realtime.SourceGenerationContext;
import dev.autosdk.bench.openai.realtime.runtime.Json;
import dev.autosdk.bench.openai.realtime.runtime.JsonCodec;
import dev.autosdk.bench.openai.realtime.runtime.JsonDecodeException;
import dev.autosdk.bench.openai.realtime.runtime.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Json.decode}/{@code Json.accepts} walk a buffered tree instead of writing it out and parsing it again; a
 * reader must see exactly the tokens and values it would see when parsing the tree's text (this runs on the runtime
 * copy inside the generated benchmark SDK).
 */
class TreeDecodeTest {
    /** Records everything a reader can observe, token by token, for one value. */
    private static final JsonCodec.Reader<List<String>> RECORDER = p -> {
        List<String> seen = new ArrayList<>();
        int depth = 0;
        JsonToken t = p.currentToken();
        while (true) {
            StringBuilder s = new StringBuilder().append(t).append(' ').append(p.getText());
            if (t == JsonToken.FIELD_NAME) s.append(" name=").append(p.currentName());
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                s.append(" type=")
                        .append(p.getNumberType())
                        .append(" n=")
                        .append(p.getNumberValue())
                        .append(" d=")
                        .append(p.getDoubleValue())
                        .append(" dec=")
                        .append(p.getDecimalValue());
                if (t == JsonToken.VALUE_NUMBER_INT) s.append(" big=").append(p.getBigIntegerValue());
            }
            seen.add(s.toString());
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
            if (depth == 0) return seen;
            t = p.nextToken();
        }
    };

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1,\"b\":-2.5e3,\"c\":\"x\\u00e9\\n\\\"\",\"d\":[true,false,null,{},[]],"
                        + "\"e\":{\"f\":{\"g\":[1,[2,[3]]]}}}",
                "[12345678901234567890,0.1,1E2,-0,3.0,\"\",\"\\ud83d\\ude00\"]",
                "\"just a string\"",
                "42",
                "null",
                "true",
                "{}",
                "[]",
            })
    void aTreeYieldsTheTokensOfItsText(String json) throws IOException {
        JsonValue tree = JsonValue.parse(json);
        List<String> fromText;
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            p.nextToken();
            fromText = RECORDER.read(p);
        }
        assertThat(Json.decode(tree, RECORDER)).isEqualTo(fromText);
        assertThat(Json.accepts(tree, RECORDER)).isTrue();
    }

    @Test
    void fixturesDecodeTheSameThroughTheTree() throws IOException {
        for (Fixture f : Fixture.values()) {
            String json = new String(f.bytes(), StandardCharsets.UTF_8);
            List<String> fromText;
            try (JsonParser p = Json.FACTORY.createParser(json)) {
                p.nextToken();
                fromText = RECORDER.read(p);
            }
            assertThat(Json.decode(JsonValue.parse(json), RECORDER)).isEqualTo(fromText);
        }
    }

    @Test
    void aFailingReaderReportsTheErrorOfDecodingText() {
        JsonValue tree = JsonValue.parse("{\"type\":\"function_call\",\"name\":7,\"arguments\":[1]}");
        JsonCodec.Reader<String> stringAtRoot = Json::readString; // an object is not a string
        assertThatThrownBy(() -> Json.decode(tree, stringAtRoot))
                .isInstanceOf(JsonDecodeException.class)
                .hasMessage("expected a string but found START_OBJECT at line 1, column 1");
        assertThat(Json.accepts(tree, stringAtRoot)).isFalse();
    }

    @Test
    void unionsDecodedThroughTheTreeStillChooseTheirVariants() {
        // "id" first: the union buffers the item and decodes the chosen variant from the tree.
        String call = "{\"id\":\"x\",\"type\":\"function_call\",\"name\":\"f\",\"arguments\":\"{}\",\"extra\":[1,2.5]}";
        var item = SourceGenerationContext.DEFAULT.read(call, RealtimeConversationItem.class);
        assertThat(item).isInstanceOf(RealtimeConversationItem.OfRealtimeConversationItemFunctionCall.class);
        assertThat(SourceGenerationContext.DEFAULT.write(item)).isEqualTo(call);
    }
}
