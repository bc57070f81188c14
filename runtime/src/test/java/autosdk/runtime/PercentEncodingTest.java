package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule per test: the percent-encoder HTTP parameters and WebSocket connect URLs share. */
class PercentEncodingTest {

    @Test
    void unreservedCharactersPassRaw() {
        assertThat(PercentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
    }

    @Test
    void delimitersAreEncoded() {
        assertThat(PercentEncoding.encode("/?#&=%+")).isEqualTo("%2F%3F%23%26%3D%25%2B");
    }

    @Test
    void aSpaceIsPercentTwentyNotPlus() {
        assertThat(PercentEncoding.encode("a b")).isEqualTo("a%20b");
    }

    @Test
    void lineBreaksAreEncoded() {
        assertThat(PercentEncoding.encode("\r\n")).isEqualTo("%0D%0A");
    }

    @Test
    void nonAsciiIsEncodedAsUtf8BytesInUpperCaseHex() {
        assertThat(PercentEncoding.encode("é€")).isEqualTo("%C3%A9%E2%82%AC");
    }

    @Test
    void keptDelimitersPassRaw() {
        assertThat(PercentEncoding.encode("host:8080/v1", PercentEncoding.URL_DELIMITERS))
                .isEqualTo("host:8080/v1");
    }

    @Test
    void keepingNeverLetsNonAsciiThrough() {
        assertThat(PercentEncoding.encode("é", "é")).isEqualTo("%C3%A9");
    }

    @Test
    void httpQueryValuesUseIt() {
        assertThat(HttpParams.query("q", "a b/c", HttpParams.Style.FORM, true)).containsExactly("q=a%20b%2Fc");
    }

    @Test
    void webSocketQueryValuesUseIt() {
        assertThat(WsEndpoint.withQuery("wss://h/x", List.of(Map.entry("q", "a b/c")))
                        .toString())
                .isEqualTo("wss://h/x?q=a%20b%2Fc");
    }
}
