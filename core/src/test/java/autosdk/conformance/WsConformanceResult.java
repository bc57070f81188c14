package autosdk.conformance;

import java.util.ArrayList;
import java.util.List;

/** What one spec's conformance run counted, and every message that was rejected or mistyped. */
final class WsConformanceResult {
    /** A message that did not conform: which, where, and what happened. */
    record Problem(String spec, String channel, String scenario, String message, Kind kind, String detail) {
        @Override
        public String toString() {
            return spec + " [" + channel + "] " + scenario + " " + message + ": " + kind + " - " + detail;
        }
    }

    enum Kind {
        /** The harness has no valid sample of a message (it does not send it, and we cannot send it). */
        NO_SAMPLE,
        /** The client has no send method, or no event, for a message the harness says the channel carries. */
        NOT_IN_CLIENT,
        /** The harness's valid sample could not be read as the generated payload type. */
        SAMPLE_NOT_READABLE,
        /** Sending failed, or the harness judged the frame our client sent invalid. */
        REJECTED,
        /** A frame of the harness arrived as another event than its message's (Unknown included), or not at all. */
        MISTYPED
    }

    final String spec;
    final String perspective;
    int channels;
    int clientMessages;
    int sent;
    int valid;
    int serverFrames;
    int typedCorrectly;
    int unknownAsExpected;
    int mistyped;
    /**
     * Frames typed as another message whose schema also accepts them (the harness's validator says so): the spec leaves
     * it open.
     */
    int ambiguous;
    /**
     * Findings that are neither a rejection nor a mistyping, e.g. a send method for a message the harness does not let
     * the client send.
     */
    final List<String> notes = new ArrayList<>();

    final List<Problem> problems = new ArrayList<>();

    WsConformanceResult(String spec, String perspective) {
        this.spec = spec;
        this.perspective = perspective;
    }

    /** Adds the counts and problems of a part of this spec's run (one scenario of one channel, run in parallel). */
    synchronized void add(WsConformanceResult part) {
        clientMessages += part.clientMessages;
        sent += part.sent;
        valid += part.valid;
        serverFrames += part.serverFrames;
        typedCorrectly += part.typedCorrectly;
        unknownAsExpected += part.unknownAsExpected;
        mistyped += part.mistyped;
        ambiguous += part.ambiguous;
        problems.addAll(part.problems);
        notes.addAll(part.notes);
    }

    void problem(String channel, String scenario, String message, Kind kind, String detail) {
        problems.add(new Problem(spec, channel, scenario, message, kind, detail));
    }
}
