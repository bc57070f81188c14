package autosdk.emit.java;

import autosdk.model.ApiModel;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/**
 * Emits the client classes of a spec (REST or WebSocket). Its class names are reserved before the
 * model's, so a schema can never take a name the generator needs.
 */
interface ClientEmitter {

    /** Simple names of the top-level classes this emitter will emit, in a stable order. */
    List<String> wantedNames(ApiModel model);

    /** Emits the classes, given the names allocated for {@link #wantedNames} (same order). */
    List<TypeSpec> emit(ApiModel model, List<ClassName> names);

    /** Runtime helpers (simple names, see {@link RuntimeSources}) the emitted classes use. */
    List<String> runtimeFiles();
}
