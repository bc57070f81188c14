package autosdk.translate;

import autosdk.model.NamedType;
import autosdk.model.ObjectType;
import autosdk.model.Pagination;
import autosdk.model.Parameter;
import autosdk.model.Property;
import autosdk.model.TypeRef;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides whether a list operation pages and how, from a pagination extension when the operation has one
 * ({@code x-speakeasy-pagination}, {@code x-fern-pagination}, {@code x-pagination} in either of those shapes), else
 * from naming conventions of its query parameters and response properties, tried in this order: a cursor parameter
 * with the response field that feeds it, a next-page URL in the response, an offset parameter, a page-number parameter.
 * Names compare without case, {@code _}, {@code -} and {@code .}, so {@code next_cursor} and {@code nextCursor} match.
 *
 * <p>An operation that looks like a list (a GET answering with an array, or any operation with a paging parameter)
 * but fits no pattern gets no pagination and a reason, which the generator reports in its verbose output.
 */
final class PaginationDetector {

    /** The decision for one operation: a pagination, or the reason a list-looking operation has none, or neither. */
    record Result(Pagination pagination, String refusal) {
        static final Result NOT_A_LIST = new Result(null, null);

        static Result refused(String reason) {
            return new Result(null, reason);
        }
    }

    static final List<String> EXTENSIONS = List.of("x-speakeasy-pagination", "x-fern-pagination", "x-pagination");

    /** Request parameters that carry an opaque forward cursor (normalized names). */
    private static final Set<String> CURSOR_PARAMS = Set.of(
            "cursor",
            "after",
            "startingafter",
            "startafter",
            "pagetoken",
            "nextpagetoken",
            "nexttoken",
            "continuationtoken",
            "marker",
            "nextcursor",
            "pagecursor",
            "aftercursor",
            "startcursor",
            "pageafter",
            "nextpage");
    /** Response fields that hold the next cursor whatever the parameter is called. */
    private static final Set<String> NEXT_CURSOR_FIELDS = Set.of(
            "nextcursor",
            "nextpagetoken",
            "nexttoken",
            "nextpagecursor",
            "endcursor",
            "continuationtoken",
            "nextmarker",
            "next");
    /** Response fields that hold the URL of the next page. */
    private static final Set<String> NEXT_URL_FIELDS = Set.of(
            "next",
            "nexturl",
            "nextpageurl",
            "nextlink",
            "odatanextlink",
            "nextpage",
            "nexthref",
            "nexturi",
            "nextpagelink");

    private static final Set<String> OFFSET_PARAMS = Set.of("offset", "skip", "startindex");
    private static final Set<String> PAGE_PARAMS = Set.of("page", "pagenumber", "pagenum", "pageno", "pageindex");
    private static final Set<String> SIZE_PARAMS = Set.of(
            "limit", "pagesize", "perpage", "size", "count", "maxresults", "top", "first", "pagelimit", "maxitems");
    private static final Set<String> HAS_MORE_FIELDS =
            Set.of("hasmore", "hasnext", "hasnextpage", "more", "hasmoreitems", "hasmoreresults", "moreavailable");
    /** Names that mark the items array when a response has several arrays. */
    private static final Set<String> ITEM_FIELDS = Set.of(
            "data",
            "items",
            "results",
            "records",
            "entries",
            "values",
            "list",
            "elements",
            "nodes",
            "objects",
            "content");

    private final Map<String, NamedType> types;

    PaginationDetector(Map<String, NamedType> types) {
        this.types = types;
    }

    /**
     * Decides for one operation. {@code response} is the JSON type of its success body (null when it has none),
     * {@code op} the operation's node, read for extensions.
     */
    Result detect(MapNode op, String method, List<Parameter> parameters, TypeRef response) {
        for (String name : EXTENSIONS) {
            SpecNode ext = op.get(name);
            if (ext == null || (ext instanceof ScalarNode s && Boolean.FALSE.equals(s.value()))) continue;
            if (!(ext instanceof MapNode m)) {
                return Result.refused(
                        name + " is not an object (a reference to a shared configuration is not supported)");
            }
            if (response == null) return Result.refused(name + " is set but the operation has no JSON success body");
            if (m.has("inputs") || m.has("outputs")) return speakeasy(name, m, parameters, response);
            if (m.has("results")) return fern(name, m, parameters, response);
            return Result.refused(
                    name + " has neither the inputs/outputs shape (Speakeasy) nor the results shape (Fern)");
        }
        return conventions(method, parameters, response);
    }

