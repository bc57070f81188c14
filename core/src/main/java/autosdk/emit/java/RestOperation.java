package autosdk.emit.java;

import autosdk.model.Body;
import autosdk.model.ObjectType;
import autosdk.model.Operation;
import autosdk.model.Pagination;
import autosdk.model.Parameter;
import autosdk.model.Property;
import autosdk.model.Response;
import autosdk.model.SecurityScheme;
import autosdk.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client does for one operation, decided once before any Java is emitted: which request body it
 * sends, how the success body is read, whether a streaming variant exists, which error models it decodes,
 * and which parameters go into the signature and which into the optional-parameters object.
 *
 * @param path          the path template without any literal query string
 * @param fixedQuery    literal query pairs that were part of the spec's path (e.g. {@code ?beta=true}), decoded
 * @param required      parameters in the method signature (path parameters in template order first)
 * @param optional      parameters set through the optional-parameters object (or one trailing argument)
 * @param request       the request body sent, or null
 * @param response      the body read on success, or null for none
 * @param stream        the event-stream / JSON Lines alternative of a non-streaming response, or null
 * @param streamFlag    the JSON property set to {@code true} in the streaming variant (OpenAI's {@code stream}), or
 * null
 * @param errors        declared error models by status ("404", "4XX", "default")
 * @param credentialHeaders required header parameters left to a credential: header name to the schemes that send it
 */
record RestOperation(
        Operation op,
        String path,
        Map<String, String> fixedQuery,
        List<Parameter> required,
        List<Parameter> optional,
        Body request,
        RequestKind requestKind,
        Body response,
        ResponseKind responseKind,
        Body stream,
        String streamFlag,
        Map<String, TypeRef> errors,
        Map<String, String> credentialHeaders) {

    /** How the request body is put on the wire. */
    enum RequestKind {
        NONE,
        JSON,
        FORM,
        MULTIPART,
        TEXT,
        BINARY
    }

    /** How the success body is read. */
    enum ResponseKind {
        VOID,
        JSON,
        TEXT,
        BYTES,
        SSE,
        NDJSON
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");
    /** Headers OpenAPI says are ignored as parameters: the client sets them itself. */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type");

    /**
     * The operation once per way of sending its request body: the primary body first (JSON wins), then the first
     * body of every other kind (multipart, form, text, binary), so an API that accepts a file upload besides JSON
     * can be called both ways. Operations without a body have one variant.
     */
    static List<RestOperation> variants(Operation op, JavaTypes types) {
        Body primary = chooseRequest(op.requestBodies());
        List<RestOperation> out = new ArrayList<>();
        out.add(of(op, types, primary));
        if (primary == null) return out;
        Set<RequestKind> kinds = new LinkedHashSet<>();
        kinds.add(requestKind(primary));
        for (Body b : op.requestBodies()) {
            if (kinds.add(requestKind(b))) out.add(of(op, types, b));
        }
        return out;
    }

    /** The method-name suffix of a non-primary variant: {@code createFile} then {@code createFileMultipart}. */
    String variantSuffix() {
        return switch (requestKind) {
            case NONE, JSON -> "Json";
            case MULTIPART -> "Multipart";
            case FORM -> "Form";
            case TEXT -> "Text";
            case BINARY -> "Binary";
        };
    }

    private static RestOperation of(Operation op, JavaTypes types, Body request) {
        List<Parameter> required = new ArrayList<>();
        List<Parameter> optional = new ArrayList<>();
        // Path parameters in template order (the model declares one for every placeholder).
        for (String name : placeholders(op.pathTemplate())) {
            for (Parameter p : op.parameters()) {
                if (p.in() == Parameter.Location.PATH && p.name().equals(name)) required.add(p);
            }
        }
        Map<String, String> credentialHeaders = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            if (p.in() == Parameter.Location.PATH) continue;
            if (p.in() == Parameter.Location.HEADER
                    && IGNORED_HEADERS.contains(p.name().toLowerCase(Locale.ROOT))) continue;
            if (p.in() == Parameter.Location.HEADER && p.name().equalsIgnoreCase("Authorization")) {
                // OpenAPI ignores an Authorization parameter because security sends it; that holds only when a
                // scheme of this operation can. Then a required one must still fail fast when no credential is set.
                List<String> senders = authorizationSenders(op, types);
                if (!senders.isEmpty()) {
                    if (p.required()) credentialHeaders.put(p.name(), String.join(" or ", senders));
                    continue;
                }
            }
            (p.required() ? required : optional).add(p);
        }

        RequestKind requestKind = request == null ? RequestKind.NONE : requestKind(request);

        Response success = null;
        for (Response r : op.responses()) {
            if (r.isSuccess()) {
                success = r;
                break;
            }
        }
        boolean defaultIsSuccess = success == null;
        if (success == null) {
            for (Response r : op.responses()) {
                if (r.status().equals("default")) success = r;
            }
        }
        Body response = null;
        ResponseKind responseKind = ResponseKind.VOID;
        Body stream = null;
        if (success != null && !success.bodies().isEmpty()) {
            List<Body> bodies = success.bodies();
            Body first = bodies.get(0);
            Body json = bodies.stream()
                    .filter(b -> b.isJson() && !b.isEventStream() && !b.isJsonLines())
                    .findFirst()
                    .orElse(null);
            Body events = bodies.stream()
                    .filter(b -> b.isEventStream() || b.isJsonLines())
                    .findFirst()
                    .orElse(null);
            if (first.isBinary()) {
                response = first;
                responseKind = ResponseKind.BYTES;
            } else if (json != null) {
                response = json;
                responseKind = ResponseKind.JSON;
            } else if (events != null) {
                response = events;
                responseKind = events.isEventStream() ? ResponseKind.SSE : ResponseKind.NDJSON;
            } else {
                response = first;
                responseKind = first.isText() ? ResponseKind.TEXT : ResponseKind.BYTES;
            }
            if (events != null && !events.equals(response)) stream = events;
        }
        String streamFlag = null;
        if (stream != null
                && requestKind == RequestKind.JSON
                && request.type() instanceof TypeRef.Named n
                && types.named(n) instanceof ObjectType o) {
            for (Property p : o.properties()) {
                if (p.jsonName().equals("stream")
                        && p.type() instanceof TypeRef.Scalar s
                        && s.kind() == TypeRef.ScalarKind.BOOLEAN) {
                    streamFlag = p.jsonName();
                }
            }
        }

        Map<String, TypeRef> errors = new LinkedHashMap<>();
        for (Response r : op.responses()) {
            boolean error = r.status().startsWith("4")
                    || r.status().startsWith("5")
                    || (r.status().equals("default") && !defaultIsSuccess);
            if (!error) continue;
            r.bodies().stream()
                    .filter(b -> b.isJson() && b.type() != null)
                    .findFirst()
                    .ifPresent(b -> errors.put(r.status(), b.type()));
        }
        return new RestOperation(
                op,
                op.pathTemplate(),
                op.fixedQuery(),
                required,
                optional,
                request,
                requestKind,
                response,
                responseKind,
                stream,
                streamFlag,
                errors,
                credentialHeaders);
    }

    /**
     * The security schemes of {@code op} that put an {@code Authorization} header on the request: bearer, basic,
     * an API key in that header, and schemes without a typed method (OAuth 2, OpenID Connect: bearer tokens).
     */
    private static List<String> authorizationSenders(Operation op, JavaTypes types) {
        Set<String> named = new LinkedHashSet<>();
        op.security().forEach(named::addAll);
        List<String> out = new ArrayList<>();
        for (SecurityScheme s : types.model().securitySchemes()) {
            if (!named.contains(s.name())) continue;
            boolean sends = switch (s.kind()) {
                case BEARER, BASIC, OTHER -> true;
                case API_KEY ->
                    "header".equalsIgnoreCase(s.in()) && "Authorization".equalsIgnoreCase(s.parameterName());
                case SUBPROTOCOL -> false;
            };
            if (sends) out.add("'" + s.name() + "'");
        }
        return out;
    }

    /** JSON first (the typed path), then multipart, form, text and finally raw bytes. */
    private static Body chooseRequest(List<Body> bodies) {
        if (bodies.isEmpty()) return null;
        for (Body b : bodies) {
            if (b.isJson() && !b.isJsonLines()) return b;
        }
        for (Body b : bodies) {
            if (b.isMultipart()) return b;
        }
        for (Body b : bodies) {
            if (b.isForm()) return b;
        }
        for (Body b : bodies) {
            if (b.isText()) return b;
        }
        return bodies.get(0);
    }

    private static RequestKind requestKind(Body b) {
        if (b.isJson() && !b.isJsonLines()) return RequestKind.JSON;
        if (b.isMultipart()) return RequestKind.MULTIPART;
        if (b.isForm()) return RequestKind.FORM;
        if (b.isText()) return RequestKind.TEXT;
        return RequestKind.BINARY;
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * Whether the operation gets a {@code …Paged} method: the model found how it pages, and this variant reads the
     * very JSON body the pagination was read from (not a stream, bytes or another media type's body).
     */
    boolean pageable() {
        Pagination p = op.pagination();
        boolean primaryBody = requestKind == RequestKind.NONE || requestKind == RequestKind.JSON;
        return p != null
                && primaryBody
                && responseKind == ResponseKind.JSON
                && response != null
                && p.response().equals(response.type());
    }

    /** The Accept header for the primary call. */
    String accept() {
        if (response == null) return null;
        if (responseKind == ResponseKind.BYTES) {
            List<String> media = new ArrayList<>();
            Response success = null;
            for (Response r : op.responses()) {
                if (r.bodies().contains(response)) {
                    success = r;
                    break;
                }
            }
            if (success != null) {
                for (Body b : success.bodies()) {
                    if (b.isBinary() && !media.contains(b.mediaType())) media.add(b.mediaType());
                }
            }
            return media.isEmpty() ? response.mediaType() : String.join(", ", media);
        }
        return response.mediaType();
    }
}
