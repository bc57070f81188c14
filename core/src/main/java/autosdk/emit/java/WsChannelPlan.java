package autosdk.emit.java;

import autosdk.model.Channel;
import autosdk.model.Message;
import autosdk.model.RequestReply;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java names chosen for one channel's client: the client and event classes, one event record and handler per
 * received message, one send method per sent message, one {@code send…AndAwaitReply} method per request the client
 * sends whose reply comes back on the channel. Names are made here, through {@link JavaNames}, with the
 * generator's own member names reserved first.
 */
record WsChannelPlan(
        Channel channel,
        ClassName client,
        ClassName event,
        ClassName binary,
        ClassName unknown,
        List<Receive> receives,
        List<Send> sends,
        List<Request> requests) {

    /** The runtime class every generated client extends; the names it declares are read from its source. */
    static final String CLIENT_BASE = "WsClientBase";

    /** What a generated client declares beyond its base class's members; message-derived names never take them. */
    private enum ClientMember implements JavaNames.Own {
        BUILDER("builder");

        private final String javaName;

        ClientMember(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    /** The records every event type holds beside one per received message; message records are named around them. */
    private enum EventRecord implements JavaNames.Own {
        BINARY("Binary"),
        UNKNOWN("Unknown");

        private final String javaName;

        EventRecord(String javaName) {
            this.javaName = javaName;
        }

        @Override
        public String javaName() {
            return javaName;
        }
    }

    /** A received message: its event record and typed handler. */
    record Receive(Message message, ClassName record, String handler) {}

    /** A sent message: its typed send method. */
    record Send(Message message, String method) {}

    /**
     * A request/reply operation: {@code send} sends the request, {@code method} sends it and completes with one of
     * {@code replies} (with the pointer at which each carries the correlation id, or null).
     */
    record Request(
            Send send,
            String method,
            String requestCorrelation,
            List<Receive> replies,
            List<String> replyCorrelations) {}

    /** A member name; one that the client already uses (a message named "Error" → onError) gets "Message" appended. */
    private static String member(JavaNames.Scope members, String text) {
        String name = JavaNames.memberName(text);
        return members.allocate(members.isUsed(name) ? name + "Message" : name);
    }

    static WsChannelPlan of(Channel channel, ClassName client, ClassName event) {
        JavaNames.Scope records = new JavaNames.Scope(true, List.of());
        records.declare(EventRecord.values());
        records.reserve(List.of(event.simpleName(), client.simpleName()));
        JavaNames.Scope members = new JavaNames.Scope(false, RuntimeSources.inheritedMethodNames(CLIENT_BASE));
        members.declare(ClientMember.values());
        List<Receive> receives = new ArrayList<>();
        for (Message m : channel.receives()) {
            String name = JavaNames.typeName(List.of(m.name()));
            // A nested "Error" or "String" would shadow java.lang inside the event type.
            if (JavaNames.JAVA_LANG.contains(name)) name = name + "Event";
            receives.add(new Receive(m, event.nestedClass(records.allocate(name)), member(members, "on " + m.name())));
        }
        List<Send> sends = new ArrayList<>();
        for (Message m : channel.sends()) sends.add(new Send(m, member(members, "send " + m.name())));
        List<Request> requests = new ArrayList<>();
        Set<String> requested = new LinkedHashSet<>();
        for (RequestReply rr : channel.requestReplies()) {
            Send send = sends.stream()
                    .filter(s -> s.message().name().equals(rr.request().name()))
                    .findFirst()
                    .orElse(null);
            // One method per request message (the first operation wins); binary requests have no JSON to correlate.
            if (send == null
                    || WsEventEmitter.isRawBinary(send.message())
                    || !requested.add(send.message().name())) continue;
            List<Receive> replies = new ArrayList<>();
            List<String> pointers = new ArrayList<>();
            for (RequestReply.Reply reply : rr.replies()) {
                receives.stream()
                        .filter(r -> r.message().name().equals(reply.message().name()))
                        .findFirst()
                        .ifPresent(r -> {
                            replies.add(r);
                            pointers.add(reply.correlation());
                        });
            }
            if (replies.isEmpty()) continue;
            requests.add(new Request(
                    send,
                    member(members, send.method() + " and await reply"),
                    rr.requestCorrelation(),
                    replies,
                    pointers));
        }
        return new WsChannelPlan(
                channel,
                client,
                event,
                event.nestedClass(EventRecord.BINARY.javaName()),
                event.nestedClass(EventRecord.UNKNOWN.javaName()),
                receives,
                sends,
                requests);
    }
}
