package autosdk.runtime;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one paged list operation goes from a response to the request for its next page: how a response is decoded, which
 * items it
 * holds and where the next page starts (a cursor, a next-page URL, an offset or a page number). Generated clients
 * build one per paged operation and hand it to {@link Page}.
 *
 * @param <R> the decoded response body
 * @param <T> one item
 */
public final class HttpPaging<R, T> {

    private enum Kind {
        CURSOR,
        LAST_ITEM_CURSOR,
        NEXT_URL,
        OFFSET,
        PAGE
    }

    private final HttpResponseDecoder<R> decoder;
    private final Kind kind;
    private final String param;
    private final long start;
    private final Function<R, List<T>> items;
    private final Function<R, ?> next;
    private final Function<T, ?> itemCursor;
    private final Function<R, Boolean> hasMore;

    private HttpPaging(
            HttpResponseDecoder<R> decoder,
            Kind kind,
            String param,
            long start,
            Function<R, List<T>> items,
            Function<R, ?> next,
            Function<T, ?> itemCursor,
            Function<R, Boolean> hasMore) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.kind = kind;
        this.param = param;
        this.start = start;
        this.items = Objects.requireNonNull(items, "items");
        this.next = next;
        this.itemCursor = itemCursor;
        this.hasMore = hasMore;
    }

    /** The response's {@code next} value goes into the query parameter {@code param}; {@code hasMore} may be null. */
    public static <R, T> HttpPaging<R, T> cursor(
            HttpResponseDecoder<R> decoder,
            String param,
            Function<R, List<T>> items,
            Function<R, ?> next,
            Function<R, Boolean> hasMore) {
        return new HttpPaging<>(
                decoder, Kind.CURSOR, param, 0, items, Objects.requireNonNull(next, "next"), null, hasMore);
    }

    /**
     * A property of the last item ({@code id}) goes into {@code param} ({@code after}) while {@code hasMore} says so.
     */
    public static <R, T> HttpPaging<R, T> lastItemCursor(
            HttpResponseDecoder<R> decoder,
            String param,
            Function<R, List<T>> items,
            Function<T, ?> cursor,
            Function<R, Boolean> hasMore) {
        return new HttpPaging<>(
                decoder,
                Kind.LAST_ITEM_CURSOR,
                param,
                0,
                items,
                null,
                Objects.requireNonNull(cursor, "cursor"),
                hasMore);
    }

    /** The response holds the next page's URL (absolute, or relative to the current request). */
    public static <R, T> HttpPaging<R, T> nextUrl(
            HttpResponseDecoder<R> decoder,
            Function<R, List<T>> items,
            Function<R, String> next,
            Function<R, Boolean> hasMore) {
        return new HttpPaging<>(
                decoder, Kind.NEXT_URL, null, 0, items, Objects.requireNonNull(next, "next"), null, hasMore);
    }

    /** The query parameter {@code param} counts items from {@code start} and advances by the items received. */
    public static <R, T> HttpPaging<R, T> offset(
            HttpResponseDecoder<R> decoder,
            String param,
            long start,
            Function<R, List<T>> items,
            Function<R, Boolean> hasMore) {
        return new HttpPaging<>(decoder, Kind.OFFSET, param, start, items, null, null, hasMore);
    }

    /** The query parameter {@code param} numbers pages from {@code start} and advances by one. */
    public static <R, T> HttpPaging<R, T> pageNumber(
            HttpResponseDecoder<R> decoder,
            String param,
            long start,
            Function<R, List<T>> items,
            Function<R, Boolean> hasMore) {
        return new HttpPaging<>(decoder, Kind.PAGE, param, start, items, null, null, hasMore);
    }

    /** Reads one page's response body. */
    HttpResponseDecoder<R> decoder() {
        return decoder;
    }

    /** The items of a response (empty, never null, when the response has none). */
    List<T> items(R response) {
        List<T> list = response == null ? null : items.apply(response);
        return list == null ? List.of() : list;
    }

    /**
     * The first request: an offset or page number the caller left out is sent as the start value, so counting is
     * explicit.
     */
    HttpRequestSpec first(HttpRequestSpec request) {
        boolean counted = kind == Kind.OFFSET || kind == Kind.PAGE;
        return counted && request.queryParamValue(param) == null ? request.withQueryParam(param, start) : request;
    }

    /**
     * Where the page after {@code response} starts, or null when there is none: the value put into the request
     * (cursor, URL, offset or page number), also what {@link Page} compares to detect a server going in circles.
     */
    Object nextToken(HttpRequestSpec current, R response, List<T> pageItems) {
        if (response == null) return null;
        if (hasMore != null && Boolean.FALSE.equals(hasMore.apply(response))) return null;
        switch (kind) {
            case CURSOR, NEXT_URL -> {
                Object token = next.apply(response);
                return token == null || (token instanceof String s && s.isBlank()) ? null : token;
            }
            case LAST_ITEM_CURSOR -> {
                // has_more (checked above) ends the list; without it, the first empty page does.
                if (pageItems.isEmpty()) return null;
                T last = pageItems.get(pageItems.size() - 1);
                return last == null ? null : itemCursor.apply(last);
            }
            default -> {
                if (pageItems.isEmpty()) return null;
                long now = current(current);
                return kind == Kind.OFFSET ? now + pageItems.size() : now + 1;
            }
        }
    }

    /** Offset and page paging always move on, so their guard is the page's content, not the token. */
    boolean tokensRepeatable() {
        return kind == Kind.OFFSET || kind == Kind.PAGE;
    }

    private long current(HttpRequestSpec request) {
        String value = request.queryParamValue(param);
        if (value == null) return start;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "the " + param + " parameter '" + value + "' is not a number; cannot compute the next page");
        }
    }

    /**
     * The request for the page at {@code token}; {@code base} is the client's base URL, against which next-page URLs
     * resolve.
     */
    HttpRequestSpec request(HttpRequestSpec current, Object token, URI base) {
        if (kind != Kind.NEXT_URL) return current.withQueryParam(param, token);
        String baseText = base.toString().endsWith("/")
                ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        URI here = URI.create(baseText + current.path());
        URI target;
        try {
            target = here.resolve(token.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the next-page URL is not a valid URL: " + e.getMessage());
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String targetPath = target.getRawPath() == null ? "" : target.getRawPath();
        // Credentials go only where the client is configured to send them: the next page must stay under the base URL.
        if (!sameOrigin(base, target) || !targetPath.startsWith(basePath)) {
            throw new IllegalStateException("the next-page URL " + HttpConfig.withoutUserInfo(target)
                    + " leaves the client's base URL " + HttpConfig.withoutUserInfo(base)
                    + "; not followed, so credentials are never sent elsewhere");
        }
        String path = targetPath.substring(basePath.length());
        return current.withTarget(path.isEmpty() ? "/" : path, target.getRawQuery());
    }

    /** What the token is, for messages: {@code cursor 'after'}, {@code next-page URL}. */
    String describe() {
        return switch (kind) {
            case CURSOR, LAST_ITEM_CURSOR -> "cursor (query parameter '" + param + "')";
            case NEXT_URL -> "next-page URL";
            case OFFSET -> "offset (query parameter '" + param + "')";
            case PAGE -> "page number (query parameter '" + param + "')";
        };
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost()
                        .toLowerCase(Locale.ROOT)
                        .equals(b.getHost() == null ? null : b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
