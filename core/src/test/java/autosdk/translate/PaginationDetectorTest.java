package autosdk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.diag.Diagnostic;
import autosdk.diag.Diagnostics;
import autosdk.model.ApiModel;
import autosdk.model.Operation;
import autosdk.model.Pagination;
import autosdk.read.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small inline spec per rule of {@link PaginationDetector}: what pages how, and why a list-looking operation does
 * not.
 */
class PaginationDetectorTest {
    @TempDir
    Path dir;

    private static final String ITEM = "{type: object, properties: {id: {type: string}}}";

    /**
     * A spec with one GET /things operation: {@code params} are query parameters (name: schema), {@code props} the
     * response's.
     */
    private String spec(String params, String props, String extension) {
        StringBuilder sb =
                new StringBuilder("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n"
                        + "      operationId: listThings\n");
        if (!params.isBlank()) {
            sb.append("      parameters:\n");
            for (String p : params.split(";")) {
                String[] kv = p.split("=", 2);
                sb.append("        - {name: ")
                        .append(kv[0].trim())
                        .append(", in: query, schema: ")
                        .append(kv[1].trim())
                        .append("}\n");
            }
        }
        if (extension != null) sb.append(extension.indent(6));
        sb.append("      responses:\n        '200':\n          description: ok\n          content:\n            "
                + "application/json:\n"
                + "              schema:\n                type: object\n                properties:\n");
        for (String p : props.split(";")) {
            String[] kv = p.split("=", 2);
            sb.append("                  ")
                    .append(kv[0].trim())
                    .append(": ")
                    .append(kv[1].trim())
                    .append('\n');
        }
        return sb.toString();
    }

    private record Built(Pagination pagination, List<String> notes) {}