    // ---- conventions ------------------------------------------------------------------------

    private Result conventions(String method, List<Parameter> parameters, TypeRef response) {
        List<Parameter> query = parameters.stream()
                .filter(p -> p.in() == Parameter.Location.QUERY)
                .toList();
        // A page "number" that is a string is a page token (OpenAI's usage API: page <- next_page).
        Optional<Parameter> cursor = find(
                query,
                p -> isCursorParam(norm(p.name())) || (PAGE_PARAMS.contains(norm(p.name())) && isString(p.type())));
        Optional<Parameter> offset = find(query, p -> OFFSET_PARAMS.contains(norm(p.name())));
        Optional<Parameter> page = find(query, p -> PAGE_PARAMS.contains(norm(p.name())));
        Optional<Parameter> size = find(query, p -> SIZE_PARAMS.contains(norm(p.name())));
        Items items = items(response);
        boolean pagingParams = cursor.isPresent() || offset.isPresent() || page.isPresent() || size.isPresent();
        // Without paging parameters only a GET answering a bare array or an array named like items is a list: a
        // single resource with an array property (an assistant's tools) is not.
        boolean itemsNamed =
                items.path != null && (items.path.isEmpty() || ITEM_FIELDS.contains(norm(items.path.get(0))));
        boolean listLooking = pagingParams || (method.equalsIgnoreCase("GET") && itemsNamed);
        if (!listLooking) return Result.NOT_A_LIST;
        if (response == null) return Result.refused("it has paging parameters but no JSON success body");
        if (items.path == null) return Result.refused(items.problem);

        ObjectType body = object(response);
        List<String> hasMore =
                body == null ? List.of() : field(body, f -> HAS_MORE_FIELDS.contains(f), this::isBoolean);
        if (cursor.isPresent()) {
            String param = cursor.get().name();
            String p = norm(param);
            List<String> next = body == null
                    ? List.of()
                    : field(
                            body,
                            f -> f.equals("next" + p)
                                    || (f.equals(p) && !p.equals("after"))
                                    || NEXT_CURSOR_FIELDS.contains(f)
                                    || isLastOf(f, p),
                            this::isCursorValue);
            if (!next.isEmpty()) {
                return found(Pagination.Kind.CURSOR, response, items, param, next, null, hasMore, null);
            }
            // OpenAI style: {data: [...], has_more} and ?after=<id of the last item>.
            if (p.contains("after") && !hasMore.isEmpty() && lastItemField(items.itemType, "id") != null) {
                return found(
                        Pagination.Kind.CURSOR,
                        response,
                        items,
                        param,
                        List.of(),
                        lastItemField(items.itemType, "id"),
                        hasMore,
                        null);
            }
            if (offset.isEmpty() && page.isEmpty()) {
                return Result.refused("cursor parameter '" + param + "' but no response field gives the next cursor"
                        + (p.contains("after")
                                ? " (no next-cursor or last_* field, and no has_more with items that have an id)"
                                : ""));
            }
        }
        List<String> nextUrl = body == null ? List.of() : nextUrl(body);
        if (!nextUrl.isEmpty() && cursor.isEmpty()) {
            return found(Pagination.Kind.NEXT_URL, response, items, null, nextUrl, null, hasMore, null);
        }
        if (offset.isPresent()) {
            return numbered(Pagination.Kind.OFFSET, "offset", offset.get(), 0, response, items, hasMore);
        }
        if (page.isPresent()) {
            return numbered(Pagination.Kind.PAGE, "page", page.get(), 1, response, items, hasMore);
        }
        if (size.isPresent()) {
            return Result.refused("size parameter '" + size.get().name()
                    + "' but no cursor, offset or page parameter and no next-page URL"
                    + (hasMore.isEmpty()
                            ? ""
                            : " (the response has " + String.join(".", hasMore)
                                    + " but nothing says where the next page starts)"));
        }
        return Result.refused(
                "its response has an array (" + (items.path.isEmpty() ? "the body" : String.join(".", items.path))
                        + ") but the operation has no cursor, offset or page parameter and no next-page URL");
    }

