package autosdk.translate;

import autosdk.model.Body;
import autosdk.model.Doc;
import autosdk.model.ObjectType;
import autosdk.model.Operation;
import autosdk.model.Parameter;
import autosdk.model.Property;
import autosdk.model.Response;
import autosdk.model.TypeRef;
import autosdk.model.UnionType;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.read.SpecNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the operations of an OpenAPI 3.0/3.1 document into the model. */
final class OpenApiModelBuilder {
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final SchemaTranslator schemas;
    private final Expect expect;
    private final PaginationDetector pagination;

    OpenApiModelBuilder(SchemaTranslator schemas, Expect expect) {
        this.schemas = schemas;
        this.expect = expect;
        this.pagination = new PaginationDetector(schemas.types());
    }

    List<Operation> operations(MapNode root) {
        List<Operation> out = new ArrayList<>();
        List<List<String>> globalSecurity = security(root);
        expect.map(root, "paths").ifPresent(paths -> {
            for (Map.Entry<String, SpecNode> entry : paths.entries().entrySet()) {
                if (entry.getKey().startsWith("x-")) continue;
                Optional<MapNode> item = follow(entry.getValue());
                if (item.isEmpty()) continue;
                List<SpecNode> shared = expect.list(item.get(), "parameters")
                        .map(ListNode::items)
                        .orElse(List.of());
                for (String method : METHODS) {
                    expect.map(item.get(), method)
                            .ifPresent(op -> out.add(operation(entry.getKey(), method, op, shared, globalSecurity)));
                }
            }
        });
        return out;
    }

    private Operation operation(
            String path, String method, MapNode op, List<SpecNode> shared, List<List<String>> globalSecurity) {
        String id = expect.string(op, "operationId").orElseGet(() -> method + " " + path);
        List<String> hint = List.of(id);
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (SpecNode p : shared) parameter(p, hint).ifPresent(x -> params.put(x.in() + ":" + x.name(), x));
        expect.list(op, "parameters").ifPresent(list -> {
            for (SpecNode p : list.items()) parameter(p, hint).ifPresent(x -> params.put(x.in() + ":" + x.name(), x));
        });
        List<Body> requestBodies = new ArrayList<>();
        boolean[] bodyRequired = {false};
        if (op.has("requestBody")) {
            follow(op.get("requestBody")).ifPresent(rb -> {
                bodyRequired[0] = expect.bool(rb, "required");
                requestBodies.addAll(bodies(rb, SchemaTranslator.with(hint, "Request"), bodyRequired[0]));
            });
        }
        List<Response> responses = new ArrayList<>();
        expect.map(op, "responses")
                .ifPresent(rs -> rs.entries().forEach((status, node) -> {
                    if (status.startsWith("x-")) return;
                    follow(node).ifPresent(r -> {
                        List<String> responseHint = status.startsWith("2")
                                ? SchemaTranslator.with(hint, "Response")
                                : SchemaTranslator.with(hint, "Response" + status);
                        responses.add(new Response(
                                status, r.string("description").orElse(null), bodies(r, responseHint, false)));
                    });
                }));
        List<String> tags = expect.strings(op, "tags");
        Doc doc = new Doc(
                op.string("summary").orElse(null),
                op.string("description").orElse(null),
                expect.bool(op, "deprecated"),
                null,
                null);
        List<List<String>> security = op.has("security") ? security(op) : globalSecurity;
        RequestPath target = RequestPath.of(path);
        for (String placeholder : target.placeholders()) {
            if (params.containsKey(Parameter.Location.PATH + ":" + placeholder)) continue;
            // The request cannot be sent without a value for it: an argument is better than a broken URL, but say so.
            expect.diagnostics()
                    .warning(
                            op.location(),
                            "path parameter '" + placeholder + "' of " + method.toUpperCase(Locale.ROOT) + " " + path
                                    + " is not declared; it is sent as a required string");
            params.put(
                    Parameter.Location.PATH + ":" + placeholder,
                    new Parameter(
                            placeholder,
                            Parameter.Location.PATH,
                            TypeRef.scalar(TypeRef.ScalarKind.STRING),
                            true,
                            "simple",
                            false,
                            Doc.NONE,
                            null,
                            List.of()));
        }
        List<Parameter> parameters = List.copyOf(params.values());
        PaginationDetector.Result paging = pagination.detect(op, method, parameters, successJson(responses));
        String where = "operation '" + id + "' (" + method.toUpperCase(Locale.ROOT) + " " + path + ")";
        if (paging.pagination() != null) {
            expect.diagnostics()
                    .note(
                            op.location(),
                            where + " pages by " + paging.pagination().describe());
        } else if (paging.refusal() != null) {
            expect.diagnostics()
                    .note(op.location(), where + " looks like a list but gets no paged method: " + paging.refusal());
        }
        return new Operation(
                id,
                method.toUpperCase(Locale.ROOT),
                path,
                target.template(),
                target.fixedQuery(),
                tags,
                doc,
                parameters,
                requestBodies,
                bodyRequired[0],
                responses,
                security,
                paging.pagination());
    }

    /**
     * The type of the JSON body of the first 2xx response (else {@code default}), as clients read it; null when none.
     */
    private static TypeRef successJson(List<Response> responses) {
        Response success = responses.stream()
                .filter(Response::isSuccess)
                .findFirst()
                .orElse(responses.stream()
                        .filter(r -> r.status().equals("default"))
                        .findFirst()
                        .orElse(null));
        if (success == null) return null;
        return success.bodies().stream()
                .filter(b -> b.isJson() && !b.isEventStream() && !b.isJsonLines() && b.type() != null)
                .map(Body::type)
                .findFirst()
                .orElse(null);
    }

