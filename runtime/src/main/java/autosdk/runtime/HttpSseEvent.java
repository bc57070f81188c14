package autosdk.runtime;

import java.time.Duration;

/**
 * One dispatched server-sent event.
 *
 * @param event the event type; {@code "message"} when the stream gave none
 * @param data  the {@code data:} lines joined with {@code \n}
 * @param id    the last event ID at dispatch time (sticky across events, as in the WHATWG spec); {@code ""} if never
 * set
 * @param retry the reconnection time from a {@code retry:} field received since the previous event, else {@code null}
 */
public record HttpSseEvent(String event, String data, String id, Duration retry) {}
