package autosdk.translate;

import autosdk.model.Channel;
import autosdk.model.Doc;
import autosdk.model.Message;
import autosdk.model.Parameter;
import autosdk.model.RequestReply;
import autosdk.model.RequestReply.Reply;
import autosdk.model.TypeRef;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.Pointers;
import autosdk.read.ScalarNode;
import autosdk.read.SpecNode;
import autosdk.resolve.RefResolver;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the channels of an AsyncAPI 2.x or 3.x document and sorts each channel's messages into
 * what our client sends and what it receives, from the perspective the user chose.
 */
final class AsyncApiModelBuilder {
    private final SchemaTranslator schemas;
    private final Expect expect;
    private final boolean clientPerspective;
    private final Discriminators discriminators;
    private final Map<String, Message> messagesByKey = new LinkedHashMap<>();
    /** The payload schema of each message, for finding discriminators. */
    private final IdentityHashMap<Message, MapNode> payloadSchemas = new IdentityHashMap<>();
    /** The payload JSON pointer of each message's correlation id, when it declares one in its payload. */
    private final IdentityHashMap<Message, String> correlations = new IdentityHashMap<>();

    AsyncApiModelBuilder(SchemaTranslator schemas, Expect expect, boolean clientPerspective) {
        this.schemas = schemas;
        this.expect = expect;
        this.clientPerspective = clientPerspective;
        this.discriminators = new Discriminators(schemas);
    }

    /** Registers the messages under components so their payload types exist even when no channel uses them. */
    void componentMessages(MapNode root) {
        expect.map(root, "components")
                .flatMap(c -> expect.map(c, "messages"))
                .ifPresent(messages -> messages.entries().forEach((name, node) -> message(node, name)));
    }

    List<Channel> channels(MapNode root, boolean v2) {
        return v2 ? channelsV2(root) : channelsV3(root);
    }

    // ---- AsyncAPI 3 ----------------------------------------------------------------------

    private List<Channel> channelsV3(MapNode root) {
        Map<String, ChannelBuilder> channels = new LinkedHashMap<>();
        expect.map(root, "channels")
                .ifPresent(cs -> cs.entries()
                        .forEach((id, node) -> follow(node).ifPresent(c -> {
                            ChannelBuilder b = new ChannelBuilder(id, c);
                            channels.put(schemas.resolver().keyOf(c), b);
                        })));
        expect.map(root, "operations")
                .ifPresent(ops -> ops.entries()
                        .forEach((opId, node) -> follow(node).ifPresent(op -> {
                            Optional<String> action = expect.string(op, "action");
                            if (action.isEmpty()
                                    || !(action.get().equals("send")
                                            || action.get().equals("receive"))) {
                                expect.diagnostics()
                                        .error(
                                                op.location(),
                                                "operation '" + opId + "' needs an 'action' of send or receive");
                                return;
                            }
                            Optional<MapNode> channelNode =
                                    op.has("channel") ? follow(op.get("channel")) : Optional.empty();
                            if (channelNode.isEmpty()) {
                                expect.diagnostics()
                                        .error(op.location(), "operation '" + opId + "' needs a 'channel' reference");
                                return;
                            }
                            ChannelBuilder channel =
                                    channels.get(schemas.resolver().keyOf(channelNode.get()));
                            if (channel == null) return;
                            boolean documentSends = action.get().equals("send");
                            boolean clientSends = documentSends == clientPerspective;
                            // Without 'messages' an operation carries every message of its channel; an empty list
                            // carries none.
                            Optional<List<SpecNode>> refs =
                                    expect.list(op, "messages").map(ListNode::items);
                            List<Message> messages = refs.isEmpty()
                                    ? channel.allMessages()
                                    : refs.get().stream()
                                            .map(r -> message(r, null))
                                            .flatMap(Optional::stream)
                                            .toList();
                            channel.add(clientSends, messages);
                            channel.security.addAll(OpenApiModelBuilder.security(op));
                            expect.map(op, "reply").ifPresent(reply -> {
                                Optional<List<SpecNode>> replyRefs =
                                        expect.list(reply, "messages").map(ListNode::items);
                                ChannelBuilder replyChannel = reply.has("channel")
                                        ? follow(reply.get("channel"))
                                                .map(c -> channels.get(
                                                        schemas.resolver().keyOf(c)))
                                                .orElse(channel)
                                        : channel;
                                if (replyChannel == null) replyChannel = channel;
                                List<Message> replies = replyRefs.isEmpty()
                                        ? replyChannel.allMessages()
                                        : replyRefs.get().stream()
                                                .map(r -> message(r, null))
                                                .flatMap(Optional::stream)
                                                .toList();
                                // A reply travels the other way from its operation.
                                channel.add(!clientSends, replies);
                                if (clientSends && replyChannel == channel && !replies.isEmpty()) {
                                    for (Message request : messages) {
                                        channel.requestReplies.add(new RequestReply(
                                                opId,
                                                request,
                                                correlations.get(request),
                                                replies.stream()
                                                        .map(r -> new Reply(r, correlations.get(r)))
                                                        .toList()));
                                    }
                                }
                            });
                        })));
        return channels.values().stream()
                .filter(ChannelBuilder::hasOperations)
                .map(ChannelBuilder::build)
                .toList();
    }

