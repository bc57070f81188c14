package autosdk;

import autosdk.emit.java.JavaNames;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one generation run needs; built by the CLI or the Maven plugin from their options,
 * so both share one core.
 */
public record GenerationRequest(
        Path spec,
        String namespace,
        Path output,
        String typesNamespace,
        ModelMode generateModels,
        String jsonSerializerContext,
        Perspective perspective,
        String clientClassName,
        String websocketClassName,
        Path typesIndex,
        Libraries libraries,
        Transport transport) {

    /** Whether the run emits models: always, never (they exist in the types namespace), or only those missing there. */
    public enum ModelMode {
        TRUE,
        FALSE,
        AUTO;

        public static ModelMode parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> TRUE;
                case "false" -> FALSE;
                case "auto" -> AUTO;
                default -> throw new IllegalArgumentException("expected true, false or auto, found '" + text + "'");
            };
        }
    }

    /** Whose side the AsyncAPI document describes; "client" means its send operations are what our client sends. */
    public enum Perspective {
        CLIENT,
        SERVER
    }

    public GenerationRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(output, "output");
        generateModels = generateModels == null ? ModelMode.TRUE : generateModels;
        perspective = perspective == null ? Perspective.CLIENT : perspective;
        libraries = libraries == null ? Libraries.DEFAULT : libraries;
        transport = transport == null ? Transport.JDK : transport;
    }

    /** A request with the default libraries (Jackson 2, no nullability annotations) on the default transport. */
    public GenerationRequest(
            Path spec,
            String namespace,
            Path output,
            String typesNamespace,
            ModelMode generateModels,
            String jsonSerializerContext,
            Perspective perspective,
            String clientClassName,
            String websocketClassName,
            Path typesIndex) {
        this(
                spec,
                namespace,
                output,
                typesNamespace,
                generateModels,
                jsonSerializerContext,
                perspective,
                clientClassName,
                websocketClassName,
                typesIndex,
                Libraries.DEFAULT,
                Transport.JDK);
    }

    /** This request with other libraries ({@code --jackson}, {@code --nullability}). */
    public GenerationRequest withLibraries(Libraries chosen) {
        return toBuilder().libraries(chosen).build();
    }

    /** The same request on another transport ({@code --transport}). */
    public GenerationRequest withTransport(Transport chosen) {
        return toBuilder().transport(chosen).build();
    }

    public static GenerationRequest of(Path spec, String namespace, Path output) {
        return builder(spec, namespace, output).build();
    }

    /** A builder with the three required settings; every other setting keeps its default until set. */
    public static Builder builder(Path spec, String namespace, Path output) {
        return new Builder().spec(spec).namespace(namespace).output(output);
    }

    /** A builder pre-filled with this request, to derive a variant by name rather than by position. */
    public Builder toBuilder() {
        return new Builder()
                .spec(spec)
                .namespace(namespace)
                .output(output)
                .typesNamespace(typesNamespace)
                .generateModels(generateModels)
                .jsonSerializerContext(jsonSerializerContext)
                .perspective(perspective)
                .clientClassName(clientClassName)
                .websocketClassName(websocketClassName)
                .typesIndex(typesIndex)
                .libraries(libraries)
                .transport(transport);
    }

    /** Sets the request's components by name; {@link #build()} applies the record's checks and defaults. */
    public static final class Builder {
        private Path spec;
        private String namespace;
        private Path output;
        private String typesNamespace;
        private ModelMode generateModels;
        private String jsonSerializerContext;
        private Perspective perspective;
        private String clientClassName;
        private String websocketClassName;
        private Path typesIndex;
        private Libraries libraries;
        private Transport transport;

        private Builder() {}

        public Builder spec(Path spec) {
            this.spec = spec;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder output(Path output) {
            this.output = output;
            return this;
        }

        public Builder typesNamespace(String typesNamespace) {
            this.typesNamespace = typesNamespace;
            return this;
        }

        public Builder generateModels(ModelMode generateModels) {
            this.generateModels = generateModels;
            return this;
        }

        public Builder jsonSerializerContext(String jsonSerializerContext) {
            this.jsonSerializerContext = jsonSerializerContext;
            return this;
        }

        public Builder perspective(Perspective perspective) {
            this.perspective = perspective;
            return this;
        }

        public Builder clientClassName(String clientClassName) {
            this.clientClassName = clientClassName;
            return this;
        }

        public Builder websocketClassName(String websocketClassName) {
            this.websocketClassName = websocketClassName;
            return this;
        }

        public Builder typesIndex(Path typesIndex) {
            this.typesIndex = typesIndex;
            return this;
        }

        /** The Jackson major version and nullability annotations ({@code --jackson}, {@code --nullability}). */
        public Builder libraries(Libraries libraries) {
            this.libraries = libraries;
            return this;
        }

        /** The HTTP library REST clients send through ({@code --transport}). */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        public GenerationRequest build() {
            return new GenerationRequest(
                    spec,
                    namespace,
                    output,
                    typesNamespace,
                    generateModels,
                    jsonSerializerContext,
                    perspective,
                    clientClassName,
                    websocketClassName,
                    typesIndex,
                    libraries,
                    transport);
        }
    }

    /** The simple name of this run's own JSON context class. */
    public String contextSimpleName() {
        if (jsonSerializerContext == null || jsonSerializerContext.isBlank()) return "SourceGenerationContext";
        int dot = jsonSerializerContext.lastIndexOf('.');
        return dot < 0 ? jsonSerializerContext : jsonSerializerContext.substring(dot + 1);
    }

    /** Derives a package name from a spec's file name, e.g. "asyncapi-slack.yml" → "asyncapi_slack". */
    public static String defaultNamespace(Path spec) {
        String base = spec.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String name =
                base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) name = "api";
        if (Character.isDigit(name.charAt(0))) name = "api_" + name;
        return JavaNames.isPackageName(name) && !JavaNames.isJdkPackage(name) ? name : name + "_api";
    }
}
