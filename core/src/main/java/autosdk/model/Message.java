package autosdk.model;

/**
 * A message on a channel. {@code discriminatorProperty}/{@code discriminatorValue} tell it apart
 * from the channel's other messages when the payload has a one-value property such as "type".
 */
public record Message(
        String name,
        TypeRef payload,
        String contentType,
        Doc doc,
        boolean binary,
        String discriminatorProperty,
        String discriminatorValue) {}