    // ---- AsyncAPI 2 ----------------------------------------------------------------------

    private List<Channel> channelsV2(MapNode root) {
        List<Channel> out = new ArrayList<>();
        expect.map(root, "channels")
                .ifPresent(cs -> cs.entries()
                        .forEach((address, node) -> follow(node).ifPresent(c -> {
                            ChannelBuilder b = new ChannelBuilder(address, c);
                            b.address = address;
                            // In 2.x, "publish" is what the application described sends to the channel.
                            for (String key : List.of("publish", "subscribe")) {
                                expect.map(c, key).ifPresent(op -> {
                                    boolean documentSends = key.equals("publish");
                                    List<Message> messages = new ArrayList<>();
                                    if (op.has("message")) {
                                        follow(op.get("message")).ifPresent(m -> {
                                            if (m.get("oneOf") instanceof ListNode list) {
                                                for (SpecNode item : list.items()) {
                                                    message(item, null).ifPresent(messages::add);
                                                }
                                            } else {
                                                message(
                                                                op.get("message"),
                                                                expect.string(op, "operationId")
                                                                        .orElse(null))
                                                        .ifPresent(messages::add);
                                            }
                                        });
                                    }
                                    b.add(documentSends == clientPerspective, messages);
                                    b.security.addAll(OpenApiModelBuilder.security(op));
                                });
                            }
                            if (b.hasOperations()) out.add(b.build());
                        })));
        return out;
    }

    // ---- messages ------------------------------------------------------------------------

    private Optional<Message> message(SpecNode node, String fallbackName) {
        Optional<RefResolver.Target> target = schemas.resolver().follow(node);
        if (target.isEmpty()) return Optional.empty();
        if (!(target.get().node() instanceof MapNode m)) {
            expect.wrongKind(target.get().node(), "message", "an object");
            return Optional.empty();
        }
        Message cached = messagesByKey.get(target.get().key());
        if (cached != null) return Optional.of(cached);
        String name = messageName(m, target.get().node(), fallbackName);
        TypeRef payload = new TypeRef.Any();
        boolean binary = false;
        String contentType = m.string("contentType").orElse(null);
        Optional<String> schemaFormat = m.string("schemaFormat");
        SpecNode payloadNode = m.get("payload");
        // AsyncAPI 3 may wrap the schema: {schemaFormat, schema}.
        if (payloadNode instanceof MapNode pm && pm.has("schemaFormat") && pm.has("schema")) {
            schemaFormat = pm.string("schemaFormat");
            payloadNode = pm.get("schema");
        }
        boolean jsonSchema = schemaFormat.isEmpty() || isJsonSchemaFormat(schemaFormat.get());
        if (!jsonSchema) {
            // Avro, RAML, Protobuf...: the schema is not read at all, so its refs (even remote ones) do not matter.
            expect.diagnostics()
                    .warning(
                            m.location(),
                            "message '" + name + "' uses schemaFormat " + schemaFormat.get()
                                    + ", which is not JSON Schema; its payload is typed as raw JSON");
        } else if (payloadNode != null) {
            payload = schemas.translate(payloadNode, List.of(name));
            binary = payload instanceof TypeRef.Scalar s && s.kind() == TypeRef.ScalarKind.BINARY;
        }
        if (contentType != null) {
            String ct = contentType.toLowerCase(Locale.ROOT);
            binary |= ct.startsWith("application/octet-stream")
                    || ct.startsWith("audio/")
                    || ct.startsWith("image/")
                    || ct.startsWith("video/");
        }
        Doc doc = new Doc(
                m.string("title").orElse(m.string("summary").orElse(null)),
                m.string("description").orElse(null),
                expect.bool(m, "deprecated"),
                null,
                null);
        Message message = new Message(name, payload, contentType, doc, binary, null, null);
        messagesByKey.put(target.get().key(), message);
        correlationPointer(m).ifPresent(p -> correlations.put(message, p));
        if (payloadNode != null && jsonSchema) {
            SpecNode payloadSchema = payloadNode;
            schemas.resolver().follow(payloadSchema).ifPresent(t -> {
                if (t.node() instanceof MapNode pm) payloadSchemas.put(message, pm);
            });
        }
        return Optional.of(message);
    }

