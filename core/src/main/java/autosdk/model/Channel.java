package autosdk.model;

import java.util.List;

/** A WebSocket channel: its address, connect parameters, and messages in each direction from the client's side. */
public record Channel(String id, String address, Doc doc, List<Parameter> parameters,
                      List<Message> sends, List<Message> receives, List<String> serverNames, List<List<String>> security) {
    public Channel {
        parameters = List.copyOf(parameters);
        sends = List.copyOf(sends);
        receives = List.copyOf(receives);
        serverNames = List.copyOf(serverNames);
        security = List.copyOf(security);
    }
}