    private Optional<Parameter> parameter(SpecNode node, List<String> hint) {
        Optional<MapNode> resolved = follow(node);
        if (resolved.isEmpty()) return Optional.empty();
        MapNode p = resolved.get();
        Optional<String> name = expect.string(p, "name");
        Optional<String> in = expect.string(p, "in");
        if (name.isEmpty() || in.isEmpty()) {
            expect.diagnostics().error(p.location(), "a parameter needs 'name' and 'in'");
            return Optional.empty();
        }
        Parameter.Location location;
        switch (in.get()) {
            case "path" -> location = Parameter.Location.PATH;
            case "query" -> location = Parameter.Location.QUERY;
            case "header" -> location = Parameter.Location.HEADER;
            case "cookie" -> location = Parameter.Location.COOKIE;
            default -> {
                expect.diagnostics()
                        .error(
                                p.get("in").location(),
                                "parameter 'in' must be path, query, header or cookie, found \"" + in.get() + "\"");
                return Optional.empty();
            }
        }
        TypeRef type = new TypeRef.Scalar(TypeRef.ScalarKind.STRING);
        List<String> enums = List.of();
        String defaultValue = null;
        if (p.has("schema")) {
            type = schemas.translate(p.get("schema"), SchemaTranslator.with(hint, name.get()));
            Optional<MapNode> s =
                    schemas.resolver().follow(p.get("schema")).map(t -> t.node() instanceof MapNode m ? m : null);
            if (s.isPresent()) {
                defaultValue = s.get().get("default") instanceof ScalarNode d && !d.isNull() ? d.text() : null;
            }
        }
        String style = p.string("style")
                .orElse(
                        location == Parameter.Location.QUERY || location == Parameter.Location.COOKIE
                                ? "form"
                                : "simple");
        boolean explode = p.has("explode") ? expect.bool(p, "explode") : style.equals("form");
        boolean required = location == Parameter.Location.PATH || expect.bool(p, "required");
        Doc doc = new Doc(null, p.string("description").orElse(null), expect.bool(p, "deprecated"), defaultValue, null);
        return Optional.of(
                new Parameter(name.get(), location, type, required, style, explode, doc, defaultValue, enums));
    }

    private List<Body> bodies(MapNode owner, List<String> hint, boolean required) {
        List<Body> out = new ArrayList<>();
        // The same inline schema written for several media types (JSON and XML, say) is one type, not twins.
        Map<SpecNode, TypeRef> seen = new LinkedHashMap<>();
        expect.map(owner, "content")
                .ifPresent(content -> content.entries().forEach((mediaType, node) -> {
                    if (!(node instanceof MapNode media)) {
                        expect.wrongKind(node, mediaType, "an object");
                        return;
                    }
                    TypeRef type = null;
                    if (media.has("schema")) {
                        SpecNode schema = media.get("schema");
                        type = seen.entrySet().stream()
                                .filter(e -> SpecNodes.sameShape(e.getKey(), schema))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
                        if (type == null) {
                            type = schemas.translate(schema, hint);
                            seen.put(schema, type);
                        }
                    }
                    out.add(new Body(mediaType, type, required, sseEnvelopeData(mediaType, type)));
                }));
        return out;
    }

    /** The SSE fields an event-stream schema may describe; {@code data} must be one of its properties. */
    private static final Set<String> SSE_FIELDS = Set.of("event", "data", "id", "retry");

    /**
     * The type of {@code data} when a {@code text/event-stream} schema is an envelope of the event: an object whose
     * properties are SSE fields ({@code event}, {@code data}, {@code id}, {@code retry}) and include {@code data}.
     * Such a schema does not describe the data lines, which carry only the envelope's {@code data}. Otherwise null.
     */
    private TypeRef sseEnvelopeData(String mediaType, TypeRef type) {
        if (!mediaType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) return null;
        if (!(type instanceof TypeRef.Named n)) return null;
        if (schemas.types().get(n.id()) instanceof ObjectType o) return envelopeData(o);
        // A oneOf of envelopes (OpenAI's AssistantStreamEvent: one variant per event name) is an envelope too;
        // its data type differs per variant, so it is read as whatever JSON (or text) the data lines hold.
        if (schemas.types().get(n.id()) instanceof UnionType u && !u.variants().isEmpty()) {
            TypeRef shared = null;
            for (UnionType.Variant v : u.variants()) {
                TypeRef data =
                        v.type() instanceof TypeRef.Named vn && schemas.types().get(vn.id()) instanceof ObjectType o
                                ? envelopeData(o)
                                : null;
                if (data == null) return null;
                shared = shared == null || shared.equals(data) ? data : new TypeRef.Any();
            }
            return shared;
        }
        return null;
    }

    /** The type of {@code data} when every property of {@code o} is an SSE field and one is {@code data}, else null. */
    private static TypeRef envelopeData(ObjectType o) {
        TypeRef data = null;
        for (Property p : o.properties()) {
            if (!SSE_FIELDS.contains(p.jsonName())) return null;
            if (p.jsonName().equals("data")) data = p.type();
        }
        return data;
    }

    /** Security requirements as lists of scheme names (alternatives of conjunctions). */
    static List<List<String>> security(MapNode owner) {
        List<List<String>> out = new ArrayList<>();
        if (owner.get("security") instanceof ListNode list) {
            for (SpecNode item : list.items()) {
                if (item instanceof MapNode req) {
                    out.add(List.copyOf(req.entries().keySet()));
                }
            }
        }
        return out;
    }

    private Optional<MapNode> follow(SpecNode node) {
        return schemas.followToObject(node);
    }
}
