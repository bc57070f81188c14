package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpAuthTest {

    static final String SECRET = "s3cr3t-VALUE-123";

    @Test
    void toStringShowsKindAndNameButNeverTheSecret() {
        HttpAuth[] all = {
            HttpAuth.bearer(SECRET), HttpAuth.basic("user", SECRET), HttpAuth.apiKeyHeader("X-Api-Key", SECRET),
            HttpAuth.apiKeyQuery("api_key", SECRET), HttpAuth.apiKeyCookie("session", SECRET),
                    HttpAuth.bearer(() -> SECRET)
        };
        for (HttpAuth auth : all) {
            assertThat(auth.toString()).doesNotContain(SECRET).startsWith("HttpAuth[");
        }
        assertThat(all[2].toString()).isEqualTo("HttpAuth[apiKeyHeader X-Api-Key]");
        assertThat(all[3].kind()).isEqualTo(HttpAuth.Kind.API_KEY_QUERY);
        assertThat(all[4].name()).isEqualTo("session");

        HttpConfig config = HttpConfig.builder()
                .baseUri(URI.create("https://user:pw@api.example.com"))
                .auth(all)
                .defaultHeader("X-Extra-Secret", SECRET)
                .build();
        assertThat(config.toString())
                .doesNotContain(SECRET)
                .doesNotContain("pw@")
                .contains("X-Extra-Secret")
                .contains("HttpAuth[bearer]");
        assertThat(RequestOptions.builder().header("X-Token", SECRET).build().toString())
                .doesNotContain(SECRET);
    }

    @Test
    void environmentFactoriesNameTheMissingVariable() {
        String unset = "AUTOSDK_TEST_UNSET_VARIABLE_9F3A";
        assertThat(System.getenv(unset)).isNull();
        assertThatThrownBy(() -> HttpAuth.bearerFromEnv(unset))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(unset)
                .hasMessageContaining("bearer");
        assertThatThrownBy(() -> HttpAuth.apiKeyHeaderFromEnv("X-Api-Key", unset))
                .hasMessageContaining(unset);
        assertThatThrownBy(() -> HttpAuth.apiKeyQueryFromEnv("k", unset)).hasMessageContaining(unset);
        assertThatThrownBy(() -> HttpAuth.apiKeyCookieFromEnv("k", unset)).hasMessageContaining(unset);
        assertThatThrownBy(() -> HttpAuth.basicFromEnv(unset, "ALSO_UNSET_X")).hasMessageContaining(unset);
        // A set variable is read (and trimmed); a blank one counts as unset.
        Map<String, String> env = Map.of("TOKEN", " abc \n", "BLANK", "  ");
        assertThat(HttpAuth.requireEnv("TOKEN", env::get, "a token")).isEqualTo("abc");
        assertThatThrownBy(() -> HttpAuth.requireEnv("BLANK", env::get, "a token"))
                .hasMessageContaining("BLANK");
    }

    @Test
    void secretsWithLineBreaksAreRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> HttpAuth.bearer("abc\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("abc");
        assertThatThrownBy(() -> HttpAuth.bearer("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpAuth.basic("a:b", "p")).isInstanceOf(IllegalArgumentException.class);
    }
}