    private Built build(String yaml) throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, yaml);
        Diagnostics diagnostics = new Diagnostics();
        ApiModel model = ModelBuilder.build(SpecReader.read(file, diagnostics).orElseThrow(), true, diagnostics);
        assertThat(diagnostics.errors()).isEmpty();
        Operation op = model.operations().get(0);
        List<String> notes = diagnostics.all().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.NOTE)
                .map(Diagnostic::message)
                .toList();
        return new Built(op.pagination(), notes);
    }

    private Pagination paged(String params, String props) throws IOException {
        Built b = build(spec(params, props, null));
        assertThat(b.pagination()).as("pagination; notes: %s", b.notes()).isNotNull();
        assertThat(b.notes())
                .singleElement()
                .asString()
                .contains("pages by " + b.pagination().describe());
        return b.pagination();
    }

    private String refused(String params, String props, String extension) throws IOException {
        Built b = build(spec(params, props, extension));
        assertThat(b.pagination()).isNull();
        assertThat(b.notes()).hasSize(1);
        return b.notes().get(0);
    }

    @Test
    void cursorParameterWithNextCursorField() throws IOException {
        Pagination p = paged(
                "cursor={type: string}; page_size={type: integer}",
                "dubs={type: array, items: " + ITEM
                        + "}; next_cursor={type: string, nullable: true}; has_more={type: boolean}");
        assertThat(p.kind()).isEqualTo(Pagination.Kind.CURSOR);
        assertThat(List.of(p.param(), p.next(), p.items(), p.hasMore()))
                .containsExactly("cursor", List.of("next_cursor"), List.of("dubs"), List.of("has_more"));
    }

    @Test
    void openAiAfterWithLastIdAndHasMore() throws IOException {
        Pagination p = paged(
                "after={type: string}; before={type: string}; limit={type: integer}",
                "data={type: array, items: " + ITEM
                        + "}; first_id={type: string}; last_id={type: string}; has_more={type: boolean}");
        assertThat(List.of(p.kind(), p.param(), p.next(), p.hasMore()))
                .containsExactly(Pagination.Kind.CURSOR, "after", List.of("last_id"), List.of("has_more"));
    }

    @Test
    void openAiAfterWithoutLastIdTakesTheLastItemsId() throws IOException {
        Pagination p = paged(
                "after={type: string}; limit={type: integer}",
                "data={type: array, items: " + ITEM + "}; has_more={type: boolean}");
        assertThat(List.of(p.kind(), p.param(), p.next(), p.nextItemField()))
                .containsExactly(Pagination.Kind.CURSOR, "after", List.of(), "id");
    }

    @Test
    void anAfterParameterTakesTheLastFieldOfTheSameName() throws IOException {
        Pagination p = paged(
                "start_after_history_item_id={type: string}; page_size={type: integer}",
                "history={type: array, items: " + ITEM
                        + "}; last_history_item_id={type: string}; has_more={type: boolean}");
        assertThat(List.of(p.param(), p.next()))
                .containsExactly("start_after_history_item_id", List.of("last_history_item_id"));
    }

    @Test
    void aStringPageParameterIsAPageToken() throws IOException {
        Pagination p = paged(
                "limit={type: integer}; page={type: string}",
                "data={type: array, items: " + ITEM
                        + "}; has_more={type: boolean}; next_page={type: string, nullable: true}");
        assertThat(List.of(p.kind(), p.param(), p.next()))
                .containsExactly(Pagination.Kind.CURSOR, "page", List.of("next_page"));
    }

    @Test
    void aTokenParameterFedByTheFieldOfTheSameName() throws IOException {
        Pagination p = paged(
                "page_size={type: integer}; pagination_token={type: string}",
                "batches={type: array, items: " + ITEM + "}; pagination_token={type: string}");
        assertThat(List.of(p.kind(), p.param(), p.next()))
                .containsExactly(Pagination.Kind.CURSOR, "pagination_token", List.of("pagination_token"));
    }

    @Test
    void aNextUrlInTheResponseOrOneLevelDown() throws IOException {
        Pagination p = paged(
                "", "results={type: array, items: " + ITEM + "}; next={type: string, format: uri, nullable: true}");
        assertThat(List.of(p.kind(), p.next())).containsExactly(Pagination.Kind.NEXT_URL, List.of("next"));
        Pagination nested = paged(
                "",
                "items={type: array, items: " + ITEM + "}; links={type: object, properties: {next: "
                        + "{type: string, description: URL of the next page}}}");
        assertThat(List.of(nested.kind(), nested.next()))
                .containsExactly(Pagination.Kind.NEXT_URL, List.of("links", "next"));
    }

    @Test
    void offsetAndLimit() throws IOException {
        Pagination p =
                paged("offset={type: integer}; limit={type: integer}", "orders={type: array, items: " + ITEM + "}");
        assertThat(List.of(p.kind(), p.param(), p.start())).containsExactly(Pagination.Kind.OFFSET, "offset", 0L);
    }

    @Test
    void pageNumberStartsAtItsDefault() throws IOException {
        Pagination p = paged(
                "page_size={type: integer}; page={type: integer, default: 0}",
                "voices={type: array, items: " + ITEM + "}; has_more={type: boolean}");
        assertThat(List.of(p.kind(), p.param(), p.start(), p.hasMore()))
                .containsExactly(Pagination.Kind.PAGE, "page", 0L, List.of("has_more"));
        assertThat(paged("page={type: integer}", "items={type: array, items: " + ITEM + "}")
                        .start())
                .isEqualTo(1L);
    }

    @Test
    void speakeasyCursorFromTheLastItem() throws IOException {
        Built b = build(spec(
                "since={type: string}",
                "data={type: object, properties: {rows: {type: array, items: " + ITEM + "}}}",
                "x-speakeasy-pagination:\n  type: cursor\n  inputs:\n    - {name: since, in: parameters, "
                        + "type: cursor}\n"
                        + "  outputs:\n    results: $.data.rows\n    nextCursor: $.data.rows[-1].id\n"));
        Pagination p = b.pagination();
        assertThat(List.of(p.kind(), p.param(), p.items(), p.nextItemField(), p.source()))
                .containsExactly(
                        Pagination.Kind.CURSOR, "since", List.of("data", "rows"), "id", "x-speakeasy-pagination");
    }

    @Test
    void speakeasyOffsetLimitByPageAndUrl() throws IOException {
        Pagination page = build(spec(
                        "p={type: integer}",
                        "rows={type: array, items: " + ITEM + "}",
                        "x-speakeasy-pagination:\n  type: offsetLimit\n  inputs:\n    - {name: p, in: "
                                + "parameters, type: page}\n  outputs: {results: $.rows}\n"))
                .pagination();
        assertThat(List.of(page.kind(), page.param(), page.start())).containsExactly(Pagination.Kind.PAGE, "p", 1L);
        Pagination url = build(spec(
                        "",
                        "rows={type: array, items: " + ITEM + "}; more={type: string}",
                        "x-speakeasy-pagination:\n  type: url\n  outputs: {results: $.rows, nextUrl: $.more}\n"))
                .pagination();
        assertThat(List.of(url.kind(), url.next())).containsExactly(Pagination.Kind.NEXT_URL, List.of("more"));
    }

    @Test
    void fernCursorAndOffset() throws IOException {
        Pagination cursor = build(spec(
                        "starting_after={type: string}",
                        "data={type: array, items: " + ITEM + "}; page={type: object, "
                                + "properties: {next: {type: object, properties: {starting_after: {type: string}}}}}",
                        "x-fern-pagination:\n  cursor: $request.starting_after\n  next_cursor: "
                                + "$response.page.next.starting_after\n  results: $response.data\n"))
                .pagination();
        assertThat(List.of(cursor.kind(), cursor.param(), cursor.next(), cursor.source()))
                .containsExactly(
                        Pagination.Kind.CURSOR,
                        "starting_after",
                        List.of("page", "next", "starting_after"),
                        "x-fern-pagination");
        Pagination offset = build(spec(
                        "skip={type: integer}",
                        "results={type: array, items: " + ITEM + "}; more={type: boolean}",
                        "x-fern-pagination:\n  offset: $request.skip\n  results: $response.results\n  "
                                + "has-next-page: $response.more\n"))
                .pagination();
        assertThat(List.of(offset.kind(), offset.param(), offset.hasMore()))
                .containsExactly(Pagination.Kind.OFFSET, "skip", List.of("more"));
    }

    @Test
    void xPaginationInEitherShape() throws IOException {
        Pagination p = build(spec(
                        "c={type: string}",
                        "rows={type: array, items: " + ITEM + "}; n={type: string}",
                        "x-pagination:\n  cursor: $request.c\n  next_cursor: $response.n\n  results: $response.rows\n"))
                .pagination();
        assertThat(List.of(p.kind(), p.param(), p.source()))
                .containsExactly(Pagination.Kind.CURSOR, "c", "x-pagination");
        assertThat(refused(
                        "c={type: string}",
                        "rows={type: array, items: " + ITEM + "}",
                        "x-pagination: {style: cursor}\n"))
                .endsWith("x-pagination has neither the inputs/outputs shape (Speakeasy) nor the results shape (Fern)");
    }

    @Test
    void anExtensionThatPointsNowhereIsRefusedNotGuessed() throws IOException {
        assertThat(refused(
                        "cursor={type: string}",
                        "rows={type: array, items: " + ITEM + "}; next_cursor={type: string}",
                        "x-fern-pagination:\n  cursor: $request.cursor\n  next_cursor: "
                                + "$response.missing\n  results: $response.rows\n"))
                .endsWith(
                        "x-fern-pagination next cursor 'missing' is not a string or integer property of the response");
    }

    @Test
    void refusalsSayWhy() throws IOException {
        assertThat(refused(
                        "limit={type: integer}",
                        "data={type: array, items: " + ITEM + "}; has_more={type: boolean}",
                        null))
                .isEqualTo("operation 'listThings' (GET /things) looks like a list but gets no paged method: "
                        + "size parameter 'limit' but no "
                        + "cursor, offset or page parameter and no next-page URL (the response has "
                        + "has_more but nothing says where the next "
                        + "page starts)");
        assertThat(refused("cursor={type: string}", "data={type: array, items: " + ITEM + "}", null))
                .endsWith("cursor parameter 'cursor' but no response field gives the next cursor");
        assertThat(refused(
                        "page={type: integer}",
                        "agents={type: array, items: " + ITEM + "}; branches={type: array, items: " + ITEM + "}",
                        null))
                .endsWith("its response has several arrays (agents, branches) and none is the one named like "
                        + "items (data, items, results, ...)");
        assertThat(refused(
                        "",
                        "data={type: array, items: " + ITEM
                                + "}; next_page={type: string, description: The token for the next page}",
                        null))
                .endsWith("its response has an array (data) but the operation has no cursor, offset or page "
                        + "parameter and no next-page URL");
        assertThat(refused("offset={type: string}", "data={type: array, items: " + ITEM + "}", null))
                .endsWith("offset parameter 'offset' is not an integer");
    }

    @Test
    void aSingleResourceWithAnArrayIsNoList() throws IOException {
        Built b = build(spec("", "id={type: string}; tools={type: array, items: " + ITEM + "}", null));
        assertThat(b.pagination()).isNull();
        assertThat(b.notes()).isEmpty();
    }
}
