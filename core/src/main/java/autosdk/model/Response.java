package autosdk.model;

import java.util.List;

/** One declared response: status ("200", "4XX", "default") and its bodies by media type. */
public record Response(String status, String description, List<Body> bodies) {
    public Response {
        bodies = List.copyOf(bodies);
    }

    public boolean isSuccess() {
        return status.startsWith("2");
    }
}
