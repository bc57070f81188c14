package dev.autosdk.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosdk.bench.openai.realtime.OpenAiRealtimeApiClientEvent;
import dev.autosdk.bench.openai.realtime.RealtimeConversationItem;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventResponseAudioDelta;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventResponseDone;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventSessionCreated;
import dev.autosdk.bench.openai.realtime.RealtimeServerEventSessionCreatedSession;
import dev.autosdk.bench.openai.realtime.ServerEventDispatch;
import dev.autosdk.bench.openai.realtime.SourceGenerationContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark fixtures are valid for the spec (they decode into the typed variants, never {@code Unknown}),
 * every codec under test reads all of them, and writing them back gives the same JSON.
 */
class FixturesTest {
    private static final ObjectMapper TREE = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void generatedCodecsRoundTripEveryFixture(Fixture fixture) throws Exception {
        byte[] json = fixture.bytes();
        Object value = SourceGenerationContext.DEFAULT.read(json, fixture.generatedType);
        assertThat(value).isInstanceOf(fixture.generatedType);
        // A union member that matched no variant would show here.
        assertThat(value.toString()).doesNotContain("Unknown[");
        JsonNode back = TREE.readTree(SourceGenerationContext.DEFAULT.writeBytes(value));
        assertSameJson(back, TREE.readTree(json));
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void databindClassesCoverEveryFixture(Fixture fixture) throws Exception {
        byte[] json = fixture.bytes();
        // FAIL_ON_UNKNOWN_PROPERTIES is on: every property of the fixture has a field.
        Object value = DatabindEvents.MAPPER.readValue(json, fixture.databindType);
        JsonNode back = TREE.readTree(DatabindEvents.MAPPER.writeValueAsBytes(value));
        // databind drops explicit nulls (NON_NULL): compare without them.
        assertSameJson(withoutNulls(back), withoutNulls(TREE.readTree(json)));
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void officialSdkReadsValidatesAndWritesEveryFixture(Fixture fixture) throws Exception {
        byte[] json = fixture.bytes();
        Object value = OpenAiJavaEvents.decode(json, fixture.openaiType);
        assertThat(value).isInstanceOf(fixture.openaiType);
        assertSameJson(withoutNulls(TREE.readTree(OpenAiJavaEvents.encode(value))), withoutNulls(TREE.readTree(json)));
        // Its server-event union picks the same event class.
        Object event = OpenAiJavaEvents.decodeServerEvent(new String(json, StandardCharsets.UTF_8));
        assertThat(event.toString()).contains(fixture.openaiType.getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void generatedClientDispatchGivesTheTypedEvent(Fixture fixture) {
        OpenAiRealtimeApiClientEvent event =
                ServerEventDispatch.decode(new String(fixture.bytes(), StandardCharsets.UTF_8));
        assertThat(event).isNotInstanceOf(OpenAiRealtimeApiClientEvent.Unknown.class);
        assertThat(event.toString()).doesNotContain("Unknown[");
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void tokenBaselinesSeeTheWholeDocument(Fixture fixture) throws Exception {
        byte[] json = fixture.bytes();
        assertThat(TokenScan.scan(json)).isGreaterThan(10);
        assertSameJson(TREE.readTree(TokenScan.Recording.of(json).write()), TREE.readTree(json));
    }

    @Test
    void audioDeltaCarriesBase64Audio() {
        var e = SourceGenerationContext.DEFAULT.read(
                Fixture.AUDIO_DELTA.bytes(), RealtimeServerEventResponseAudioDelta.class);
        assertThat(e.type()).isEqualTo("response.output_audio.delta");
        assertThat(Base64.getDecoder().decode(e.delta())).hasSize(3600);
    }

    @Test
    void sessionCreatedIsTheRealtimeVariant() {
        var e = SourceGenerationContext.DEFAULT.read(
                Fixture.SESSION_CREATED.bytes(), RealtimeServerEventSessionCreated.class);
        assertThat(e.session())
                .isInstanceOf(RealtimeServerEventSessionCreatedSession.OfRealtimeSessionCreateResponseGa.class);
        var session =
                ((RealtimeServerEventSessionCreatedSession.OfRealtimeSessionCreateResponseGa) e.session()).value();
        assertThat(session.tools()).hasSize(2);
    }

    @Test
    void responseDoneHasTypedOutputItems() {
        var e = SourceGenerationContext.DEFAULT.read(
                Fixture.RESPONSE_DONE.bytes(), RealtimeServerEventResponseDone.class);
        assertThat(e.response().output())
                .hasSize(12)
                .noneMatch(item -> item instanceof RealtimeConversationItem.Unknown)
                .filteredOn(item -> item instanceof RealtimeConversationItem.OfRealtimeConversationItemFunctionCall)
                .hasSize(3);
    }

    @Test
    void responseDoneAssistantMessagesAreTheAssistantVariant() {
        var e = SourceGenerationContext.DEFAULT.read(
                Fixture.RESPONSE_DONE.bytes(), RealtimeServerEventResponseDone.class);
        assertThat(e.response().output())
                .filteredOn(item -> item instanceof RealtimeConversationItem.OfRealtimeConversationItemMessageAssistant)
                .hasSize(9);
    }

    /** Equal JSON, numbers compared by value (1 and 1.0 are the same number). */
    private static void assertSameJson(JsonNode actual, JsonNode expected) {
        Comparator<JsonNode> numbersByValue = (x, y) -> {
            if (x.equals(y)) return 0;
            if (x.isNumber() && y.isNumber()) return x.decimalValue().compareTo(y.decimalValue());
            return 1;
        };
        assertThat(actual.equals(numbersByValue, expected))
                .as("%s%nshould be the same JSON as%n%s", actual, expected)
                .isTrue();
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            var copy = TREE.createObjectNode();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) copy.set(f.getKey(), withoutNulls(f.getValue()));
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = TREE.createArrayNode();
            node.forEach(n -> copy.add(withoutNulls(n)));
            return copy;
        }
        return node;
    }
}
