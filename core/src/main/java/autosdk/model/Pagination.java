package autosdk.model;

import java.util.List;

/**
 * How a list operation pages, decided from its parameters and response schema (or a pagination extension):
 * where the items of a page are, and how the request for the next page is made from the current response.
 *
 * @param kind        the pattern
 * @param response    the success body type this was read from (a generator pages only when it decodes that type)
 * @param items       property path from the response to the items array; empty when the response is the array
 * @param itemType    the type of one item
 * @param param       the query parameter that carries the cursor, offset or page number; null for {@link Kind#NEXT_URL}
 * @param next        property path to the next cursor ({@link Kind#CURSOR}) or next-page URL ({@link Kind#NEXT_URL});
 *                    empty when the cursor is a property of the last item ({@code nextItemField})
 * @param nextItemField the property of the last item whose value is the next cursor (OpenAI's {@code after} without
 *                    {@code last_id}), or null
 * @param hasMore     property path to a boolean that says whether another page exists; empty when there is none
 * @param start       the first offset or page number, used when the caller leaves the parameter out; null otherwise
 * @param source      what the decision came from: {@code "conventions"} or the extension's name, for messages
 */
public record Pagination(
        Kind kind,
        TypeRef response,
        List<String> items,
        TypeRef itemType,
        String param,
        List<String> next,
        String nextItemField,
        List<String> hasMore,
        Long start,
        String source) {

    /** The common patterns of paged list operations. */
    public enum Kind {
        /**
         * An opaque cursor from the response goes into a request parameter ({@code cursor}, {@code after}, page
         * tokens).
         */
        CURSOR,
        /** The response holds the URL of the next page. */
        NEXT_URL,
        /** A numeric offset parameter advances by the number of items received. */
        OFFSET,
        /** A page-number parameter advances by one. */
        PAGE
    }

    public Pagination {
        items = List.copyOf(items);
        next = List.copyOf(next);
        hasMore = List.copyOf(hasMore);
    }

    /** One line for verbose output: {@code cursor 'after' <- last_id (has_more), items data}. */
    public String describe() {
        String itemsText = items.isEmpty() ? "the response itself" : String.join(".", items);
        String how = switch (kind) {
            case CURSOR ->
                "cursor '" + param + "' <- "
                        + (nextItemField != null ? "last item's " + nextItemField : String.join(".", next));
            case NEXT_URL -> "next-page URL " + String.join(".", next);
            case OFFSET -> "offset '" + param + "' (from " + start + ")";
            case PAGE -> "page number '" + param + "' (from " + start + ")";
        };
        return how + (hasMore.isEmpty() ? "" : ", while " + String.join(".", hasMore)) + "; items " + itemsText + " ("
                + source + ")";
    }
}
