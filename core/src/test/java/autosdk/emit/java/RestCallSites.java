package autosdk.emit.java;

import autosdk.diag.Diagnostics;
import autosdk.model.ApiModel;
import autosdk.model.Body;
import autosdk.model.Operation;
import autosdk.model.Parameter;
import autosdk.read.SpecDocument;
import autosdk.read.SpecReader;
import autosdk.translate.ModelBuilder;
import com.palantir.javapoet.ClassName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For tests outside this package: how each REST operation of a spec is called in the generated SDK, read from the
 * emitter's own plan ({@link RestClientEmitter#plan}) so a test never re-derives Java names.
 */
public final class RestCallSites {
    private RestCallSites() {}

    /**
     * One operation's public method: reached through {@code accessor()} on the entry class (null: on the entry class
     * itself), named {@code method}, taking {@code arguments} (required parameters in signature order), then the
     * request body when {@code body} is not null, then the optional parameters when there are any: a nested
     * {@code …Params} object whose builder setters are {@code optionalSetters} when {@code paramsObject}, else one
     * trailing argument. A multipart form body has the builder setters {@code formSetters} for its
     * {@code formJsonNames}.
     */
    public record CallSite(
            Operation operation,
            String accessor,
            String method,
            List<Parameter> arguments,
            Body body,
            String requestKind,
            boolean formObject,
            List<Parameter> optional,
            List<String> optionalSetters,
            boolean paramsObject,
            String responseKind,
            boolean streams,
            List<String> formJsonNames,
            List<String> formSetters) {}

    /** The model the generator builds for {@code spec} (client perspective). */
    public static ApiModel model(Path spec) {
        Diagnostics diagnostics = new Diagnostics();
        SpecDocument doc =
                SpecReader.read(spec, diagnostics).orElseThrow(() -> new AssertionError(diagnostics.errors()));
        return ModelBuilder.build(doc, true, diagnostics);
    }

    /** The simple name of the entry client class (the one with {@code builder()}). */
    public static String entryClass(ApiModel model, String pkg) {
        JavaTypes types = new JavaTypes(model, Map.of(), pkg + ".runtime");
        return new RestClientEmitter(types, options(pkg)).wantedNames(model).get(0);
    }

    private static EmitOptions options(String pkg) {
        return new EmitOptions(pkg, ClassName.get(pkg, "SourceGenerationContext"), true, List.of(), "spec", null, null);
    }

    /** The call site of every operation of {@code model}, in the model's order of classes and operations. */
    public static List<CallSite> of(ApiModel model, String pkg) {
        JavaTypes types = new JavaTypes(model, Map.of(), pkg + ".runtime");
        RestClientEmitter emitter = new RestClientEmitter(types, options(pkg));
        List<ClassName> names = emitter.wantedNames(model).stream()
                .map(n -> ClassName.get(pkg, n))
                .toList();
        List<CallSite> sites = new ArrayList<>();
        for (RestClientEmitter.ClientPlan plan : emitter.plan(model, names)) {
            for (int i = 0; i < plan.operations().size(); i++) {
                RestOperation op = plan.operations().get(i);
                RestNames n = plan.names().get(i);
                // One call site per operation: its primary method. The methods for its other request media types
                // (createFileMultipart next to createFile) follow it in the plan; RestWireTest checks those on the
                // wire.
                if (i > 0 && plan.operations().get(i - 1).op() == op.op()) continue;
                boolean hasBody = op.requestKind() != RestOperation.RequestKind.NONE;
                autosdk.model.ObjectType form = n.form() != null ? RestForms.formObject(op, types) : null;
                sites.add(new CallSite(
                        op.op(),
                        plan.accessor(),
                        n.method(),
                        op.required(),
                        hasBody ? op.request() : null,
                        op.requestKind().name(),
                        n.form() != null,
                        op.optional(),
                        RestForms.paramNames(op.optional()),
                        n.params() != null,
                        op.responseKind().name(),
                        op.stream() != null,
                        form == null
                                ? List.of()
                                : form.properties().stream()
                                        .map(autosdk.model.Property::jsonName)
                                        .toList(),
                        form == null ? List.of() : RestForms.formNames(form)));
            }
        }
        return sites;
    }
}
