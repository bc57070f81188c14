package autosdk.model;

import java.util.List;

/** One REST operation (method + path); {@code pagination} is null unless it is a list operation that pages. */
public record Operation(String operationId, String method, String path, List<String> tags, Doc doc,
                        List<Parameter> parameters, List<Body> requestBodies, boolean requestBodyRequired,
                        List<Response> responses, List<List<String>> security,
                        Pagination pagination) {
    public Operation {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        requestBodies = List.copyOf(requestBodies);
        responses = List.copyOf(responses);
        security = List.copyOf(security);
    }
}
