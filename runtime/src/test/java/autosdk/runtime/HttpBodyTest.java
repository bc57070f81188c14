package autosdk.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpBodyTest {

    @Test
    void oneShotBodiesRefuseASecondSend() {
        HttpBody body = HttpBody.stream(new ByteArrayInputStream(new byte[] {1}), "application/octet-stream");
        assertThat(body.repeatable()).isFalse();
        body.open();
        assertThatThrownBy(body::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("only once");

        HttpBody bytes = HttpBody.octetStream(new byte[] {1, 2, 3});
        assertThat(bytes.length()).isEqualTo(3);
        assertThat(bytes.length()).isEqualTo(3);
    }

    @Test
    void multipartLengthIsKnownUnlessAPartIsAStream(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.txt"), new byte[1000]);
        HttpBody known = HttpBody.multipart()
                .text("a", "b")
                .file("f", file, "text/plain")
                .build();
        assertThat(known.contentType()).startsWith("multipart/form-data; boundary=autosdk-");
        assertThat(known.repeatable()).isTrue();
        assertThat(known.length()).isGreaterThan(1000);

        HttpBody streamed = HttpBody.multipart()
                .file("f", new ByteArrayInputStream(new byte[10]), "x.bin", "application/octet-stream")
                .build();
        assertThat(streamed.repeatable()).isFalse();
        assertThat(streamed.length()).isEqualTo(-1);
    }

    @Test
    void multipartRejectsHeaderInjectionThroughThePartContentType() {
        assertThatThrownBy(() -> HttpBody.multipart().part("p", new byte[0], "text/plain\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formBodyEncodesEveryReservedCharacter() {
        HttpBody form = HttpBody.form(Map.of("a=b&c", "1 2+3%"));
        assertThat(form.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form.length()).isEqualTo("a%3Db%26c=1%202%2B3%25".length());
    }

    @Test
    void configRequiresAnAbsoluteHttpBaseUri() {
        assertThatThrownBy(() -> HttpConfig.builder().baseUri(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpConfig.builder().baseUri(URI.create("ftp://example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpConfig.builder().build()).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> HttpConfig.builder().defaultHeader("X-A", "b\nc"))
                .isInstanceOf(IllegalArgumentException.class);
        HttpConfig config =
                HttpConfig.builder().baseUri("https://api.example.com/v1").build();
        assertThat(config.retry().maxAttempts()).isEqualTo(3);
        assertThat(config.toBuilder().userAgent("x").build().baseUri()).isEqualTo(config.baseUri());
    }
}
