package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** {@link WsFrames#at}: reading a request/reply correlation id at a JSON pointer. */
class WsFramesPointerTest {

    @Test
    void readsMembersNestedMembersArrayItemsAndEscapedNames() {
        String json = "{\"reqid\":42,\"meta\":{\"id\":\"a-1\",\"a/b\":true,\"m~n\":null},\"items\":[10,{\"k\":\"v\"}]}";
        assertThat(WsFrames.at(json, "/reqid")).isEqualTo(new JsonValue.JsonNumber("42"));
        assertThat(WsFrames.at(json, "/meta/id")).isEqualTo(JsonValue.of("a-1"));
        assertThat(WsFrames.at(json, "/meta/a~1b")).isEqualTo(JsonValue.of(true));
        assertThat(WsFrames.at(json, "/meta/m~0n")).isEqualTo(JsonValue.NULL);
        assertThat(WsFrames.at(json, "/items/1/k")).isEqualTo(JsonValue.of("v"));
        assertThat(WsFrames.at(json, "")).isInstanceOf(JsonValue.JsonObject.class);
    }

    @Test
    void absentPathsGiveNullAndMalformedJsonThrows() {
        String json = "{\"reqid\":42,\"items\":[1]}";
        assertThat(WsFrames.at(json, "/missing")).isNull();
        assertThat(WsFrames.at(json, "/reqid/deeper")).isNull();
        assertThat(WsFrames.at(json, "/items/5")).isNull();
        assertThat(WsFrames.at(json, "/items/x")).isNull();
        assertThatThrownBy(() -> WsFrames.at("{\"reqid\":", "/reqid")).isInstanceOf(UncheckedIOException.class);
    }
}
