package autosdk.emit.java;

import autosdk.model.ApiModel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** Emits the REST client of an OpenAPI spec: an entry class and one sub-client per tag. */
final class RestClientEmitter implements ClientEmitter {
    private final JavaTypes types;
    private final EmitOptions options;

    RestClientEmitter(JavaTypes types, EmitOptions options) {
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
        return RuntimeSources.HTTP;
    }
}