    /** {@code $message.payload#/reqid} gives {@code /reqid}; header locations have no meaning on a WebSocket frame. */
    private Optional<String> correlationPointer(MapNode message) {
        if (!message.has("correlationId")) return Optional.empty();
        return follow(message.get("correlationId"))
                .flatMap(c -> c.string("location"))
                .flatMap(location -> {
                    String prefix = "$message.payload#";
                    if (!location.startsWith(prefix)) return Optional.empty();
                    String pointer = location.substring(prefix.length());
                    return pointer.isEmpty() || pointer.startsWith("/") ? Optional.of(pointer) : Optional.empty();
                });
    }

    private static boolean isJsonSchemaFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return f.contains("asyncapi")
                || f.contains("schema+json")
                || f.contains("schema+yaml")
                || f.contains("openapi");
    }

    private static String messageName(MapNode m, SpecNode node, String fallback) {
        Optional<String> explicit = m.string("name").or(() -> m.string("messageId"));
        if (explicit.isPresent()) return explicit.get();
        String pointer = node.pointer();
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (!last.isEmpty() && !last.matches("\\d+") && !last.equals("message")) return Pointers.unescape(last);
        if (fallback != null) return fallback;
        return m.string("title").orElse("Message");
    }

    // ---- channels ------------------------------------------------------------------------

    /** Collects one channel's messages by direction, then finds how to tell received messages apart. */
    private final class ChannelBuilder {
        final String id;
        final MapNode node;
        String address;
        final List<Message> sends = new ArrayList<>();
        final List<Message> receives = new ArrayList<>();
        final List<List<String>> security = new ArrayList<>();
        final List<RequestReply> requestReplies = new ArrayList<>();
        boolean operations;

        ChannelBuilder(String id, MapNode node) {
            this.id = id;
            this.node = node;
            this.address = node.has("address") ? node.string("address").orElse(null) : id;
        }

        List<Message> allMessages() {
            List<Message> all = new ArrayList<>();
            expect.map(node, "messages")
                    .ifPresent(ms ->
                            ms.entries().forEach((name, m) -> message(m, name).ifPresent(all::add)));
            return all;
        }

        void add(boolean clientSends, List<Message> messages) {
            operations = true;
            List<Message> into = clientSends ? sends : receives;
            for (Message m : messages) {
                if (into.stream().noneMatch(x -> x.name().equals(m.name()))) into.add(m);
            }
        }

        boolean hasOperations() {
            return operations;
        }

        Channel build() {
            List<Parameter> params = new ArrayList<>();
            expect.map(node, "parameters")
                    .ifPresent(ps -> ps.entries()
                            .forEach((name, p) -> follow(p).ifPresent(pm -> {
                                MapNode schema = pm.get("schema") instanceof MapNode s ? s : pm;
                                List<String> enums = expect.strings(schema, "enum");
                                String def =
                                        schema.get("default") instanceof ScalarNode d && !d.isNull() ? d.text() : null;
                                params.add(new Parameter(
                                        name,
                                        Parameter.Location.PATH,
                                        TypeRef.scalar(TypeRef.ScalarKind.STRING),
                                        def == null,
                                        "simple",
                                        false,
                                        new Doc(null, pm.string("description").orElse(null), false, def, null),
                                        def,
                                        enums));
                            })));
            expect.map(node, "bindings").flatMap(b -> expect.map(b, "ws")).ifPresent(ws -> {
                bindingParams(ws, "query", Parameter.Location.QUERY, params);
                bindingParams(ws, "headers", Parameter.Location.HEADER, params);
            });
            List<String> servers = new ArrayList<>();
            expect.list(node, "servers")
                    .ifPresent(l -> l.items().forEach(s -> {
                        if (s instanceof MapNode sm && sm.string("$ref").isPresent()) {
                            // the server's name is the key the ref resolves to (which may contain a '/')
                            schemas.resolver().follow(sm).ifPresent(t -> {
                                String pointer = t.node().pointer();
                                servers.add(Pointers.unescape(pointer.substring(pointer.lastIndexOf('/') + 1)));
                            });
                        } else if (s instanceof ScalarNode sc && sc.isString()) {
                            servers.add((String) sc.value());
                        }
                    }));
            Doc doc = new Doc(
                    node.string("title").orElse(null),
                    node.string("description").orElse(null),
                    false,
                    null,
                    null);
            return new Channel(
                    id,
                    address == null ? "/" : address,
                    doc,
                    params,
                    sends,
                    tagged(receives),
                    servers,
                    security,
                    requestReplies);
        }

        private void bindingParams(MapNode ws, String key, Parameter.Location in, List<Parameter> out) {
            expect.map(ws, key)
                    .flatMap(s -> schemas.resolver().follow(s).map(t -> t.node() instanceof MapNode m ? m : null))
                    .ifPresent(schema -> {
                        List<String> required = expect.strings(schema, "required");
                        expect.map(schema, "properties")
                                .ifPresent(props -> props.entries().forEach((name, propNode) -> {
                                    MapNode prop = schemas.resolver()
                                            .follow(propNode)
                                            .map(t -> t.node() instanceof MapNode m ? m : null)
                                            .orElse(null);
                                    if (prop == null) return;
                                    TypeRef type = schemas.translate(propNode, List.of(id, name));
                                    String def = prop.get("default") instanceof ScalarNode d && !d.isNull()
                                            ? d.text()
                                            : null;
                                    List<String> enums = prop.get("enum") instanceof ListNode
                                            ? expect.strings(prop, "enum")
                                            : List.of();
                                    out.add(new Parameter(
                                            name,
                                            in,
                                            type,
                                            required.contains(name),
                                            in == Parameter.Location.QUERY ? "form" : "simple",
                                            true,
                                            new Doc(
                                                    null,
                                                    prop.string("description").orElse(null),
                                                    false,
                                                    def,
                                                    null),
                                            def,
                                            enums));
                                }));
                    });
        }

        /**
         * Marks each received message with the property value that identifies it, when one exists: a property fixed
         * in every JSON message (whatever its name), else one nested in a common envelope. Binary messages never
         * take part. Messages that share a value, or have no discriminator, are matched by shape; both are reported.
         */
        private List<Message> tagged(List<Message> messages) {
            List<Message> json = new ArrayList<>();
            List<MapNode> payloads = new ArrayList<>();
            for (Message m : messages) {
                MapNode payload = payloadSchema(m);
                if (m.binary() || payload == null) continue;
                json.add(m);
                payloads.add(payload);
            }
            if (json.size() < 2) return messages;
            String property = discriminators.common(payloads);
            if (property == null) property = discriminators.nested(payloads);
            if (property == null) property = discriminators.shared(payloads);
            if (property == null) {
                expect.diagnostics()
                        .warning(
                                node.location(),
                                "the messages received on channel '" + id
                                        + "' have no common discriminating property; they are matched by shape");
                return messages;
            }
            Map<String, List<String>> byValue = new LinkedHashMap<>();
            List<Message> out = new ArrayList<>();
            for (Message m : messages) {
                int i = json.indexOf(m);
                if (i < 0) {
                    out.add(m);
                    continue;
                }
                String value = discriminators.constAt(payloads.get(i), property);
                byValue.computeIfAbsent(value, k -> new ArrayList<>()).add(m.name());
                out.add(new Message(m.name(), m.payload(), m.contentType(), m.doc(), m.binary(), property, value));
            }
            for (Map.Entry<String, List<String>> e : byValue.entrySet()) {
                if (e.getValue().size() < 2) continue;
                expect.diagnostics()
                        .warning(
                                node.location(),
                                "messages " + String.join(", ", e.getValue()) + " received on channel '" + id
                                        + "' share " + property + "=" + e.getKey()
                                        + "; they are told apart by shape (required properties and fixed values)");
            }
            return out;
        }

        private MapNode payloadSchema(Message m) {
            return payloadSchemas.get(m);
        }
    }

    private Optional<MapNode> follow(SpecNode node) {
        return schemas.followToObject(node);
    }
}
