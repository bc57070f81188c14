package autosdk.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The headers of a response, whichever transport received them: names compare case-insensitively, values keep
 * their order. Its methods are those of the JDK HTTP client's headers ({@code firstValue}, {@code allValues},
 * {@code map}), so code reading them is the same on every transport; this class exists because an SDK generated for
 * OkHttp (Android) may not name any type of the JDK's HTTP client.
 */
public final class HttpHeaders {

    /** No headers (for failures that never got a response). */
    public static final HttpHeaders EMPTY = new HttpHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> map;

    // The TreeMap type says what both callers pass: a map ordered by String.CASE_INSENSITIVE_ORDER.
    @SuppressWarnings("NonApiType")
    private HttpHeaders(TreeMap<String, List<String>> map) {
        this.map = Collections.unmodifiableMap(map);
    }

    /**
     * Headers from name to values (names compared case-insensitively; values of names equal but for case are joined).
     */
    public static HttpHeaders of(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            Objects.requireNonNull(name, "header name");
            List<String> all = new ArrayList<>(copy.getOrDefault(name, List.of()));
            for (String v : values) {
                all.add(Objects.requireNonNull(v, "header value"));
            }
            copy.put(name, List.copyOf(all));
        });
        return new HttpHeaders(copy);
    }

    /** The first value of the header, if present. */
    public Optional<String> firstValue(String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value as a number ({@link NumberFormatException} if it is not one), if present. */
    public OptionalLong firstValueAsLong(String name) {
        Optional<String> value = firstValue(name);
        return value.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(value.get().trim()));
    }

    /** Every value of the header, in order (empty if absent). */
    public List<String> allValues(String name) {
        return map.getOrDefault(name, List.of());
    }

    /** All headers: a case-insensitive, unmodifiable map from name to values. */
    public Map<String, List<String>> map() {
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders h && map.equals(h.map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
