package autosdk.emit.java;

import autosdk.model.ApiModel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** Emits one typed WebSocket client per AsyncAPI channel, with its sealed event type. */
final class WebSocketClientEmitter implements ClientEmitter {
    private final JavaTypes types;
    private final EmitOptions options;

    WebSocketClientEmitter(JavaTypes types, EmitOptions options) {
        this.types = types;
        this.options = options;
    }

    @Override
    public List<String> wantedNames(ApiModel model) {
        return List.of();
    }

    @Override
    public List<TypeSpec> emit(ApiModel model, List<ClassName> names) {
        return List.of();
    }

    @Override
    public List<String> runtimeFiles() {
        return RuntimeSources.WS;
    }
}