    /**
     * A next-page URL field: named like one ({@code next_url}, {@code nextLink}), or a plain {@code next} /
     * {@code next_page} that is {@code format: uri} or described as a URL or link (a bare {@code next_page} is
     * as often a token, which without a parameter to send it in leads nowhere).
     */
    private List<String> nextUrl(ObjectType body) {
        List<String> named = field(
                body, f -> NEXT_URL_FIELDS.contains(f) && !f.equals("next") && !f.equals("nextpage"), this::isString);
        if (!named.isEmpty()) return named;
        for (Map.Entry<List<String>, Property> e : fields(body).entrySet()) {
            Property p = e.getValue();
            String f = norm(p.jsonName());
            if (!(f.equals("next") || f.equals("nextpage")) || !isString(p.type())) continue;
            String description = p.doc() == null || p.doc().description() == null
                    ? ""
                    : p.doc().description().toLowerCase(Locale.ROOT);
            boolean uri = p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.URI;
            if (uri || description.contains("url") || description.contains("link") || description.contains("uri")) {
                return e.getKey();
            }
        }
        return List.of();
    }

    private static boolean isCursorParam(String p) {
        return CURSOR_PARAMS.contains(p)
                || p.contains("cursor")
                || p.startsWith("startafter")
                || p.startsWith("startingafter")
                || (p.endsWith("token")
                        && (p.startsWith("pag") || p.startsWith("next") || p.startsWith("continuation")));
    }

    /** {@code last_history_item_id} feeds {@code start_after_history_item_id}; {@code last_id} feeds {@code after}. */
    private static boolean isLastOf(String field, String param) {
        if (!field.startsWith("last") || field.length() == 4 || !param.contains("after")) return false;
        String suffix = field.substring(4);
        return param.endsWith(suffix)
                || (suffix.equals("id")
                        && (param.equals("after") || param.equals("startingafter") || param.equals("startafter")));
    }

    /**
     * Offset or page numbering through integer parameter {@code param}, counting from its default or else from
     * {@code first}.
     */
    private static Result numbered(
            Pagination.Kind kind,
            String what,
            Parameter param,
            long first,
            TypeRef response,
            Items items,
            List<String> hasMore) {
        if (!isInteger(param.type())) {
            return Result.refused(what + " parameter '" + param.name() + "' is not an integer");
        }
        return found(kind, response, items, param.name(), List.of(), null, hasMore, start(param, first));
    }

    private static Long start(Parameter p, long fallback) {
        if (p.defaultValue() != null) {
            try {
                return Long.parseLong(p.defaultValue().trim());
            } catch (NumberFormatException ignored) {
                // a non-numeric default says nothing about where counting starts
            }
        }
        return fallback;
    }

    // ---- extensions -------------------------------------------------------------------------

