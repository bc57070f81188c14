package autosdk.model;

import java.util.List;

/**
 * A WebSocket channel: its address, connect parameters, messages in each direction from the client's side, and the
 * request/reply operations whose request the client sends and whose reply comes back on this channel.
 */
public record Channel(
        String id,
        String address,
        Doc doc,
        List<Parameter> parameters,
        List<Message> sends,
        List<Message> receives,
        List<String> serverNames,
        List<List<String>> security,
        List<RequestReply> requestReplies) {
    public Channel {
        requestReplies = List.copyOf(requestReplies);
        parameters = List.copyOf(parameters);
        sends = List.copyOf(sends);
        receives = List.copyOf(receives);
        serverNames = List.copyOf(serverNames);
        security = List.copyOf(security);
    }
}
