package autosdk.translate;

import autosdk.diag.Diagnostics;
import autosdk.model.ApiModel;
import autosdk.model.Channel;
import autosdk.model.Doc;
import autosdk.model.Operation;
import autosdk.model.SecurityScheme;
import autosdk.model.Server;
import autosdk.read.ListNode;
import autosdk.read.MapNode;
import autosdk.read.Pointers;
import autosdk.read.ScalarNode;
import autosdk.read.SpecDocument;
import autosdk.read.SpecKind;
import autosdk.read.SpecNode;
import autosdk.resolve.RefResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the resolved, language-neutral {@link ApiModel} of a spec; every problem goes to the diagnostics. */
public final class ModelBuilder {
    private ModelBuilder() {}

    public static ApiModel build(SpecDocument spec, boolean clientPerspective, Diagnostics diagnostics) {
        Expect expect = new Expect(diagnostics);
        MapNode root = spec.root();
        RefResolver resolver = new RefResolver(spec.file(), root, diagnostics);
        SchemaTranslator schemas = new SchemaTranslator(resolver, expect);

        String title = "Api";
        String version = null;
        String description = null;
        var info = expect.requiredMap(root, "info");
        if (info.isPresent()) {
            title = expect.string(info.get(), "title").orElse("Api");
            version = expect.string(info.get(), "version").orElse(null);
            description = expect.string(info.get(), "description").orElse(null);
        }

        // Components first, in document order, so their types get the plain names.
        expect.map(root, "components")
                .flatMap(c -> expect.map(c, "schemas"))
                .ifPresent(s -> s.entries().forEach((name, node) -> schemas.translate(node, List.of(name))));
        if (spec.kind() == SpecKind.OPENAPI) {
            expect.map(root, "definitions")
                    .ifPresent(s -> s.entries().forEach((name, node) -> schemas.translate(node, List.of(name))));
        }

        List<Operation> operations = List.of();
        List<Channel> channels = List.of();
        if (spec.kind() == SpecKind.OPENAPI) {
            operations = new OpenApiModelBuilder(schemas, expect).operations(root);
        } else {
            AsyncApiModelBuilder async = new AsyncApiModelBuilder(schemas, expect, clientPerspective);
            async.componentMessages(root);
            channels = async.channels(root, spec.isAsyncApi2());
        }
        RefCheck.check(root, resolver, diagnostics);
        List<Server> servers = servers(root, spec, resolver, expect);
        return new ApiModel(
                title,
                description,
                version,
                schemas.types(),
                operations,
                webSocketChannels(channels, servers, root, diagnostics),
                servers,
                securitySchemes(root, resolver, expect));
    }

    /** Protocols of AsyncAPI bindings that are not WebSocket (http and https may upgrade, as Slack RTM does). */
    private static final Set<String> NOT_WEBSOCKET = Set.of(
            "mqtt",
            "mqtt5",
            "secure-mqtt",
            "kafka",
            "kafka-secure",
            "amqp",
            "amqps",
            "amqp1",
            "jms",
            "nats",
            "sns",
            "sqs",
            "stomp",
            "stomps",
            "redis",
            "pulsar",
            "solace",
            "ibmmq",
            "googlepubsub",
            "anypointmq",
            "mercure");

    /**
     * The channels a WebSocket client can serve: those with a server that may speak WebSocket (or no protocol said).
     * Channels only reachable over Kafka, MQTT, AMQP... keep their models but get no client, with a warning.
     */
    private static List<Channel> webSocketChannels(
            List<Channel> channels, List<Server> servers, MapNode root, Diagnostics diagnostics) {
        if (servers.isEmpty()) return channels;
        List<Channel> out = new ArrayList<>();
        for (Channel c : channels) {
            List<Server> reachable = c.serverNames().isEmpty()
                    ? servers
                    : servers.stream()
                            .filter(s -> c.serverNames().contains(s.name()))
                            .toList();
            boolean webSocket = reachable.isEmpty()
                    || reachable.stream()
                            .anyMatch(s -> s.protocol() == null
                                    || !NOT_WEBSOCKET.contains(s.protocol().toLowerCase(Locale.ROOT)));
            if (webSocket) {
                out.add(c);
            } else {
                SpecNode at =
                        root.get("channels") instanceof MapNode cs && cs.get(c.id()) != null ? cs.get(c.id()) : root;
                diagnostics.warning(
                        at.location(),
                        "channel '" + c.id() + "' is served only over "
                                + reachable.stream()
                                        .map(Server::protocol)
                                        .distinct()
                                        .sorted()
                                        .toList()
                                + ", not WebSocket; its models are generated but it gets no client");
            }
        }
        return out;
    }