    /** {@code {type: cursor|offsetLimit|url, inputs: [{name, in, type}], outputs: {results, nextCursor, nextUrl}}}. */
    private Result speakeasy(String ext, MapNode m, List<Parameter> parameters, TypeRef response) {
        String type = m.string("type").orElse("");
        MapNode outputs = m.map("outputs").orElse(null);
        if (outputs == null || outputs.string("results").isEmpty()) {
            return Result.refused(ext + " has no outputs.results");
        }
        JsonPath results = JsonPath.parse(outputs.string("results").get(), "$");
        if (results == null || results.lastItem()) {
            return Result.refused(
                    ext + " outputs.results '" + outputs.string("results").get() + "' is not a plain property path");
        }
        Items items = itemsAt(response, results.segments());
        if (items.path == null) return Result.refused(ext + ": " + items.problem);
        Map<String, String> inputs = new LinkedHashMap<>();
        for (SpecNode node : m.list("inputs").map(ListNode::items).orElse(List.of())) {
            if (!(node instanceof MapNode in)) continue;
            String name = in.string("name").orElse(null);
            String role = in.string("type").orElse("");
            if (name == null) continue;
            if (!in.string("in").orElse("parameters").equals("parameters") && !role.equals("limit")) {
                return Result.refused(ext + " puts '" + name + "' in the "
                        + in.string("in").get() + ", which the client does not page yet");
            }
            inputs.put(role, name);
        }
        List<String> hasMore = List.of();
        switch (type) {
            case "cursor" -> {
                Optional<Parameter> param = queryParam(parameters, inputs.get("cursor"));
                if (param.isEmpty()) {
                    return Result.refused(ext + " names no cursor input that is a query parameter of the operation");
                }
                String nextText = outputs.string("nextCursor").orElse(null);
                JsonPath next = nextText == null ? null : JsonPath.parse(nextText, "$");
                if (next == null) return Result.refused(ext + " outputs.nextCursor is missing or not a property path");
                return cursorFromPath(ext, response, items, param.get().name(), results, next, hasMore);
            }
            case "offsetLimit" -> {
                if (inputs.containsKey("offset")) {
                    return counted(ext, Pagination.Kind.OFFSET, response, items, parameters, inputs.get("offset"), 0);
                }
                if (inputs.containsKey("page")) {
                    return counted(ext, Pagination.Kind.PAGE, response, items, parameters, inputs.get("page"), 1);
                }
                return Result.refused(ext + " offsetLimit names neither an offset nor a page input");
            }
            case "url" -> {
                JsonPath next = outputs.string("nextUrl")
                        .map(t -> JsonPath.parse(t, "$"))
                        .orElse(null);
                if (next == null || next.lastItem() || !isString(typeAt(response, next.segments()))) {
                    return Result.refused(ext + " outputs.nextUrl is missing or not a string property of the response");
                }
                return found(
                        ext, Pagination.Kind.NEXT_URL, response, items, null, next.segments(), null, hasMore, null);
            }
            default -> {
                return Result.refused(ext + " type '" + type + "' is not cursor, offsetLimit or url");
            }
        }
    }

    /**
     * {@code {cursor: $request.x, next_cursor: $response.y, results: $response.z}} or
     * {@code {offset: $request.x, results, has-next-page}}.
     */
    private Result fern(String ext, MapNode m, List<Parameter> parameters, TypeRef response) {
        JsonPath results =
                m.string("results").map(t -> JsonPath.parse(t, "$response")).orElse(null);
        if (results == null || results.lastItem()) {
            return Result.refused(ext + " results is not a $response property path");
        }
        Items items = itemsAt(response, results.segments());
        if (items.path == null) return Result.refused(ext + ": " + items.problem);
        List<String> hasMore = List.of();
        String hasNext =
                m.string("has-next-page").or(() -> m.string("has_next_page")).orElse(null);
        if (hasNext != null) {
            JsonPath h = JsonPath.parse(hasNext, "$response");
            if (h == null || h.lastItem() || !isBoolean(typeAt(response, h.segments()))) {
                return Result.refused(ext + " has-next-page is not a boolean $response property");
            }
            hasMore = h.segments();
        }
        if (m.has("cursor")) {
            JsonPath in =
                    m.string("cursor").map(t -> JsonPath.parse(t, "$request")).orElse(null);
            Optional<Parameter> param = in == null || in.segments().size() != 1
                    ? Optional.empty()
                    : queryParam(parameters, in.segments().get(0));
            if (param.isEmpty()) {
                return Result.refused(ext + " cursor is not a $request query parameter of the operation");
            }
            JsonPath next = m.string("next_cursor")
                    .map(t -> JsonPath.parse(t, "$response"))
                    .orElse(null);
            if (next == null) return Result.refused(ext + " next_cursor is missing or not a $response property path");
            return cursorFromPath(ext, response, items, param.get().name(), results, next, hasMore);
        }
        if (m.has("offset")) {
            JsonPath in =
                    m.string("offset").map(t -> JsonPath.parse(t, "$request")).orElse(null);
            if (in == null || in.segments().size() != 1) {
                return Result.refused(ext + " offset is not a $request parameter");
            }
            Optional<Parameter> param = queryParam(parameters, in.segments().get(0));
            boolean pageNumber =
                    param.isPresent() && PAGE_PARAMS.contains(norm(param.get().name()));
            Result r = counted(
                    ext,
                    pageNumber ? Pagination.Kind.PAGE : Pagination.Kind.OFFSET,
                    response,
                    items,
                    parameters,
                    in.segments().get(0),
                    pageNumber ? 1 : 0);
            if (r.pagination() == null || hasMore.isEmpty()) return r;
            Pagination p = r.pagination();
            return new Result(
                    new Pagination(
                            p.kind(),
                            p.response(),
                            p.items(),
                            p.itemType(),
                            p.param(),
                            p.next(),
                            null,
                            hasMore,
                            p.start(),
                            p.source()),
                    null);
        }
        return Result.refused(ext + " has neither cursor nor offset");
    }

