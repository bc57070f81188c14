package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WsFrames#peek}: the discriminator of a received frame. Its parser-free fast path must give exactly the
 * parser's answer, so frames of every shape are checked against a plain parser walk.
 */
class WsFramesPeekTest {

    @Test
    void readsTheDiscriminatorWhereverItIs() throws IOException {
        assertThat(WsFrames.peek("{\"type\":\"a.b\",\"x\":1}", "type")).isEqualTo("a.b");
        assertThat(WsFrames.peek(" {\n \"event_id\" : \"e1\" ,\t\"type\":\"resp.delta\",\"delta\":\"AAAA\"}", "type"))
                .isEqualTo("resp.delta");
        assertThat(WsFrames.peek("{\"n\":12,\"o\":{\"type\":\"inner\"},\"type\":\"outer\"}", "type"))
                .isEqualTo("outer");
        assertThat(WsFrames.peek("{\"id\":\"q\\\"uote\",\"type\":\"esc\\u0041ped\"}", "type"))
                .isEqualTo("escAped");
        assertThat(WsFrames.peek("{\"type\":7}", "type")).isEqualTo("7");
        assertThat(WsFrames.peek("{\"type\":true}", "type")).isEqualTo("true");
        assertThat(WsFrames.peek("{\"msg\":{\"type\":\"nested\"}}", "msg", "type"))
                .isEqualTo("nested");
    }

    @Test
    void absentOrNonScalarDiscriminatorsGiveNull() throws IOException {
        assertThat(WsFrames.peek("{\"kind\":\"x\"}", "type")).isNull();
        assertThat(WsFrames.peek("{\"type\":null}", "type")).isNull();
        assertThat(WsFrames.peek("{\"type\":{\"a\":1}}", "type")).isNull();
        assertThat(WsFrames.peek("{}", "type")).isNull();
        assertThat(WsFrames.peek("[\"type\",\"x\"]", "type")).isNull();
        assertThat(WsFrames.peek("\"type\"", "type")).isNull();
    }

    @Test
    void malformedTextBeforeTheDiscriminatorThrowsAndAfterItDoesNot() throws IOException {
        assertThatThrownBy(() -> WsFrames.peek("{\"id\":\"a\" \"type\":\"x\"}", "type"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WsFrames.peek("{\"type\":\"con\ttrol\"}", "type"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WsFrames.peek("{\"type\":\"unclosed", "type")).isInstanceOf(IOException.class);
        assertThat(WsFrames.peek("{\"type\":\"x\", oops", "type")).isEqualTo("x");
    }

    /** Random frames mixing every kind of member, whitespace, escapes and truncation, against a parser walk. */
    @Test
    void agreesWithTheParserOnRandomFrames() throws IOException {
        Random random = new Random(16);
        for (int i = 0; i < 5_000; i++) {
            String json = randomFrame(random);
            String expected;
            try {
                expected = byParser(json);
            } catch (IOException e) {
                assertThatThrownBy(() -> WsFrames.peek(json, "type")).as(json).isInstanceOf(IOException.class);
                continue;
            }
            assertThat(WsFrames.peek(json, "type")).as(json).isEqualTo(expected);
        }
    }

    /** The top-level "type" member's scalar text, walking the whole prefix with jackson. */
    private static String byParser(String json) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("type")) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        }
    }

    private static String randomFrame(Random random) {
        List<String> members = new ArrayList<>();
        int count = random.nextInt(5);
        String[] names = {"event_id", "type", "t", "typ", "types", "ty\\u0070e", "seq"};
        for (int i = 0; i < count; i++) {
            members.add(space(random) + "\"" + names[random.nextInt(names.length)] + "\"" + space(random) + ":"
                    + space(random) + value(random) + space(random));
        }
        String json = space(random) + "{" + String.join(",", members) + "}";
        if (random.nextInt(8) == 0) {
            json = json.substring(0, random.nextInt(json.length() + 1)); // truncated
        }
        if (random.nextInt(16) == 0 && !json.isEmpty()) {
            int at = random.nextInt(json.length()); // one character replaced by a stray one
            String strays = "\",:{}[]\\\t x";
            json = json.substring(0, at) + strays.charAt(random.nextInt(strays.length())) + json.substring(at + 1);
        }
        return json;
    }

    private static String value(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "12";
            case 1 -> "-0.5e3";
            case 2 -> "true";
            case 3 -> "null";
            case 4 -> "{\"type\":\"inner\",\"a\":[1,\"]\"]}";
            case 5 -> "[\"x\",{\"type\":\"y\"}]";
            case 6 -> "\"esc\\\"aped\\n\"";
            case 7 -> "\"\"";
            default -> "\"response.output_audio.delta\"";
        };
    }

    private static String space(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            case 2 -> "\r\n";
            default -> "";
        };
    }
}