    private static List<Server> servers(MapNode root, SpecDocument spec, RefResolver resolver, Expect expect) {
        List<Server> out = new ArrayList<>();
        SpecNode serversNode = root.get("servers");
        List<Map.Entry<String, SpecNode>> entries = new ArrayList<>();
        if (serversNode instanceof MapNode map) {
            entries.addAll(map.entries().entrySet());
        } else if (serversNode instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                entries.add(Map.entry("server" + (i + 1), list.items().get(i)));
            }
        } else if (serversNode != null) {
            expect.wrongKind(serversNode, "servers", spec.kind() == SpecKind.OPENAPI ? "a list" : "an object");
        }
        for (Map.Entry<String, SpecNode> e : entries) {
            resolver.follow(e.getValue()).ifPresent(t -> {
                if (!(t.node() instanceof MapNode s)) return;
                String url;
                String protocol = s.string("protocol").orElse(null);
                if (s.has("host")) {
                    String host = s.string("host").orElse("localhost");
                    String pathname = s.string("pathname").orElse("");
                    url = (protocol == null ? "wss" : protocol) + "://" + host + pathname;
                } else {
                    url = expect.string(s, "url").orElse("/");
                }
                List<Server.Variable> vars = new ArrayList<>();
                expect.map(s, "variables")
                        .ifPresent(vs -> vs.entries()
                                .forEach((name, vn) -> resolver.follow(vn).ifPresent(vt -> {
                                    if (vt.node() instanceof MapNode v) {
                                        String def = v.get("default") instanceof ScalarNode d && !d.isNull()
                                                ? d.text()
                                                : null;
                                        vars.add(new Server.Variable(
                                                name,
                                                def,
                                                expect.strings(v, "enum"),
                                                new Doc(
                                                        null,
                                                        v.string("description").orElse(null),
                                                        false,
                                                        def,
                                                        null)));
                                    }
                                })));
                List<List<String>> security = new ArrayList<>();
                if (s.get("security") instanceof ListNode l) {
                    for (SpecNode item : l.items()) {
                        if (item instanceof MapNode req && req.has("$ref")) {
                            String ref = req.string("$ref").orElse("");
                            security.add(List.of(Pointers.unescape(ref.substring(ref.lastIndexOf('/') + 1))));
                        } else if (item instanceof MapNode req) {
                            security.add(List.copyOf(req.entries().keySet()));
                        }
                    }
                }
                out.add(new Server(
                        e.getKey(),
                        url,
                        protocol,
                        new Doc(null, s.string("description").orElse(null), false, null, null),
                        vars,
                        security));
            });
        }
        return out;
    }

    /**
     * The sub-protocol auth extension as comma-separated templates: written as a string, a list of
     * strings (each one sub-protocol, e.g. ["realtime", "openai-insecure-api-key.{apiKey}"]), or
     * an object with a template.
     */
    private static String subprotocolTemplate(SpecNode node) {
        if (node instanceof ScalarNode s && s.isString()) return (String) s.value();
        if (node instanceof ListNode l) {
            List<String> parts = new ArrayList<>();
            for (SpecNode item : l.items()) {
                if (item instanceof ScalarNode s && s.isString()) parts.add((String) s.value());
            }
            return parts.isEmpty() ? null : String.join(",", parts);
        }
        if (node instanceof MapNode sp) {
            return sp.string("template")
                    .or(() -> sp.string("format"))
                    .or(() -> sp.string("prefix"))
                    .orElse(null);
        }
        return null;
    }

    private static List<SecurityScheme> securitySchemes(MapNode root, RefResolver resolver, Expect expect) {
        List<SecurityScheme> out = new ArrayList<>();
        expect.map(root, "components")
                .flatMap(c -> expect.map(c, "securitySchemes"))
                .ifPresent(ss -> ss.entries()
                        .forEach((name, node) -> resolver.follow(node).ifPresent(t -> {
                            if (!(t.node() instanceof MapNode s)) return;
                            String type = s.string("type").orElse("").toLowerCase(Locale.ROOT);
                            String scheme = s.string("scheme").orElse("").toLowerCase(Locale.ROOT);
                            String in = s.string("in").orElse("header").toLowerCase(Locale.ROOT);
                            String paramName = s.string("name").orElse(null);
                            Doc doc = new Doc(null, s.string("description").orElse(null), false, null, null);
                            String template = subprotocolTemplate(s.get("x-subprotocol-auth"));
                            SecurityScheme.Kind kind;
                            if (template != null) kind = SecurityScheme.Kind.SUBPROTOCOL;
                            else if ((type.equals("http") || type.equals("httpbearer")) && scheme.equals("bearer")) {
                                kind = SecurityScheme.Kind.BEARER;
                            } else if (type.equals("http") && scheme.equals("basic")) {
                                kind = SecurityScheme.Kind.BASIC;
                            } else if (type.equals("userpassword")) {
                                kind = SecurityScheme.Kind.BASIC;
                            } else if ((type.equals("apikey") || type.equals("httpapikey")) && paramName != null) {
                                kind = SecurityScheme.Kind.API_KEY;
                            } else if (type.equals("oauth2") || type.equals("openidconnect")) {
                                kind = SecurityScheme.Kind.BEARER;
                            } else kind = SecurityScheme.Kind.OTHER;
                            out.add(new SecurityScheme(name, kind, in, paramName, template, doc));
                        })));
        return out;
    }
}
