package autosdk.model;

import java.util.List;

/** A server: a URL template ("wss://{host}/v1") and its variables. */
public record Server(
        String name,
        String urlTemplate,
        String protocol,
        Doc doc,
        List<Variable> variables,
        List<List<String>> security) {

    public record Variable(String name, String defaultValue, List<String> enumValues, Doc doc) {
        public Variable {
            enumValues = List.copyOf(enumValues);
        }
    }

    public Server {
        variables = List.copyOf(variables);
        security = List.copyOf(security);
    }
}
