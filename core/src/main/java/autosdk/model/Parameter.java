package autosdk.model;

import java.util.List;

/** A path, query, header or cookie parameter (REST) or a connect parameter (WebSocket). */
public record Parameter(
        String name,
        Location in,
        TypeRef type,
        boolean required,
        String style,
        boolean explode,
        Doc doc,
        String defaultValue,
        List<String> enumValues) {

    public enum Location {
        PATH,
        QUERY,
        HEADER,
        COOKIE
    }

    public Parameter {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }
}
