package autosdk.runtime;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a paged list operation: its items, and the way to the next page. {@link #autoPager()} and
 * {@link #stream()} go through every item of this and the following pages, fetching each page only when the
 * previous one is used up; {@link #nextPageAsync()} fetches the next page without blocking.
 *
 * <p>Paging ends when the server says so (no next cursor or URL, {@code has_more: false}) or, for offset and page
 * numbers, at the first empty page. A server that goes in circles does not make it loop forever: a cursor or URL
 * that comes back a second time, an offset or page number answered with the same items as the page before, or
 * {@value #MAX_EMPTY_PAGES} empty pages in a row end it with an {@link IllegalStateException} saying so, as does a
 * next-page URL outside the client's base URL (credentials are never sent elsewhere). The exception comes from the
 * {@code nextPage} that would follow the bad link; the page that carried it is returned with its items.
 *
 * <p>A page is immutable; asking a page for its next page twice sends the request twice.
 *
 * @param <T> one item of the list
 */
public final class Page<T> {

    /** Empty pages in a row after which paging stops with an exception (a server must not keep us busy forever). */
    public static final int MAX_EMPTY_PAGES = 100;

    private final List<T> items;
    private final Next<?, T> next;

    private Page(List<T> items, Next<?, T> next) {
        this.items = List.copyOf(items.stream().filter(Objects::nonNull).toList());
        this.next = next;
    }

    /** Fetches the first page (blocking); the generated {@code …Paged} methods call this. */
    public static <R, T> Page<T> first(HttpExecutor executor, HttpRequestSpec request, HttpPaging<R, T> paging) {
        Chain<R, T> chain = new Chain<>(executor, paging.decoder(), paging);
        HttpResponseDecoder<R> decoder = chain.decoder;
        HttpRequestSpec first = paging.first(request);
        return chain.page(first, executor.execute(first, decoder), null);
    }

    /** Fetches the first page without blocking. */
    public static <R, T> CompletableFuture<Page<T>> firstAsync(
            HttpExecutor executor, HttpRequestSpec request, HttpPaging<R, T> paging) {
        Chain<R, T> chain = new Chain<>(executor, paging.decoder(), paging);
        HttpResponseDecoder<R> decoder = chain.decoder;
        HttpRequestSpec first;
        try {
            first = paging.first(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return executor.executeAsync(first, decoder).thenApply(response -> chain.page(first, response, null));
    }

    /** The items of this page (without JSON {@code null}s), in the server's order. */
    public List<T> items() {
        return items;
    }

    /** Whether the server said there is a page after this one. */
    public boolean hasNextPage() {
        return next.exists();
    }

    /**
     * Fetches the next page (blocking).
     *
     * @throws NoSuchElementException when there is none ({@link #hasNextPage()} is false)
     * @throws IllegalStateException  when the server goes in circles or points outside the base URL (see the class
     * comment)
     */
    public Page<T> nextPage() {
        if (!hasNextPage()) throw new NoSuchElementException("this is the last page");
        return next.fetch();
    }

    /**
     * Fetches the next page without blocking; the future fails with {@link NoSuchElementException} when there is none.
     */
    public CompletableFuture<Page<T>> nextPageAsync() {
        if (!hasNextPage()) return CompletableFuture.failedFuture(new NoSuchElementException("this is the last page"));
        return next.fetchAsync();
    }

    /**
     * Every item of this page and the pages after it; each iterator starts at this page and fetches the next page
     * (blocking) only when it has handed out the items before.
     */
    public Iterable<T> autoPager() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                // Bounded: each turn fetches one page, and Chain stops a server that repeats itself or sends only empty
                // pages.
                while (index >= page.items.size()) {
                    if (!page.hasNextPage()) return false;
                    page = page.nextPage();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.items.get(index++);
            }
        };
    }

    /** {@link #autoPager()} as a sequential stream, fetching lazily as it is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(autoPager().spliterator(), false);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items" + (hasNextPage() ? ", more" : ", last") + "]";
    }

    /**
     * What fetches the page after one page: the page's own request, the token of the next page (null at the end), the
     * tokens followed before (cursor and URL paging only, to detect circles; items of earlier pages are not kept),
     * the page's items (for the next page's comparison) and, when the server is going in circles, the problem that
     * {@link #nextPage()} reports (the page itself is still good).
     */
    private static final class Next<R, T> {
        final Chain<R, T> chain;
        final HttpRequestSpec current;
        final Object token;
        final Seen history;
        final List<T> items;
        final int emptyRun;
        final String problem;

        Next(
                Chain<R, T> chain,
                HttpRequestSpec current,
                Object token,
                Seen history,
                List<T> items,
                int emptyRun,
                String problem) {
            this.chain = chain;
            this.current = current;
            this.token = token;
            this.history = history;
            this.items = items;
            this.emptyRun = emptyRun;
            this.problem = problem;
        }

        boolean exists() {
            return token != null;
        }

        private HttpRequestSpec request() {
            if (problem != null) throw new IllegalStateException(problem);
            return chain.paging.request(current, token, chain.executor.config().baseUri());
        }

        Page<T> fetch() {
            HttpRequestSpec request = request();
            return chain.page(request, chain.executor.execute(request, chain.decoder), this);
        }

        CompletableFuture<Page<T>> fetchAsync() {
            HttpRequestSpec request;
            try {
                request = request();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return chain.executor
                    .executeAsync(request, chain.decoder)
                    .thenApply(response -> chain.page(request, response, this));
        }
    }

    /** The cursors or URLs followed so far, newest first. */
    private record Seen(Object token, Seen previous) {}

    /** What every page of one list shares: how to send, decode and go on. */
    private static final class Chain<R, T> {
        final HttpExecutor executor;
        final HttpResponseDecoder<R> decoder;
        final HttpPaging<R, T> paging;

        Chain(HttpExecutor executor, HttpResponseDecoder<R> decoder, HttpPaging<R, T> paging) {
            this.executor = executor;
            this.decoder = decoder;
            this.paging = paging;
        }

        /**
         * The page for {@code response} to {@code request}; {@code from} is the previous page's link (null for the
         * first).
         */
        Page<T> page(HttpRequestSpec request, R response, Next<R, T> from) {
            List<T> items = paging.items(response);
            String where = request.method() + " " + request.pathTemplate();
            if (from != null && paging.tokensRepeatable() && !items.isEmpty() && items.equals(from.items)) {
                throw new IllegalStateException(where + ": the server answered the " + paging.describe() + " "
                        + from.token + " with the same items as the page before; stopping instead of paging forever");
            }
            int emptyRun = items.isEmpty() ? (from == null ? 0 : from.emptyRun) + 1 : 0;
            Seen history =
                    from == null ? null : paging.tokensRepeatable() ? from.history : new Seen(from.token, from.history);
            Object token = paging.nextToken(request, response, items);
            String problem = null;
            for (Seen seen = history; token != null && seen != null; seen = seen.previous()) {
                if (token.equals(seen.token())) {
                    problem = where + ": the server sent the " + paging.describe() + " " + shown(token)
                            + " a second time; stopping instead of paging forever";
                    break;
                }
            }
            if (token != null && emptyRun >= MAX_EMPTY_PAGES) {
                problem = where + ": the server sent " + emptyRun
                        + " empty pages in a row, each pointing to another; stopping " + "instead of paging forever";
            }
            return new Page<>(items, new Next<>(this, request, token, history, items, emptyRun, problem));
        }

        private static String shown(Object token) {
            String text = String.valueOf(token);
            return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
        }
    }
}
