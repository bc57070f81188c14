package autosdk.model;

import java.util.List;

/**
 * An AsyncAPI 3 operation with a {@code reply}, seen from the client: it sends {@code request} and expects one of
 * {@code replies} back on the same channel. A correlation pointer is the JSON pointer into the payload named by the
 * message's {@code correlationId} location ({@code $message.payload#/reqid} gives {@code /reqid}); {@code null} when
 * the message declares none, or declares one in its headers (WebSocket frames have no message headers).
 */
public record RequestReply(String operationId, Message request, String requestCorrelation, List<Reply> replies) {
    public RequestReply {
        replies = List.copyOf(replies);
    }

    /** A message that answers the request, and where it carries the correlation id. */
    public record Reply(Message message, String correlation) {}
}
