package autosdk.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates {@code fixtures/rest/paging.yaml} (one list operation per paging pattern), compiles it with
 * {@code PagingDriver} and pages through a local server holding five items, two per page: the items arrive in
 * order, each request carries the cursor, URL, offset or page number the pattern says, and a server that repeats
 * its cursor ends in an exception instead of an endless loop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingEndToEndTest {
    private static final List<String> ITEMS = List.of("i1", "i2", "i3", "i4", "i5");
    private static final int SIZE = 2;

    /** Path and query of every request, in order. */
    private final List<String> wire = new CopyOnWriteArrayList<>();

    private LocalHttpServer server;
    private RestSdk sdk;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        sdk = RestSdk.build(
                Path.of("src/test/resources/fixtures/rest/paging.yaml").toAbsolutePath(),
                "com.example.paging",
                "fixtures/rest/PagingDriver.java",
                dir);
        server = LocalHttpServer.start(this::handle);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @BeforeEach
    void clear() {
        wire.clear();
    }

    @Test
    void openAiStyleSendsLastIdAsAfterWhileHasMore() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "items")).isEqualTo("i1,i2,i3,i4,i5");
        assertThat(wire).containsExactly("/v1/items", "/v1/items?after=i2", "/v1/items?after=i4");
    }

    @Test
    void withoutLastIdTheCursorIsTheLastItemsId() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "events")).isEqualTo("i1,i2,i3,i4,i5");
        assertThat(wire).containsExactly("/v1/events", "/v1/events?after=i2", "/v1/events?after=i4");
    }

    @Test
    void aNextCursorGoesIntoTheCursorParameter() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "dubs")).isEqualTo("i1,i2,i3,i4,i5");
        assertThat(wire).containsExactly("/v1/dubs", "/v1/dubs?cursor=c2", "/v1/dubs?cursor=c4");
    }

    @Test
    void aNextUrlIsFollowedUnderTheBaseUrl() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "links")).isEqualTo("i1,i2,i3,i4,i5");
        // The server answers with an absolute URL, then a relative one: both resolve against the API.
        assertThat(wire).containsExactly("/v1/links", "/v1/links?from=2&x=a%20b", "/v1/links?from=4");
    }

    @Test
    void anOffsetAdvancesByTheItemsReceivedAndKeepsTheLimit() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "orders")).isEqualTo("i1,i2,i3,i4,i5");
        // Ends at the first empty page; the caller's limit stays on every request.
        assertThat(wire)
                .containsExactly(
                        "/v1/orders?limit=2&offset=0",
                        "/v1/orders?limit=2&offset=2",
                        "/v1/orders?limit=2&offset=4",
                        "/v1/orders?limit=2&offset=5");
    }

    @Test
    void aPageNumberAdvancesByOneWhileHasMore() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "voices")).isEqualTo("i1,i2,i3,i4,i5");
        assertThat(wire).containsExactly("/v1/voices?page=1", "/v1/voices?page=2", "/v1/voices?page=3");
    }

    @Test
    void anExtensionNamesANestedCursor() throws Throwable {
        assertThat(sdk.call("autoPager", server.port(), "tags")).isEqualTo("i1,i2,i3,i4,i5");
        assertThat(wire).containsExactly("/v1/tags", "/v1/tags?since=t2", "/v1/tags?since=t4");
    }

    @Test
    void pagesFetchLazilyAndACallerSetCursorIsTheStart() throws Throwable {
        assertThat(sdk.call("pagesAndStream", server.port())).isEqualTo("i1,i2|i3,i4|true|i3,i4,i5");
        assertThat(wire).containsExactly("/v1/items", "/v1/items?after=i2", "/v1/items?after=i2", "/v1/items?after=i4");
    }

    @Test
    void asyncPagesFetchTheNextPageAsynchronously() throws Throwable {
        assertThat(sdk.call("async", server.port())).isEqualTo("i1,i2|i3,i4|i5|last");
        assertThat(wire).containsExactly("/v1/dubs", "/v1/dubs?cursor=c2", "/v1/dubs?cursor=c4");
    }

    @Test
    void aRepeatedCursorStopsWithAClearException() {
        assertThatThrownBy(() -> sdk.call("autoPager", server.port(), "loop"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GET /loop: the server sent the cursor (query parameter 'cursor') 'same' a second time; "
                        + "stopping instead of paging forever");
        assertThat(wire).containsExactly("/v1/loop", "/v1/loop?cursor=same");
    }

    @Test
    void theRawMethodStillReturnsTheResponseModel() throws Throwable {
        assertThat(sdk.call("raw", server.port())).isEqualTo("i2");
    }

    @Test
    void aListThatMatchesNoPatternGetsNoPagedMethodAndAReason() {
        String client = sdk.file("PagingApiClient.java");
        assertThat(client).contains("listModels(").doesNotContain("listModelsPaged");
        assertThat(sdk.result().details())
                .extracting(Object::toString)
                .anySatisfy(d -> assertThat(d)
                        .contains("note: operation 'listModels' (GET /models) looks like a list but "
                                + "gets no paged method: its response has an "
                                + "array (data) but the operation has no cursor, offset or "
                                + "page parameter and no next-page URL"));
    }

    // ---- the server ---------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        wire.add(raw);
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String path = exchange.getRequestURI().getPath();
        String body = switch (path) {
            case "/v1/items" -> {
                int from = q.containsKey("after") ? ITEMS.indexOf(q.get("after")) + 1 : 0;
                List<String> page = slice(from, SIZE);
                yield "{\"object\":\"list\",\"data\":" + items(page) + ",\"first_id\":\"" + page.get(0)
                        + "\",\"last_id\":\"" + page.get(page.size() - 1) + "\",\"has_more\":"
                        + (from + SIZE < ITEMS.size()) + "}";
            }
            case "/v1/events" -> {
                int from = q.containsKey("after") ? ITEMS.indexOf(q.get("after")) + 1 : 0;
                yield "{\"data\":" + items(slice(from, SIZE)) + ",\"has_more\":" + (from + SIZE < ITEMS.size()) + "}";
            }
            case "/v1/dubs", "/v1/tags" -> {
                boolean dubs = path.equals("/v1/dubs");
                String cursor = q.get(dubs ? "cursor" : "since");
                int from = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
                boolean more = from + SIZE < ITEMS.size();
                String next = more ? "\"" + (dubs ? "c" : "t") + (from + SIZE) + "\"" : "null";
                yield dubs
                        ? "{\"dubs\":" + items(slice(from, SIZE)) + ",\"next_cursor\":" + next + ",\"has_more\":" + more
                                + "}"
                        : "{\"tags\":" + items(slice(from, SIZE)) + ",\"meta\":{\"following\":" + next + "}}";
            }
            case "/v1/links" -> {
                int from = q.containsKey("from") ? Integer.parseInt(q.get("from")) : 0;
                String next = from == 0
                        ? "\"http://127.0.0.1:" + server.port() + "/v1/links?from=2&x=a%20b\""
                        : from == 2 ? "\"links?from=4\"" : "null";
                yield "{\"results\":" + items(slice(from, SIZE)) + ",\"next\":" + next + "}";
            }
            case "/v1/orders" ->
                "{\"orders\":" + items(slice(Integer.parseInt(q.get("offset")), Integer.parseInt(q.get("limit"))))
                        + "}";
            case "/v1/voices" -> {
                int page = Integer.parseInt(q.get("page"));
                int from = (page - 1) * SIZE;
                yield "{\"voices\":" + items(slice(from, SIZE)) + ",\"has_more\":" + (from + SIZE < ITEMS.size()) + "}";
            }
            case "/v1/loop" -> "{\"items\":" + items(slice(0, SIZE)) + ",\"next_cursor\":\"same\"}";
            default -> "{\"data\":[]}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> slice(int from, int size) {
        return ITEMS.subList(Math.min(from, ITEMS.size()), Math.min(from + size, ITEMS.size()));
    }

    private static String items(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) out.add("{\"id\":\"" + id + "\"}");
        return "[" + String.join(",", out) + "]";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
