package autosdk.emit.java;

import autosdk.GenerationRequest;
import autosdk.diag.Diagnostics;
import autosdk.model.ApiModel;
import autosdk.model.Channel;
import autosdk.read.SpecDocument;
import autosdk.read.SpecReader;
import autosdk.translate.ModelBuilder;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For tests: the Java names the WebSocket emitter gives each channel (client class, event records per received
 * message, send methods per sent message), taken from {@link WsChannelPlan} itself so a test never re-derives them.
 * Keys are the model's message names.
 */
public final class WsClientNames {
    private WsClientNames() {}

    /** One channel's names. {@code client} and {@code event} are simple class names in the request's package. */
    public record ChannelNames(
            String channelId,
            String address,
            String client,
            String event,
            Map<String, String> eventRecords,
            Map<String, String> sendMethods) {}

    /** The names for every channel of the request's spec, in the emitter's channel order. */
    public static List<ChannelNames> of(GenerationRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        SpecDocument spec = SpecReader.read(request.spec(), diagnostics)
                .orElseThrow(() -> new IllegalStateException(diagnostics.all().toString()));
        ApiModel model =
                ModelBuilder.build(spec, request.perspective() == GenerationRequest.Perspective.CLIENT, diagnostics);
        EmitOptions options = new EmitOptions(
                request.namespace(),
                ClassName.get(request.namespace(), request.contextSimpleName()),
                true,
                List.of(),
                request.spec().getFileName().toString(),
                request.clientClassName(),
                request.websocketClassName());
        // As JavaEmitter allocates client names: first, in a scope holding only the generator's own reserved names.
        // An AsyncAPI document has no REST operations, so no REST client name comes before them.
        JavaNames.Scope scope =
                new JavaNames.Scope(true, List.of(request.contextSimpleName(), "Builder", "Known", "Unknown"));
        List<String> wanted = new WebSocketClientEmitter(null, options).wantedNames(model);
        List<ChannelNames> out = new ArrayList<>();
        for (int i = 0; i < model.channels().size(); i++) {
            Channel channel = model.channels().get(i);
            ClassName client = ClassName.get(request.namespace(), scope.allocate(wanted.get(2 * i)));
            ClassName event = ClassName.get(request.namespace(), scope.allocate(wanted.get(2 * i + 1)));
            WsChannelPlan plan = WsChannelPlan.of(channel, client, event);
            Map<String, String> records = new LinkedHashMap<>();
            for (WsChannelPlan.Receive r : plan.receives()) {
                records.put(r.message().name(), r.record().simpleName());
            }
            Map<String, String> sends = new LinkedHashMap<>();
            for (WsChannelPlan.Send s : plan.sends()) sends.put(s.message().name(), s.method());
            out.add(new ChannelNames(
                    channel.id(), channel.address(), client.simpleName(), event.simpleName(), records, sends));
        }
        return out;
    }
}
