package autosdk.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved, language-neutral model of one spec: named types in document order, plus the
 * REST operations and WebSocket channels. Nothing here contains a {@code $ref}.
 */
public record ApiModel(
        String title,
        String description,
        String version,
        Map<String, NamedType> types,
        List<Operation> operations,
        List<Channel> channels,
        List<Server> servers,
        List<SecurityScheme> securitySchemes) {
    public ApiModel {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        operations = List.copyOf(operations);
        channels = List.copyOf(channels);
        servers = List.copyOf(servers);
        securitySchemes = List.copyOf(securitySchemes);
    }

    public NamedType type(String id) {
        return types.get(id);
    }
}
