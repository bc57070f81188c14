package autosdk.runtime;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Serializes OpenAPI 3 parameters (path, query, header, cookie) for every {@code style}/{@code explode}
 * pair, percent-encoding each value so that no value can change the structure of the URL.
 *
 * <p>The output follows the "Style Examples" table of OpenAPI 3.1.1/3.2 (which corrected the 3.0.3 table's
 * {@code label}/{@code explode=false} rows to agree with RFC 6570: {@code .blue,black,brown}). Values may be
 * scalars, {@code Collection}s or arrays (OpenAPI arrays), {@code Map<String, ?>} (OpenAPI objects) or
 * {@code Optional}s of those. {@code null} means "not provided": optional query, header and cookie parameters
 * are then omitted, and a path parameter is rejected. An empty collection or map is RFC 6570's "undefined" and
 * is rendered as the table's {@code undefined} column.
 */
public final class HttpParams {

    /** The OpenAPI {@code style} values. */
    public enum Style {
        MATRIX("matrix"),
        LABEL("label"),
        SIMPLE("simple"),
        FORM("form"),
        SPACE_DELIMITED("spaceDelimited"),
        PIPE_DELIMITED("pipeDelimited"),
        DEEP_OBJECT("deepObject");

        private final String openApiName;

        Style(String openApiName) {
            this.openApiName = openApiName;
        }

        /** The name as written in an OpenAPI document. */
        public String openApiName() {
            return openApiName;
        }

        /** Looks a style up by its OpenAPI name, e.g. {@code "deepObject"}. */
        public static Style fromOpenApi(String name) {
            for (Style style : values()) {
                if (style.openApiName.equals(name)) {
                    return style;
                }
            }
            throw new IllegalArgumentException("unknown OpenAPI parameter style: " + name);
        }
    }

    private HttpParams() {}

