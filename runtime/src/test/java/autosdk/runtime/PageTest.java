package autosdk.runtime;

import static autosdk.runtime.HttpTestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Page} against a local server whose bodies are {@code items|next} text: where paging ends, and the guards
 * against servers that go in circles or point elsewhere. (Generated clients are driven in core's PagingEndToEndTest.)
 */
class PageTest {
    HttpTestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new HttpTestServer();
        server.route("/same", exchange -> respond(exchange, 200, "text/plain", "a,b|"));
        server.route(
                "/elsewhere",
                exchange -> respond(exchange, 200, "text/plain", "a|http://example.com/v1/elsewhere?p=2"));
        server.route("/empty", exchange -> {
            String q = exchange.getRequestURI().getRawQuery();
            int n = q == null ? 0 : Integer.parseInt(q.substring(q.indexOf('=') + 1));
            respond(exchange, 200, "text/plain", "|c" + (n + 1));
        });
        server.route(
                "/two",
                exchange -> respond(
                        exchange, 200, "text/plain", exchange.getRequestURI().getRawQuery() == null ? "a|c1" : "b|"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpExecutor executor() {
        return new HttpExecutor(HttpConfig.builder().baseUri(server.uri()).build(), JdkHttpTransport::new);
    }

    private static List<String> items(String body) {
        String list = body.substring(0, body.indexOf('|'));
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    private static String next(String body) {
        return body.substring(body.indexOf('|') + 1);
    }

    private static HttpRequestSpec get(String path) {
        return HttpRequestSpec.builder("GET", path).build();
    }

    @Test
    void anOffsetAnsweredWithTheSamePageStops() {
        HttpPaging<String, String> paging =
                HttpPaging.offset(HttpResponseDecoder.string(), "offset", 0, PageTest::items, null);
        Page<String> first = Page.first(executor(), get("/same"), paging);
        assertThat(first.items()).containsExactly("a", "b");
        assertThatThrownBy(first::nextPage)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GET /same: the server answered the offset (query parameter 'offset') 2 with the same "
                        + "items as the page before; stopping instead of paging forever");
        assertThat(server.received)
                .extracting(HttpTestServer.Received::rawQuery)
                .containsExactly("offset=0", "offset=2");
    }

    @Test
    void aNextUrlOnAnotherHostIsNotFollowed() {
        HttpPaging<String, String> paging =
                HttpPaging.nextUrl(HttpResponseDecoder.string(), PageTest::items, PageTest::next, null);
        Page<String> first = Page.first(executor(), get("/elsewhere"), paging);
        assertThat(first.items()).containsExactly("a");
        assertThat(first.hasNextPage()).isTrue();
        assertThatThrownBy(first::nextPage)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "the next-page URL http://example.com/v1/elsewhere?p=2 leaves the client's base URL "
                                + "http://127.0.0.1:");
        assertThat(server.hits.get()).isEqualTo(1);
    }

    @Test
    void emptyPagesInARowAreBounded() {
        HttpPaging<String, String> paging = HttpPaging.cursor(
                HttpResponseDecoder.string(),
                "c",
                PageTest::items,
                body -> next(body).substring(1),
                null);
        Page<String> first = Page.first(executor(), get("/empty"), paging);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> first.autoPager().forEach(seen::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GET /empty: the server sent " + Page.MAX_EMPTY_PAGES
                        + " empty pages in a row, each pointing to another; " + "stopping instead of paging forever");
        assertThat(seen).isEmpty();
        assertThat(server.hits.get()).isEqualTo(Page.MAX_EMPTY_PAGES);
    }

    @Test
    void theLastPageHasNoNextAndAsyncSaysSo() throws Exception {
        HttpPaging<String, String> paging =
                HttpPaging.cursor(HttpResponseDecoder.string(), "c", PageTest::items, PageTest::next, null);
        Page<String> first = Page.firstAsync(executor(), get("/two"), paging).get(120, TimeUnit.SECONDS);
        Page<String> last = first.nextPageAsync().get(120, TimeUnit.SECONDS);
        assertThat(List.of(first.items(), last.items())).containsExactly(List.of("a"), List.of("b"));
        assertThat(last.hasNextPage()).isFalse();
        assertThatThrownBy(last::nextPage).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> last.nextPageAsync().get(120, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoSuchElementException.class);
        assertThat(first.stream().toList()).containsExactly("a", "b");
        assertThat(server.received)
                .extracting(HttpTestServer.Received::rawQuery)
                .containsExactly(null, "c=c1", "c=c1");
    }
}
