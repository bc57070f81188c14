package autosdk.emit.java;

import autosdk.model.ApiModel;
import autosdk.model.Channel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits one typed WebSocket client per AsyncAPI channel, with its sealed event type. The client class extends the
 * runtime's {@code WsClientBase} (lifecycle, dispatch, inbox); this emitter adds what the spec decides: connect
 * parameters and auth ({@link WsBuilderEmitter}), typed sends and handlers ({@link WsClientClassEmitter}), and the
 * events with their decoding ({@link WsEventEmitter}).
 */
final class WebSocketClientEmitter implements ClientEmitter {
    private final JavaTypes types;
    private final EmitOptions options;

    WebSocketClientEmitter(JavaTypes types, EmitOptions options) {
        this.types = types;
        this.options = options;
    }

    /** Two classes per channel, client then event type, in channel order. */
    @Override
    public List<String> wantedNames(ApiModel model) {
        List<String> names = new ArrayList<>();
        List<Channel> channels = model.channels();
        String chosen = options.websocketClassName();
        for (Channel c : channels) {
            String client;
            if (chosen != null && !chosen.isBlank()) {
                String base = JavaNames.typeName(List.of(chosen));
                client = channels.size() == 1 ? base : base + channelName(c);
            } else {
                String base = JavaNames.typeName(List.of(model.title() == null ? "Api" : model.title()));
                client = base + (channels.size() == 1 ? "" : channelName(c)) + "Client";
            }
            names.add(client);
            names.add(client + "Event");
        }
        return names;
    }

    private static String channelName(Channel c) {
        String name = JavaNames.words(c.id()).isEmpty() ? "Root" : JavaNames.typeName(List.of(c.id()));
        return name.startsWith("_") ? name.substring(1) : name;
    }

    @Override
    public List<TypeSpec> emit(ApiModel model, List<ClassName> names) {
        List<TypeSpec> out = new ArrayList<>();
        for (int i = 0; i < model.channels().size(); i++) {
            WsChannelPlan plan = WsChannelPlan.of(model.channels().get(i), names.get(2 * i), names.get(2 * i + 1));
            out.add(new WsClientClassEmitter(types, options, model).emit(plan));
            out.add(new WsEventEmitter(types).emit(plan));
        }
        return out;
    }

    @Override
    public List<String> runtimeFiles() {
        return RuntimeSources.ws(options.transport());
    }
}
