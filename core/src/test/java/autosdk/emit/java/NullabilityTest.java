package autosdk.emit.java;

import static org.assertj.core.api.Assertions.assertThat;

import autosdk.GenerationRequest;
import autosdk.GenerationResult;
import autosdk.Generator;
import autosdk.Libraries;
import autosdk.testing.Compiler;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --nullability jspecify}: the example chat API compiled with JSpecify on the class path (and on either Jackson)
 * carries the annotations Kotlin and null checkers read, in its class files: the package is {@code @NullMarked}, an
 * optional or nullable property's accessor, field and builder parameter are {@code @Nullable}, a required one's
 * accessor is not, and types whose members are not annotated one by one are {@code @NullUnmarked}.
 */
class NullabilityTest {

    @ParameterizedTest
    @EnumSource(Libraries.Jackson.class)
    void classFilesCarryTheJSpecifyAnnotations(Libraries.Jackson jackson) throws Exception {
        Path spec = Path.of("../examples/chat/openapi.yaml").toAbsolutePath().normalize();
        String pkg = "example.nullness." + jackson.name().toLowerCase(java.util.Locale.ROOT);
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, pkg, Path.of("unused"))
                .withLibraries(new Libraries(jackson, Libraries.Nullability.JSPECIFY)));
        Compiler.Result compiled = Compiler.compileCached(result.files());
        assertThat(compiled.errors()).as("javac errors").isEmpty();
        ClassLoader loader = compiled.loader();

        assertThat(loader.loadClass(pkg + ".package-info").isAnnotationPresent(NullMarked.class))
                .as("@NullMarked package")
                .isTrue();
        Class<?> room = loader.loadClass(pkg + ".Room");
        assertThat(room.isAnnotationPresent(NullUnmarked.class)).isFalse();
        assertThat(nullable(room.getMethod("topic").getAnnotatedReturnType()))
                .as("optional, nullable topic()")
                .isTrue();
        assertThat(nullable(room.getMethod("memberCount").getAnnotatedReturnType()))
                .as("optional memberCount()")
                .isTrue();
        assertThat(nullable(room.getMethod("name").getAnnotatedReturnType()))
                .as("required name()")
                .isFalse();
        assertThat(nullable(room.getMethod("id").getAnnotatedReturnType()))
                .as("required id()")
                .isFalse();
        assertThat(room.getMethod("id").getReturnType()).isEqualTo(UUID.class);
        assertThat(nullable(room.getDeclaredField("topic").getAnnotatedType()))
                .as("field topic")
                .isTrue();
        assertThat(nullable(room.getMethod("equals", Object.class).getAnnotatedParameterTypes()[0]))
                .as("equals accepts null")
                .isTrue();

        Class<?> builder = loader.loadClass(pkg + ".Room$Builder");
        Method setTopic = builder.getMethod("topic", String.class);
        Method setCreated = builder.getMethod("createdAt", OffsetDateTime.class);
        assertThat(nullable(setTopic.getAnnotatedParameterTypes()[0]))
                .as("builder topic(null) sends JSON null")
                .isTrue();
        assertThat(nullable(setCreated.getAnnotatedParameterTypes()[0]))
                .as("every setter accepts null")
                .isTrue();

        assertThat(loader.loadClass(pkg + ".Visibility").isAnnotationPresent(NullUnmarked.class))
                .as("enum")
                .isTrue();
        assertThat(loader.loadClass(pkg + ".Room$Codec").isAnnotationPresent(NullUnmarked.class))
                .as("codec")
                .isTrue();
        assertThat(loader.loadClass(pkg + ".SourceGenerationContext").isAnnotationPresent(NullUnmarked.class))
                .as("context")
                .isTrue();

        // The annotations change no behaviour: a room without its optional members reads, and they read as null.
        Object context = loader.loadClass(pkg + ".SourceGenerationContext")
                .getField("DEFAULT")
                .get(null);
        Object read = context.getClass()
                .getMethod("read", String.class, Class.class)
                .invoke(
                        context,
                        "{\"name\":\"general\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
                                + "\"created_at\":\"2024-01-01T00:00:00Z\"}",
                        room);
        assertThat(room.getMethod("topic").invoke(read)).isNull();
        assertThat(room.getMethod("name").invoke(read)).isEqualTo("general");
    }

    @ParameterizedTest
    @EnumSource(Libraries.Nullability.class)
    void withoutJSpecifyNothingMentionsIt(Libraries.Nullability nullability) throws Exception {
        Path spec = Path.of("../examples/chat/openapi.yaml").toAbsolutePath().normalize();
        GenerationResult result = Generator.plan(GenerationRequest.of(spec, "example.plain", Path.of("unused"))
                .withLibraries(new Libraries(Libraries.Jackson.V2, nullability)));
        boolean mentions = result.files().stream().anyMatch(f -> f.content().contains("org.jspecify"));
        assertThat(mentions).isEqualTo(nullability == Libraries.Nullability.JSPECIFY);
        assertThat(result.files().stream().anyMatch(f -> f.relativePath().endsWith("package-info.java")))
                .isEqualTo(nullability == Libraries.Nullability.JSPECIFY);
    }

    private static boolean nullable(AnnotatedType type) {
        return type.isAnnotationPresent(Nullable.class);
    }
}