    /**
     * Serializes a path parameter; the result replaces {@code {name}} in the path template as is.
     * Styles: {@code simple} (default, explode false), {@code label}, {@code matrix}.
     */
    public static String path(String name, Object value, Style style, boolean explode) {
        Object v = normalize(value);
        if (v == null) {
            throw new IllegalArgumentException("path parameter '" + name + "' is required but was null");
        }
        switch (style) {
            case SIMPLE -> {
                String s = String.join(",", items(v, explode, HttpParams::encode));
                // An empty or dot segment would silently address another resource ("/pets/.." is "/").
                if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                    throw new IllegalArgumentException("path parameter '" + name + "' must not be empty, '.' or '..'");
                }
                return s;
            }
            case LABEL -> {
                return "." + String.join(explode ? "." : ",", items(v, explode, HttpParams::encode));
            }
            case MATRIX -> {
                return matrix(encode(name), v, explode);
            }
            default ->
                throw new IllegalArgumentException(
                        "style " + style.openApiName + " is not allowed for path parameter '" + name + "'");
        }
    }

    /**
     * Serializes a query parameter into already-encoded {@code name=value} pairs, to be joined with {@code &}.
     * Styles: {@code form} (default, explode true), {@code spaceDelimited}, {@code pipeDelimited},
     * {@code deepObject}. The delimited styles with explode true (undefined by OpenAPI) repeat the parameter
     * like {@code form}.
     */
    public static List<String> query(String name, Object value, Style style, boolean explode) {
        Object v = normalize(value);
        if (v == null) {
            return List.of();
        }
        String n = encode(name);
        switch (style) {
            case FORM -> {
                return form(n, v, explode);
            }
            case SPACE_DELIMITED, PIPE_DELIMITED -> {
                if (explode || !(v instanceof List || v instanceof Map)) {
                    return form(n, v, explode);
                }
                List<String> items = items(v, false, HttpParams::encode);
                if (items.isEmpty()) {
                    return List.of();
                }
                return List.of(n + "=" + String.join(style == Style.SPACE_DELIMITED ? "%20" : "%7C", items));
            }
            case DEEP_OBJECT -> {
                if (!(v instanceof Map)) {
                    throw new IllegalArgumentException(
                            "deepObject query parameter '" + name + "' needs an object (Map) value");
                }
                List<String> out = new ArrayList<>();
                deepObject(n, (Map<?, ?>) v, out);
                return out;
            }
            default ->
                throw new IllegalArgumentException(
                        "style " + style.openApiName + " is not allowed for query parameter '" + name + "'");
        }
    }

    /**
     * Serializes a header parameter with style {@code simple}; returns {@code null} when there is nothing to send.
     * Header values are not percent-encoded (OpenAPI says so), so control and non-ASCII characters are rejected
     * instead: a CR/LF would otherwise let a value inject another header.
     */
    public static String header(Object value, boolean explode) {
        Object v = normalize(value);
        if (v == null) {
            return null;
        }
        List<String> items = items(v, explode, UnaryOperator.identity());
        if (items.isEmpty()) {
            return null; // an empty list or object: nothing meaningful to send
        }
        return requireHeaderValue(String.join(",", items));
    }

    /**
     * Serializes a cookie parameter with style {@code form} into {@code name=value} pairs, each one cookie of
     * the {@code Cookie} header (joined with {@code "; "}, never {@code &}). Values and exploded object keys are
     * percent-encoded so that {@code ;}, {@code ,}, spaces and quotes cannot split or forge cookies.
     */
    public static List<String> cookie(String name, Object value, boolean explode) {
        Object v = normalize(value);
        if (v == null) {
            return List.of();
        }
        return form(encode(name), v, explode);
    }

    /** Percent-encodes a string per RFC 3986 (see {@link PercentEncoding}): only unreserved characters pass raw. */
    public static String encode(String s) {
        return PercentEncoding.encode(s);
    }

    /** A scalar's wire text: the text its JSON form has ({@link Json#text}), the same for every kind of parameter. */
    public static String toText(Object scalar) {
        return Json.text(scalar);
    }

    /** Rejects a header value with control or non-ASCII characters (the message never repeats the value). */
    public static String requireHeaderValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7F) {
                throw new IllegalArgumentException(
                        "header value contains a control or non-ASCII character at index " + i);
            }
        }
        return value;
    }

    /** Rejects a header name that is not an RFC 9110 token. */
    public static String requireHeaderName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                throw new IllegalArgumentException("invalid header name: " + name.replaceAll("[^\\x21-\\x7E]", "?"));
            }
        }
        return name;
    }

    /** Unwraps Optionals and turns arrays/collections into lists and maps into ordered maps, dropping nulls. */
    static Object normalize(Object value) {
        if (value instanceof Optional) {
            return normalize(((Optional<?>) value).orElse(null));
        }
        if (value instanceof byte[]) {
            return value; // OpenAPI's format byte/binary: one base64 scalar, not an array of numbers
        }
        if (value instanceof Object[] array) {
            return normalize(Arrays.asList(array));
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        if (value instanceof Collection) {
            List<Object> list = new ArrayList<>();
            for (Object item : (Collection<?>) value) {
                if (item != null) {
                    list.add(item);
                }
            }
            return list;
        }
        if (value instanceof Map) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                Object item = normalize(e.getValue());
                if (item != null) {
                    map.put(String.valueOf(e.getKey()), item);
                }
            }
            return map;
        }
        return value;
    }

    /**
     * The encoded pieces of a value: a scalar is one piece, a list one piece per item, an object
     * {@code k,v,k,v} (explode false) or {@code k=v} pieces (explode true).
     */
    private static List<String> items(Object v, boolean explode, UnaryOperator<String> enc) {
        List<String> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object item : (List<?>) v) {
                out.add(enc.apply(toText(item)));
            }
        } else if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                String k = enc.apply(String.valueOf(e.getKey()));
                String val = enc.apply(toText(e.getValue()));
                if (explode) {
                    out.add(k + "=" + val);
                } else {
                    out.add(k);
                    out.add(val);
                }
            }
        } else {
            out.add(enc.apply(toText(v)));
        }
        return out;
    }

    private static String matrix(String n, Object v, boolean explode) {
        // RFC 6570 ';' operator: an empty value renders as ";name" without '='.
        if (v instanceof List && explode) {
            StringBuilder sb = new StringBuilder();
            for (String item : items(v, false, HttpParams::encode)) {
                sb.append(';').append(n).append(item.isEmpty() ? "" : "=" + item);
            }
            return sb.length() == 0 ? ";" + n : sb.toString();
        }
        if (v instanceof Map && explode) {
            List<String> items = items(v, true, HttpParams::encode);
            return items.isEmpty() ? ";" + n : ";" + String.join(";", items);
        }
        String joined = String.join(",", items(v, false, HttpParams::encode));
        return joined.isEmpty() ? ";" + n : ";" + n + "=" + joined;
    }

    private static List<String> form(String n, Object v, boolean explode) {
        List<String> out = new ArrayList<>();
        if (v instanceof List && explode) {
            for (String item : items(v, false, HttpParams::encode)) {
                out.add(n + "=" + item);
            }
        } else if (v instanceof Map && explode) {
            out.addAll(items(v, true, HttpParams::encode));
        } else {
            out.add(n + "=" + String.join(",", items(v, false, HttpParams::encode)));
        }
        if (out.isEmpty()) {
            out.add(n + "="); // the table's "undefined" column for form
        }
        return out;
    }

    private static void deepObject(String prefix, Map<?, ?> map, List<String> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            // Brackets are encoded (%5B %5D) as the 3.1.1 table shows; servers decode before parsing them.
            String key = prefix + "%5B" + encode(String.valueOf(e.getKey())) + "%5D";
            Object value = e.getValue();
            if (value instanceof Map) {
                deepObject(key, (Map<?, ?>) value, out);
            } else if (value instanceof List) {
                for (Object item : (List<?>) value) {
                    out.add(key + "=" + encode(toText(item)));
                }
            } else {
                out.add(key + "=" + encode(toText(value)));
            }
        }
    }
}