    /** A cursor taken from a response property, or from a property of the last item ({@code $.data[-1].id}). */
    private Result cursorFromPath(
            String ext,
            TypeRef response,
            Items items,
            String param,
            JsonPath results,
            JsonPath next,
            List<String> hasMore) {
        if (next.lastItem()) {
            if (!next.segments().subList(0, next.segments().size() - 1).equals(results.segments())) {
                return Result.refused(
                        ext + " takes the cursor from the last element of another array than the results");
            }
            String field = lastItemField(
                    items.itemType, next.segments().get(next.segments().size() - 1));
            if (field == null) {
                return Result.refused(ext + " cursor property of the last item is not a scalar property of the items");
            }
            return found(ext, Pagination.Kind.CURSOR, response, items, param, List.of(), field, hasMore, null);
        }
        if (!isCursorValue(typeAt(response, next.segments()))) {
            return Result.refused(ext + " next cursor '" + String.join(".", next.segments())
                    + "' is not a string or integer property of the response");
        }
        return found(ext, Pagination.Kind.CURSOR, response, items, param, next.segments(), null, hasMore, null);
    }

    private Result counted(
            String ext,
            Pagination.Kind kind,
            TypeRef response,
            Items items,
            List<Parameter> parameters,
            String name,
            long start) {
        Optional<Parameter> param = queryParam(parameters, name);
        if (param.isEmpty()) {
            return Result.refused(ext + " input '" + name + "' is not a query parameter of the operation");
        }
        if (!isInteger(param.get().type())) return Result.refused(ext + " input '" + name + "' is not an integer");
        return found(
                ext, kind, response, items, param.get().name(), List.of(), null, List.of(), start(param.get(), start));
    }

    private static Optional<Parameter> queryParam(List<Parameter> parameters, String name) {
        return parameters.stream()
                .filter(p -> p.in() == Parameter.Location.QUERY && p.name().equals(name))
                .findFirst();
    }

    /** A JSONPath of the simple kind extensions use: {@code $.a.b}, optionally ending in {@code [-1].field}. */
    record JsonPath(List<String> segments, boolean lastItem) {
        static JsonPath parse(String text, String root) {
            String t = text.trim();
            if (!t.startsWith(root)) return null;
            t = t.substring(root.length());
            boolean last = false;
            List<String> out = new ArrayList<>();
            for (String part : t.isEmpty()
                    ? new String[0]
                    : t.substring(t.startsWith(".") ? 1 : 0).split("\\.", -1)) {
                String name = part;
                if (name.endsWith("[-1]")) {
                    if (last) return null;
                    name = name.substring(0, name.length() - 4);
                    last = true;
                    out.add(name);
                    continue;
                }
                if (name.isEmpty() || !name.matches("[A-Za-z0-9_\\-$@]+")) return null;
                out.add(name);
            }
            // [-1] is only understood right before the last segment: results[-1].id
            if (last && (out.size() < 2 || !t.contains("[-1]." + out.get(out.size() - 1)))) return null;
            return new JsonPath(out, last);
        }
    }

    // ---- shapes -----------------------------------------------------------------------------

    /** Where the items are: a path (empty for a bare array) and their type, or the problem. */
    private record Items(List<String> path, TypeRef itemType, String problem) {}

    private Items items(TypeRef response) {
        if (response instanceof TypeRef.ListOf l) return new Items(List.of(), l.item(), null);
        ObjectType body = object(response);
        if (body == null) {
            return new Items(
                    null, null, response == null ? "no JSON success body" : "its response is not an object or array");
        }
        List<Property> arrays = body.properties().stream()
                .filter(p -> p.type() instanceof TypeRef.ListOf)
                .toList();
        if (arrays.isEmpty()) return new Items(null, null, "its response has no array of items");
        if (arrays.size() > 1) {
            List<Property> named = arrays.stream()
                    .filter(p -> ITEM_FIELDS.contains(norm(p.jsonName())))
                    .toList();
            if (named.size() != 1) {
                return new Items(
                        null,
                        null,
                        "its response has several arrays ("
                                + String.join(
                                        ", ",
                                        arrays.stream().map(Property::jsonName).toList())
                                + ") and none is the one named like items (data, items, results, ...)");
            }
            arrays = named;
        }
        return new Items(
                List.of(arrays.get(0).jsonName()),
                ((TypeRef.ListOf) arrays.get(0).type()).item(),
                null);
    }

