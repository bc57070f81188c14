package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import MyCompany.MyApi.ChatMessage;
import MyCompany.MyApi.MessageCreated;
import MyCompany.MyApi.SourceGenerationContext;
import MyCompany.MyApi.Typing;
import MyCompany.MyApi.Realtime.ChatRealtimeClient;
import org.junit.jupiter.api.Test;

/**
 * Runs inside the sample project: both steps' sources compiled together, the realtime client uses
 * step 1's models, and step 1's JSON context round-trips them.
 */
class TwoStepTest {
    private static final SourceGenerationContext JSON = SourceGenerationContext.DEFAULT;
    private static final String CHAT_MESSAGE =
            "{\"id\":\"m1\",\"room_id\":\"r1\",\"author\":\"ann\",\"content\":{\"type\":\"text\",\"text\":\"hi\"},\"future\":[1,2]}";

    @Test
    void restModelRoundTripsThroughTheGeneratedContext() {
        ChatMessage message = JSON.read(CHAT_MESSAGE, ChatMessage.class);
        assertEquals("ann", message.author());
        assertEquals(CHAT_MESSAGE, JSON.write(message));
    }

    @Test
    void realtimeMessagesAreStepOnesModels() {
        String typing = "{\"type\":\"typing\",\"author\":\"bob\"}";
        assertEquals(typing, JSON.write(JSON.read(typing, Typing.class)));

        String created = "{\"type\":\"message.created\",\"message\":" + CHAT_MESSAGE + "}";
        MessageCreated event = JSON.read(created, MessageCreated.class);
        assertEquals("m1", event.message().id());
        assertEquals(created, JSON.write(event));
        assertNotNull(ChatRealtimeClient.class.getName(), "step 2's client is compiled alongside");
    }
}
