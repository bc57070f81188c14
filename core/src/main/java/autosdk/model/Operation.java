package autosdk.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST operation (method + path).
 *
 * @param path         the path as the spec writes it (its key in the spec's Paths Object), for documentation
 * @param pathTemplate the path the request goes to: {@code path} without a literal query string, starting with '/';
 *                     every {@code {placeholder}} in it has a path parameter
 * @param fixedQuery   literal query pairs that were part of the spec's path (e.g. {@code ?beta=true}), decoded
 * @param pagination   null unless it is a list operation that pages
 */
public record Operation(
        String operationId,
        String method,
        String path,
        String pathTemplate,
        Map<String, String> fixedQuery,
        List<String> tags,
        Doc doc,
        List<Parameter> parameters,
        List<Body> requestBodies,
        boolean requestBodyRequired,
        List<Response> responses,
        List<List<String>> security,
        Pagination pagination) {
    public Operation {
        fixedQuery = Collections.unmodifiableMap(new LinkedHashMap<>(fixedQuery));
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        requestBodies = List.copyOf(requestBodies);
        responses = List.copyOf(responses);
        security = List.copyOf(security);
    }
}