    private Items itemsAt(TypeRef response, List<String> path) {
        TypeRef t = typeAt(response, path);
        if (t instanceof TypeRef.ListOf l) return new Items(path, l.item(), null);
        return new Items(null, null, "'" + String.join(".", path) + "' is not an array property of the response");
    }

    /** The type at a property path, or null. */
    private TypeRef typeAt(TypeRef root, List<String> path) {
        TypeRef t = root;
        for (String segment : path) {
            ObjectType o = object(t);
            if (o == null) return null;
            t = o.properties().stream()
                    .filter(p -> p.jsonName().equals(segment))
                    .map(Property::type)
                    .findFirst()
                    .orElse(null);
            if (t == null) return null;
        }
        return t;
    }

    /**
     * The path of a matching scalar field: top level first, then one level down (pagination.next_cursor, links.next).
     */
    private List<String> field(ObjectType body, Predicate<String> name, Predicate<TypeRef> type) {
        for (Map.Entry<List<String>, Property> e : fields(body).entrySet()) {
            if (name.test(norm(e.getValue().jsonName()))
                    && type.test(e.getValue().type())) return e.getKey();
        }
        return List.of();
    }

    /** The properties of the response and of its object properties, by path, top level first. */
    private Map<List<String>, Property> fields(ObjectType body) {
        Map<List<String>, Property> out = new LinkedHashMap<>();
        for (Property p : body.properties()) out.put(List.of(p.jsonName()), p);
        for (Property p : body.properties()) {
            ObjectType nested = object(p.type());
            if (nested == null) continue;
            for (Property q : nested.properties()) out.put(List.of(p.jsonName(), q.jsonName()), q);
        }
        return out;
    }

    /** The JSON name of a scalar property {@code name} of the items, or null. */
    private String lastItemField(TypeRef itemType, String name) {
        ObjectType item = object(itemType);
        if (item == null) return null;
        return item.properties().stream()
                .filter(p -> p.jsonName().equals(name) && isCursorValue(p.type()))
                .map(Property::jsonName)
                .findFirst()
                .orElse(null);
    }

    private ObjectType object(TypeRef t) {
        return t instanceof TypeRef.Named n && types.get(n.id()) instanceof ObjectType o ? o : null;
    }

    private boolean isBoolean(TypeRef t) {
        return t instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.BOOLEAN;
    }

    private boolean isString(TypeRef t) {
        return t instanceof TypeRef.Scalar s
                && (s.kind() == TypeRef.ScalarKind.STRING || s.kind() == TypeRef.ScalarKind.URI);
    }

    private static boolean isInteger(TypeRef t) {
        return t instanceof TypeRef.Scalar s
                && (s.kind() == TypeRef.ScalarKind.INT32
                        || s.kind() == TypeRef.ScalarKind.INT64
                        || s.kind() == TypeRef.ScalarKind.BIG_INTEGER);
    }

    private boolean isCursorValue(TypeRef t) {
        return isString(t) || isInteger(t) || (t instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.UUID);
    }

    private static Optional<Parameter> find(List<Parameter> params, Predicate<Parameter> test) {
        return params.stream().filter(test).findFirst();
    }

    static String norm(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replace("_", "")
                .replace("-", "")
                .replace(".", "")
                .replace("@", "");
    }

    private static Result found(
            Pagination.Kind kind,
            TypeRef response,
            Items items,
            String param,
            List<String> next,
            String nextItemField,
            List<String> hasMore,
            Long start) {
        return found("conventions", kind, response, items, param, next, nextItemField, hasMore, start);
    }

    private static Result found(
            String source,
            Pagination.Kind kind,
            TypeRef response,
            Items items,
            String param,
            List<String> next,
            String nextItemField,
            List<String> hasMore,
            Long start) {
        return new Result(
                new Pagination(
                        kind, response, items.path, items.itemType, param, next, nextItemField, hasMore, start, source),
                null);
    }
}
